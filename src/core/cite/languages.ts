/** The editor languages citations are read in, by VS Code language id. */
export type CiteSyntax = 'latex' | 'markdown' | 'typst';

const SYNTAX: Record<string, CiteSyntax> = {
  latex: 'latex',
  tex: 'latex',
  'latex-expl3': 'latex',
  markdown: 'markdown',
  quarto: 'markdown',
  rmd: 'markdown',
  rmarkdown: 'markdown',
  pandoc: 'markdown',
  typst: 'typst',
};

export const CITE_LANGUAGE_IDS: readonly string[] = Object.keys(SYNTAX);

export function citeSyntax(languageId: string): CiteSyntax | undefined {
  return SYNTAX[languageId];
}
