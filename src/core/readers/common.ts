import type { Paper, ReadResult, ReadWarning, SourceRef } from '../model/paper';
import { mergePapersDetailed } from '../identity/merge';
import { cleanDoi, normalizeArxivId, pmidKey } from '../identity/normalize';
import { paperId } from '../identity/paperId';
import { extractLinks } from '../text/normalize';

/** What a reader knows about one record; `makePaper` turns it into a Paper with its id and links. */
export interface PaperFields {
  title: string;
  abstract: string;
  authors?: string[];
  year?: number;
  doi?: string;
  arxivId?: string;
  pmid?: string;
  url?: string;
  entryType?: string;
  citationKey?: string;
  venue?: string;
  keywords?: string[];
  published?: string;
  /** Links the source names outside the abstract (a code repository, a project page). */
  extraLinks?: string[];
}

/** Every reader's text ends up NFC-normalised, whatever form the source (or a parser library) produced. */
const nfc = (s: string): string => s.normalize('NFC');

export function makePaper(f: PaperFields, source: SourceRef): Paper {
  const doi = cleanDoi(f.doi);
  const arxivId = normalizeArxivId(f.arxivId);
  const pmid = pmidKey(f.pmid);
  const title = nfc(f.title);
  const abstract = nfc(f.abstract);
  const paper: Paper = {
    id: paperId({ title, abstract, doi, arxivId, pmid }),
    title,
    abstract,
    links: [...new Set([...extractLinks(abstract), ...(f.extraLinks ?? []).filter(isHttpUrl)])],
    sources: [source],
  };
  const authors = f.authors?.map(nfc).filter((a) => a.trim().length > 0);
  if (authors?.length) paper.authors = authors;
  if (f.year !== undefined && Number.isFinite(f.year)) paper.year = f.year;
  if (doi) paper.doi = doi;
  if (arxivId) paper.arxivId = arxivId;
  if (pmid) paper.pmid = pmid;
  if (f.url) paper.url = f.url;
  if (f.entryType) paper.entryType = f.entryType;
  if (f.citationKey) paper.citationKey = f.citationKey;
  if (f.venue) paper.venue = nfc(f.venue);
  const keywords = [...new Set(f.keywords?.map(nfc).filter((k) => k.trim().length > 0))];
  if (keywords.length) paper.keywords = keywords;
  if (f.published) paper.published = f.published;
  return paper;
}

export function isHttpUrl(s: string | undefined | null): s is string {
  return typeof s === 'string' && /^https?:\/\/\S+$/i.test(s.trim());
}

/** A four-digit year between 1000 and 2999 found in the text, or undefined. */
export function parseYear(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw >= 1000 && raw < 3000 ? Math.trunc(raw) : undefined;
  if (typeof raw !== 'string') return undefined;
  const m = /(?:^|\D)([12]\d{3})(?!\d)/.exec(raw);
  return m?.[1] ? Number(m[1]) : undefined;
}

/**
 * Ends every reader: duplicates inside one file are merged (one Paper, all its sources) and each merge or
 * same-title-kept-apart decision becomes a warning naming the record.
 */
export function finish(file: string, records: Paper[], warnings: ReadWarning[]): ReadResult {
  const { papers, notes } = mergePapersDetailed([records]);
  for (const n of notes) {
    const w: ReadWarning = { file, message: n.message };
    if (n.source?.line !== undefined) w.line = n.source.line;
    if (n.source?.record !== undefined) w.record = n.source.record;
    warnings.push(w);
  }
  return { papers, warnings };
}

/** Short quote of a text for a warning message. */
export function quote(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `"${one.length > max ? `${one.slice(0, max - 1)}…` : one}"`;
}
