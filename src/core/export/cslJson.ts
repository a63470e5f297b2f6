/**
 * CSL-JSON: the bibliography format of pandoc `--citeproc`, Zotero, Better BibTeX and every CSL processor.
 *
 * - `id` (and `citation-key`): the paper's citation key as Export BibTeX gives it (keyPapers), so `[@key]` and
 *   `\cite{key}` name the same paper whichever file a document uses.
 * - `type` from the entry type: article → article-journal, inproceedings → paper-conference, book → book,
 *   incollection → chapter, thesis → thesis, report → report, unpublished → manuscript, online → webpage; an
 *   arXiv paper otherwise is `article` (CSL's preprint type) with `publisher` "arXiv" and `number`
 *   "arXiv:<id>", as Zotero writes preprints; anything else `document`.
 * - `author`: `{ family, given, suffix }`, or `{ literal }` for an organisation (personName.ts); `issued`:
 *   `date-parts` [[year]] or [[year, month, day]]; `title`, `container-title` (the venue), `DOI`, `URL` (an
 *   arXiv paper without one gets its abs page), `PMID`, `abstract` (paragraphs kept).
 * - Triage: the decision, the source's keywords and the tags in `keyword` ("literature-triage:include, tag, …"),
 *   the note in `annote`.
 *   Not in `note`: 198 of the 2,549 styles of the official CSL repository print `note` in the bibliography
 *   (and citeproc-js reads `key: value` lines there as variables), one prints `keyword`; `annote` is printed
 *   only by annotated-bibliography styles, which exist to print it.
 * - Text is plain (LaTeX accents decoded, invisible characters dropped, white space collapsed).
 */
import { plainParagraphs, plainText } from '../bibtex/escape';
import { splitName } from './personName';
import { decisionKeyword, keywordsOf, type ExportRecord } from './record';
import { arxivAbsUrl } from './ris';

type CslName = { family: string; given?: string; suffix?: string } | { literal: string };

export interface CslItem {
  id: string;
  'citation-key'?: string;
  type: string;
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  publisher?: string;
  number?: string;
  DOI?: string;
  URL?: string;
  PMID?: string;
  abstract?: string;
  keyword?: string;
  annote?: string;
}

const CSL_TYPES: Record<string, string> = {
  article: 'article-journal',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  proceedings: 'book',
  book: 'book',
  inbook: 'chapter',
  incollection: 'chapter',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  techreport: 'report',
  report: 'report',
  unpublished: 'manuscript',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
};

function cslType(entryType: string | undefined, arxiv: boolean): string {
  return CSL_TYPES[entryType?.toLowerCase() ?? ''] ?? (arxiv ? 'article' : 'document');
}

function dateParts(year: number | undefined, published: string | undefined): number[] | undefined {
  if (year === undefined || !Number.isInteger(year)) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  if (match && Number(match[1]) === year) return [year, Number(match[2]), Number(match[3])];
  return [year];
}

interface CslOptions {
  /** Decision, tags and note (`keyword`, `annote`); off for a formatted citation. Default on. */
  triage?: boolean;
}

export function toCslItem({ paper, triage, key }: ExportRecord, options: CslOptions = {}): CslItem {
  const id = key ?? paper.citationKey ?? paper.id;
  const type = cslType(paper.entryType, paper.arxivId !== undefined);
  const item: CslItem = { id, type, title: plainText(paper.title) || 'Untitled' };
  if (key) item['citation-key'] = key;
  const authors = (paper.authors ?? []).map(splitName).filter((n) => n !== undefined);
  if (authors.length) {
    item.author = authors.map((n) => {
      if (n.kind === 'literal') return { literal: n.literal };
      const { kind: _kind, ...parts } = n;
      return parts;
    });
  }
  const parts = dateParts(paper.year, paper.published);
  if (parts) item.issued = { 'date-parts': [parts] };
  const venue = paper.venue ? plainText(paper.venue) : '';
  if (venue) item['container-title'] = venue;
  if (paper.arxivId && type === 'article') {
    if (!venue) item.publisher = 'arXiv';
    item.number = `arXiv:${paper.arxivId}`;
  }
  if (paper.doi) item.DOI = paper.doi;
  const url = paper.url ?? (paper.arxivId ? arxivAbsUrl(paper.arxivId) : undefined);
  if (url) item.URL = url;
  if (paper.pmid) item.PMID = paper.pmid;
  const abstract = plainParagraphs(paper.abstract).join('\n\n');
  if (abstract) item.abstract = abstract;
  if (options.triage !== false) {
    const keywords = [decisionKeyword(triage?.status), ...keywordsOf({ paper, triage })].filter(Boolean);
    if (keywords.length) item.keyword = keywords.join(', ');
    const note = plainParagraphs(triage?.note ?? '').join('\n\n');
    if (note) item.annote = note;
  }
  return item;
}

/** The items as a JSON array, two-space indented, with a final line break (diff-friendly, like Zotero's). */
export function writeCslJson(records: readonly ExportRecord[]): string {
  return `${JSON.stringify(
    records.map((r) => toCslItem(r)),
    null,
    2,
  )}\n`;
}
