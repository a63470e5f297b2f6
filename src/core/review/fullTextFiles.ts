/**
 * Finding a paper's full text among PDF files by its DOI or arXiv id in the file name. Tools spell a DOI in a
 * file name in several ways (`10.1000/x.1` as `10.1000_x.1`, `10.1000-x.1`, `10.1000%2Fx.1`, after an author
 * and year, in capitals), so names and ids are compared in one folded form: lower case, percent-escapes
 * decoded, every run of characters other than letters and digits one `_`. An id must be a whole part of the
 * name: `10.1000/x.1` is not found in `10.1000_x.12.pdf`; an arXiv id may carry a version (`2401.01234v2`).
 */

export interface FullTextIds {
  readonly id: string;
  readonly doi?: string | undefined;
  readonly arxivId?: string | undefined;
}

export interface FullTextMatch {
  /** Papers with exactly one best file. */
  readonly found: ReadonlyMap<string, string>;
  /** Papers with several equally good files: none is linked, the user picks. */
  readonly ambiguous: ReadonlyMap<string, readonly string[]>;
}

/** The folded form of a name or an id. */
export function foldForFileName(text: string): string {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // A stray `%` is kept as it is.
  }
  return decoded
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

function keysOf(paper: FullTextIds): { key: string; versioned: boolean }[] {
  const keys: { key: string; versioned: boolean }[] = [];
  const doi = paper.doi?.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  if (doi) keys.push({ key: foldForFileName(doi), versioned: false });
  const arxiv = paper.arxivId
    ?.trim()
    .replace(/^arxiv:\s*/i, '')
    .replace(/v\d+$/i, '');
  if (arxiv) keys.push({ key: foldForFileName(arxiv), versioned: true });
  // Too short to be told apart from other numbers in a name.
  return keys.filter((k) => k.key.length >= 7);
}

/** How well `name` (folded, without its extension) carries `key`: 2 it is the key, 1 it holds it, 0 not. */
function score(name: string, key: string, versioned: boolean): number {
  const rest = versioned ? '(?:v\\d+)?' : '';
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`^${escaped}${rest}$`, 'u').test(name)) return 2;
  return new RegExp(`(?:^|_)${escaped}${rest}(?:_|$)`, 'u').test(name) ? 1 : 0;
}

function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.replace(/\.pdf$/i, '');
}

/**
 * Each paper's best file among `files` (paths with `/`). A file that two papers' ids both fit goes to the
 * paper with the longer id (`10.1000/x.1.2` over `10.1000/x.1`), so one file is never linked twice.
 */
export function matchFullTexts(papers: readonly FullTextIds[], files: readonly string[]): FullTextMatch {
  const names = files.map((f) => ({ file: f, name: foldForFileName(baseName(f)) }));
  const best = new Map<string, { paper: string; length: number }>();
  const candidates = new Map<string, { score: number; files: string[]; length: number }>();
  for (const paper of papers) {
    for (const { key, versioned } of keysOf(paper)) {
      for (const { file, name } of names) {
        const s = score(name, key, versioned);
        if (s === 0) continue;
        const current = candidates.get(paper.id);
        if (!current || s > current.score)
          candidates.set(paper.id, { score: s, files: [file], length: key.length });
        else if (s === current.score && !current.files.includes(file)) current.files.push(file);
        const owner = best.get(file);
        if (!owner || key.length > owner.length) best.set(file, { paper: paper.id, length: key.length });
      }
    }
  }
  const found = new Map<string, string>();
  const ambiguous = new Map<string, string[]>();
  for (const [paper, { files: matched }] of candidates) {
    const own = matched.filter((f) => best.get(f)?.paper === paper);
    if (own.length === 1) found.set(paper, own[0]!);
    else if (own.length > 1) ambiguous.set(paper, own.sort());
  }
  return { found, ambiguous };
}
