/** Where a paper came from: the corpus file and the line (text formats) or record number (structured ones). */
export interface SourceRef {
  file: string;
  /** 1-based line of the record's first line, when the format has lines. */
  line?: number;
  /** 1-based index of the record in the file. */
  record?: number;
}

export interface Paper {
  /** Stable id derived from content (see identity/paperId.ts). */
  id: string;
  title: string;
  abstract: string;
  authors?: string[];
  year?: number;
  doi?: string;
  arxivId?: string;
  /** PubMed id (digits only) when the source gives one. */
  pmid?: string;
  url?: string;
  /** BibTeX entry type of the source when it had one (article, book, ...). */
  entryType?: string;
  /** The citation key the source gave the paper (a .bib entry's key); exports reuse it. */
  citationKey?: string;
  /** Journal / booktitle / venue when the source names one. */
  venue?: string;
  /** Keywords or subject headings the source gives (EndNote `keyword`s), in order, without duplicates. */
  keywords?: string[];
  /** Publication date as ISO 8601 (`2025-09-29` or a full timestamp) when the source gives one. */
  published?: string;
  /**
   * Other ids this paper is known under: the ids of the records merged into it (see identity/merge.ts).
   * Look up saved state under `id` first, then under these.
   */
  aliases?: string[];
  /** http(s) URLs found in the abstract, in order of appearance, without duplicates. */
  links: string[];
  sources: SourceRef[];
}

export interface ReadWarning {
  file: string;
  /** 'info' for expected skips (a page header); absent means a real warning. */
  severity?: 'info' | 'warning';
  line?: number;
  record?: number;
  message: string;
}

/**
 * A screening decision a corpus file carries (a CSV label column, Rayyan's notes, a Covidence list), for the
 * paper it was read into: `paperId` is the id that survived merging duplicates inside the file.
 */
export interface FileDecision {
  paperId: string;
  status: 'include' | 'exclude' | 'maybe';
  /** Why the paper was excluded, as the file says (exclusion decisions only). */
  reason?: string;
  /** Free-text notes the file keeps with the decision (Rayyan's USER-NOTES, a notes column). */
  note?: string;
  /** Labels the file gives the paper (Rayyan's labels, a tags column). */
  tags?: string[];
  file: string;
  /** 1-based line of the row the decision was read from. */
  line: number;
}

export interface ReadResult {
  papers: Paper[];
  warnings: ReadWarning[];
  /** Decisions the file carries, at most one per paper; absent for formats without decisions. */
  decisions?: FileDecision[];
}

/** Input that cannot be read at all (binary data, invalid encoding, malformed structure). */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    /** What is wrong, without the file and line the full message starts with. */
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${detail}`);
    this.name = 'CorpusError';
  }
}
