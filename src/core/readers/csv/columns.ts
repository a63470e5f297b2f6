/**
 * Which column holds what, by header name. A header is compared in a normal form: lower case, every run of
 * characters other than letters, digits and `#` one space (`Published Year`, `published_year` and
 * `published-year` are the same; `Authors, Primary` is `authors primary`; `Covidence #` is `covidence #`).
 * Each field takes the first of its names the header has, in the order below (so a Scopus file's `Authors`
 * wins over its `Author full names`). The names are those ASReview, Rayyan, Covidence, PubMed, Scopus,
 * Zotero, Citavi and Web of Science (two-letter tags) write.
 */

export const COLUMN_NAMES = {
  title: ['title', 'primary title', 'title primary', 'article title', 'document title', 'ti'],
  abstract: ['abstract', 'notes abstract', 'abstract note', 'abstract text', 'ab', 'summary'],
  authors: ['authors', 'author', 'author names', 'authors primary', 'af', 'author full names', 'au'],
  year: ['year', 'publication year', 'published year', 'pub year', 'year published', 'py'],
  date: ['date', 'publication date', 'published', 'pubdate', 'issued', 'date published'],
  doi: ['doi', 'di'],
  url: ['url', 'link', 'urls', 'links', 'ur'],
  venue: [
    'journal',
    'secondary title',
    'source title',
    'publication title',
    'journal title',
    'journal book',
    'periodical full',
    'container title',
    'journal name',
    'so',
    't2',
  ],
  keywords: ['keywords', 'author keywords', 'keyword', 'kw', 'de'],
  notes: ['notes', 'note', 'asreview note', 'n1'],
  tags: ['tags'],
  pmid: ['pmid', 'pubmed id', 'pubmedid', 'pm'],
  arxivId: ['arxiv id', 'arxivid', 'arxiv', 'eprint'],
  citationKey: ['citation key', 'citationkey', 'bibtex key', 'cite key', 'citekey'],
  /** The file's own record id: named in warnings (never an identity: real files repeat them). */
  id: ['record id', 'id', 'key', 'covidence #', 'reference id', 'ref id', 'ut', 'accession number'],
  label: [
    'label included',
    'included',
    'final included',
    'label',
    'asreview label',
    'included label',
    'included final',
    'include',
    'included flag',
    'decision',
    'screening decision',
  ],
  reason: ['exclusion reason', 'exclusion reasons', 'reason for exclusion', 'reason'],
  /** Its presence marks a Covidence export, whose decision is the list it was exported from. */
  covidence: ['covidence #', 'covidence'],
} as const;

export type Field = keyof typeof COLUMN_NAMES;

export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

/** Column positions by field (-1: the file has no such column). */
export type ColumnMap = Record<Field, number>;

export function mapColumns(header: readonly string[]): ColumnMap {
  const names = header.map(normalizeHeader);
  const map = {} as ColumnMap;
  for (const field of Object.keys(COLUMN_NAMES) as Field[]) {
    map[field] = -1;
    for (const alias of COLUMN_NAMES[field]) {
      const at = names.indexOf(alias);
      if (at !== -1) {
        map[field] = at;
        break;
      }
    }
  }
  return map;
}

/** How many of the header's columns are ones this reader knows (for recognising a table by content). */
export function knownColumns(header: readonly string[]): number {
  const known = new Set<string>(Object.values(COLUMN_NAMES).flat());
  return header.filter((name) => known.has(normalizeHeader(name))).length;
}
