/**
 * CSV in ASReview's column names, which Rayyan, Covidence and any spreadsheet also read:
 * `record_id,title,abstract,authors,year,doi,label_included,exclusion_reason,tags,note`.
 *
 * - RFC 4180: comma-separated, CRLF between records (and after the last), a field quoted when it holds a comma,
 *   a quote or a line break, quotes doubled. UTF-8 without a BOM: with one, pandas (so ASReview) reads the first
 *   column as "\uFEFFrecord_id".
 * - `record_id`: 1, 2, … in export order (ASReview wants unique integers there).
 * - `label_included`: 1 include, 0 exclude, empty for maybe and undecided (ASReview's "not labelled"; it has no
 *   maybe). `exclusion_reason`: the reason of an excluded paper, when one was given.
 * - `authors`: "Family, Given" joined by "; "; `tags` joined by "; " (tags hold no semicolons); `note` as
 *   written, line breaks kept; the abstract's paragraphs separated by a blank line. Text is plain (see ris.ts).
 * - A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula in Excel,
 *   LibreOffice or Google Sheets (CSV injection): it gets a leading `'`, which spreadsheets show as text and
 *   which is the one change made to the text.
 */
import { plainParagraphs, plainText } from '../bibtex/escape';
import { invertedName, splitName } from './personName';
import { exclusionReasonOf, type ExportRecord } from './record';

export const ASREVIEW_COLUMNS = [
  'record_id',
  'title',
  'abstract',
  'authors',
  'year',
  'doi',
  'label_included',
  'exclusion_reason',
  'tags',
  'note',
] as const;

const EOL = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe for spreadsheets: a leading formula character gets a `'` before it. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function label(status: string | undefined): string {
  if (status === 'include') return '1';
  if (status === 'exclude') return '0';
  return '';
}

/** The note's lines, each cleaned like any other text, blank lines kept. */
function noteText(note: string): string {
  return note
    .split(/\r\n?|\n/)
    .map(plainText)
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{3,}/g, '\n\n');
}

function row({ paper, triage }: ExportRecord, index: number): string[] {
  const authors = (paper.authors ?? [])
    .map(splitName)
    .filter((n) => n !== undefined)
    .map((n) => invertedName(n).replace(/;/g, ','));
  const year = paper.year !== undefined && Number.isInteger(paper.year) ? String(paper.year) : '';
  const text = [plainText(paper.title), plainParagraphs(paper.abstract).join('\n\n'), authors.join('; ')].map(
    defuseFormula,
  );
  return [
    String(index + 1),
    ...text,
    year,
    defuseFormula(paper.doi ? plainText(paper.doi) : ''),
    label(triage?.status),
    defuseFormula(exclusionReasonOf(triage)),
    defuseFormula((triage?.tags ?? []).join('; ')),
    defuseFormula(noteText(triage?.note ?? '')),
  ];
}

export function writeAsreviewCsv(records: readonly ExportRecord[]): string {
  const lines = [ASREVIEW_COLUMNS.join(','), ...records.map((r, i) => row(r, i).map(csvField).join(','))];
  return lines.join(EOL) + EOL;
}
