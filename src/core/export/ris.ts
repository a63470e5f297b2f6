/**
 * RIS for Zotero, EndNote, Rayyan and Covidence, written the way Zotero's own RIS export writes it:
 *
 * - UTF-8 without a BOM; every line ends with CRLF, as the RIS specification asks (every reader takes it, and
 *   EndNote on Windows wants it); `TAG  - value`; each record starts with `TY` and ends with `ER  - `, then a
 *   blank line.
 * - `TY` from the entry type (article → JOUR, inproceedings → CONF, book → BOOK, incollection → CHAP, thesis →
 *   THES, report → RPRT, unpublished → UNPB, online → ELEC, anything else GEN); `TI`; one `AU` per author as
 *   "Family, Given" (an organisation whole); `PY` the year and `DA` the full date when known (`2025/09/29/`);
 *   `T2` the venue (Zotero reads it as the publication or conference title), also `JO` for journal articles
 *   (what simpler readers take as the journal) and `C3` for conference papers (the proceedings title); `DO`; `AN`
 *   the PubMed id (the accession number, as EndNote and Ovid write it); `UR` (an arXiv paper without a URL gets its abs page,
 *   which is also how our reader finds the arXiv id); `AB`.
 * - Keywords: one `KW` per keyword of the source (EndNote XML has them) and per tag, then the decision as `KW  - literature-triage:include` (maybe, exclude); `N1`
 *   "Literature Triage: include" (with the exclusion reason), and the note in a second `N1`.
 * - Text is plain (LaTeX accents decoded, invisible characters dropped, white space collapsed). The abstract's
 *   paragraphs and the note's lines become continuation lines; one that would read as a tag line (`ER  - …`)
 *   starts with a space, which readers trim.
 */
import { plainParagraphs, plainText } from '../bibtex/escape';
import { invertedName, splitName } from './personName';
import { decisionKeyword, exclusionReasonOf, keywordsOf, type ExportRecord } from './record';

const EOL = '\r\n';

const RIS_TYPES: Record<string, string> = {
  article: 'JOUR',
  inproceedings: 'CONF',
  conference: 'CONF',
  proceedings: 'CONF',
  book: 'BOOK',
  inbook: 'CHAP',
  incollection: 'CHAP',
  phdthesis: 'THES',
  mastersthesis: 'THES',
  thesis: 'THES',
  techreport: 'RPRT',
  report: 'RPRT',
  unpublished: 'UNPB',
  online: 'ELEC',
  electronic: 'ELEC',
  www: 'ELEC',
};

export function risType(entryType: string | undefined): string {
  return RIS_TYPES[entryType?.toLowerCase() ?? ''] ?? 'GEN';
}

/** A continuation line that a reader would take for a tag line gets a leading space. */
const LOOKS_LIKE_TAG = /^[A-Z][A-Z0-9] {1,2}-(?: |$)/;

function tagLines(tag: string, lines: readonly string[]): string[] {
  if (!lines.length) return [];
  const [first, ...rest] = lines;
  return [`${tag}  - ${first}`, ...rest.map((line) => (LOOKS_LIKE_TAG.test(line) ? ` ${line}` : line))];
}

/** `2025/09/29/` from an ISO date whose year is the paper's year; undefined for a year alone. */
function risDate(published: string | undefined, year: number | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  if (!match || Number(match[1]) !== year) return undefined;
  return `${match[1]}/${match[2]}/${match[3]}/`;
}

export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

function recordLines(record: ExportRecord): string[] {
  const { paper, triage } = record;
  const lines: string[] = [];
  const one = (tag: string, value: string | undefined): void => {
    const text = value === undefined ? '' : plainText(value);
    if (text) lines.push(`${tag}  - ${text}`);
  };
  const type = risType(paper.entryType);
  lines.push(`TY  - ${type}`);
  one('TI', paper.title || 'Untitled');
  for (const author of paper.authors ?? []) {
    const name = splitName(author);
    if (name) one('AU', invertedName(name));
  }
  const year = paper.year !== undefined && Number.isInteger(paper.year) ? paper.year : undefined;
  one('PY', year === undefined ? undefined : String(year));
  one('DA', risDate(paper.published, year));
  one('T2', paper.venue);
  if (type === 'JOUR') one('JO', paper.venue);
  if (type === 'CONF') one('C3', paper.venue);
  one('DO', paper.doi);
  one('AN', paper.pmid);
  one('UR', paper.url ?? (paper.arxivId ? arxivAbsUrl(paper.arxivId) : undefined));
  lines.push(...tagLines('AB', plainParagraphs(paper.abstract)));
  for (const keyword of keywordsOf(record)) one('KW', keyword);
  one('KW', decisionKeyword(triage?.status));
  if (triage && triage.status !== 'untriaged') {
    const reason = exclusionReasonOf(triage);
    one('N1', `Literature Triage: ${triage.status}${reason ? ` (reason: ${reason})` : ''}`);
  }
  const note = (triage?.note ?? '')
    .split(/\r\n?|\n/)
    .map(plainText)
    .filter(Boolean);
  lines.push(...tagLines('N1', note));
  lines.push('ER  - ');
  return lines;
}

export function writeRis(records: readonly ExportRecord[]): string {
  return records.map((r) => recordLines(r).join(EOL) + EOL + EOL).join('');
}
