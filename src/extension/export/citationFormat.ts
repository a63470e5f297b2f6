/** How a citation is written in a document. */
type CitationStyle = 'latex' | 'pandoc' | 'plain';

const LATEX_LANGUAGES = new Set(['latex', 'tex', 'doctex', 'latex-expl3', 'context', 'rsweave', 'jlweave']);
const PANDOC_LANGUAGES = new Set(['markdown', 'quarto', 'rmd', 'rmarkdown', 'pandoc']);
const LATEX_EXTENSIONS = /\.(tex|ltx|latex|sty|cls|dtx|rnw|rtex)$/i;
const PANDOC_EXTENSIONS = /\.(md|markdown|qmd|rmd)$/i;

/** By language id, then by file name (a `.qmd` opened without a Quarto extension is plain text to VS Code). */
export function citationStyleFor(languageId: string, fileName: string): CitationStyle {
  if (LATEX_LANGUAGES.has(languageId)) return 'latex';
  if (PANDOC_LANGUAGES.has(languageId)) return 'pandoc';
  if (languageId === 'plaintext' || languageId === '') {
    if (LATEX_EXTENSIONS.test(fileName)) return 'latex';
    if (PANDOC_EXTENSIONS.test(fileName)) return 'pandoc';
  }
  return 'plain';
}

/** Inside the braces of `\cite{…}`, `\citep[…]{…}`, `\parencite{…}`… up to the cursor. */
const OPEN_LATEX_CITE = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\[[^\]]*\])*\{([^{}]*)$/;
/** Inside a pandoc citation bracket `[@a; @b` up to the cursor. */
const OPEN_PANDOC_CITE = /\[[^[\]]*@[^[\]]*$/;

/**
 * The text to insert for `key`, given the text before the cursor on its line: a whole citation, or just the
 * key when the cursor is already inside a citation's braces or brackets.
 */
export function citationText(style: CitationStyle, key: string, before = ''): string {
  if (style === 'latex') {
    const open = OPEN_LATEX_CITE.exec(before);
    if (!open) return `\\cite{${key}}`;
    return /(^|,)\s*$/.test(open[1]!) ? key : `,${key}`;
  }
  if (style === 'pandoc') {
    if (!OPEN_PANDOC_CITE.test(before)) return `[@${key}]`;
    return /[[;]\s*$/.test(before) ? `@${key}` : `; @${key}`;
  }
  return key;
}
