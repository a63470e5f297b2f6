import { CorpusError, type Paper, type ReadWarning } from '../model/paper';
import { parseCsv } from './csv';

/** A paper from a labelled screening CSV with its decision. */
interface LabelledPaper {
  paper: Paper;
  /** true = included, false = excluded, undefined = no decision in the file (empty cell). */
  included: boolean | undefined;
  /** The file's own `id` column ('' when the file has none); not unique in real files, so never a key. */
  sourceId: string;
}

interface ScreeningDataset {
  file: string;
  records: LabelledPaper[];
  warnings: ReadWarning[];
}

interface ScreeningCsvOptions {
  /** Paper id for the record at 1-based position `record`; default `row-<record>` (records are keyed by row). */
  makeId?: (record: number, title: string, abstract: string) => string;
}

const LABEL_COLUMNS = ['included', 'label_included', 'final_included'];

/**
 * Reads a labelled screening CSV (`id,title,abstract,included`, as exported by ASReview and R's `write.csv`).
 * Columns are found by header name (case-insensitive, any order); `title`, `abstract` and an `included` column
 * are required, `id` is optional. Title and abstract have white space (line breaks, tabs, NBSP) collapsed.
 * Records are keyed by their position in the file. Invalid UTF-8, NUL bytes, malformed CSV, a missing column
 * or a label other than 0/1 (true/false, yes/no; empty = undecided) are CorpusErrors naming file and line.
 */
export function readScreeningCsv(
  input: Uint8Array | string,
  file: string,
  options: ScreeningCsvOptions = {},
): ScreeningDataset {
  const text = typeof input === 'string' ? input : decodeUtf8(input, file);
  if (text.indexOf('\u0000') !== -1) throw new CorpusError(file, 'binary data (NUL bytes), not a CSV file');
  const rows = parseCsv(text, file);
  const warnings: ReadWarning[] = [];
  const header = rows[0];
  if (!header) return { file, records: [], warnings };

  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const column = (names: string[]): number => columns.findIndex((c) => names.includes(c));
  const idCol = column(['id', 'record_id']);
  const titleCol = column(['title', 'primary_title']);
  const abstractCol = column(['abstract', 'notes_abstract']);
  const labelCol = column(LABEL_COLUMNS);
  for (const [col, name] of [
    [titleCol, 'title'],
    [abstractCol, 'abstract'],
    [labelCol, 'included'],
  ] as const) {
    if (col === -1) throw new CorpusError(file, `missing column "${name}" in the header`, header.line);
  }

  const makeId = options.makeId ?? ((record: number) => `row-${record}`);
  const records: LabelledPaper[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const recordNo = r;
    const title = collapseWhitespace(row.fields[titleCol] ?? '');
    const abstract = collapseWhitespace(row.fields[abstractCol] ?? '');
    const included = parseLabel(row.fields[labelCol] ?? '', file, row.line);
    if (!title && !abstract) {
      warnings.push({
        file,
        line: row.line,
        record: recordNo,
        message: 'record has neither title nor abstract',
      });
    }
    records.push({
      paper: {
        id: makeId(recordNo, title, abstract),
        title,
        abstract,
        links: findLinks(abstract),
        sources: [{ file, line: row.line, record: recordNo }],
      },
      included,
      sourceId: idCol === -1 ? '' : (row.fields[idCol] ?? '').trim(),
    });
  }
  return { file, records, warnings };
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    // The decoder drops one leading BOM by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CorpusError(file, 'not valid UTF-8 text');
  }
}

function parseLabel(raw: string, file: string, line: number): boolean | undefined {
  const value = raw.trim().toLowerCase();
  if (value === '') return undefined;
  if (value === '1' || value === 'true' || value === 'yes') return true;
  if (value === '0' || value === 'false' || value === 'no') return false;
  throw new CorpusError(file, `"included" must be 0 or 1 (or empty), got ${JSON.stringify(raw)}`, line);
}

const WHITESPACE_RUN = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

const URL_RE = /\bhttps?:\/\/[^\s<>"']+/g;

function findLinks(text: string): string[] {
  const links: string[] = [];
  for (const match of text.matchAll(URL_RE)) {
    const url = match[0].replace(/[.,;:)\]]+$/, '');
    if (!links.includes(url)) links.push(url);
  }
  return links;
}
