/**
 * The LaTeX commands whose braces hold citation keys: natbib, biblatex and plain LaTeX. Upper-case initials
 * (`\Textcite`) are biblatex's sentence-start forms.
 */
const NAMES = [
  'cite',
  'citep',
  'citet',
  'citealp',
  'citealt',
  'citeauthor',
  'citeyear',
  'citeyearpar',
  'citenum',
  'citetitle',
  'parencite',
  'textcite',
  'autocite',
  'footcite',
  'footcitetext',
  'smartcite',
  'supercite',
  'fullcite',
  'nocite',
];

export const LATEX_CITE_COMMANDS: ReadonlySet<string> = new Set([
  ...NAMES,
  ...NAMES.map((n) => n[0]!.toUpperCase() + n.slice(1)),
]);

/**
 * A cite command up to an open key group: name, optional star, up to two optional arguments, `{`. Optional
 * arguments may hold `~` and spaces but no brackets; biblatex allows at most two.
 */
export const LATEX_CITE_HEAD = String.raw`\\([A-Za-z]+)\*?[ \t]*(?:\[[^\[\]{}\n]*\][ \t]*){0,2}\{`;
