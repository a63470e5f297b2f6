import { CorpusError, type Paper, type ReadWarning } from '../model/paper';
import { labelValue } from '../readers/csv/labels';
import { readTable } from '../readers/csv/table';

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

/**
 * Reads a labelled screening CSV (`id,title,abstract,included`, as exported by ASReview and R's `write.csv`)
 * with the corpus CSV reader's table layer (readers/csv/table.ts): columns are found by header name as there
 * (case-insensitive, any order; `title`, `abstract` and a label column such as `included` or `label_included`
 * are required, an id column is optional), a `.tsv` file is tab-separated. Unlike a corpus file, a dataset is
 * read strictly, so a damaged file fails instead of skewing a simulation: invalid UTF-8, NUL bytes, malformed
 * CSV (RFC 4180, every record as wide as the header), a missing column or a label other than 0/1 (true/false,
 * yes/no, …; empty or -1 = undecided) are CorpusErrors naming file and line. Title and abstract have white space
 * (line breaks, tabs, NBSP) collapsed. Records are keyed by their position in the file and never merged.
 */
export function readScreeningCsv(
  input: Uint8Array | string,
  file: string,
  options: ScreeningCsvOptions = {},
): ScreeningDataset {
  const text = typeof input === 'string' ? input : decodeUtf8(input, file);
  if (text.indexOf('\u0000') !== -1) throw new CorpusError(file, 'binary data (NUL bytes), not a CSV file');
  const warnings: ReadWarning[] = [];
  const table = readTable(text, file, /\.tsv$/i.test(file) ? { delimiter: '\t' } : {});
  if (!table) return { file, records: [], warnings };

  const { columns, header } = table;
  for (const [col, name] of [
    [columns.title, 'title'],
    [columns.abstract, 'abstract'],
    [columns.label, 'included'],
  ] as const) {
    if (col === -1) throw new CorpusError(file, `missing column "${name}" in the header`, header.line);
  }

  const makeId = options.makeId ?? ((record: number) => `row-${record}`);
  const records: LabelledPaper[] = [];
  table.rows.forEach((row, i) => {
    const recordNo = i + 1;
    const title = collapseWhitespace(row.fields[columns.title] ?? '');
    const abstract = collapseWhitespace(row.fields[columns.abstract] ?? '');
    const included = parseLabel(row.fields[columns.label] ?? '', file, row.line);
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
      sourceId: columns.id === -1 ? '' : (row.fields[columns.id] ?? '').trim(),
    });
  });
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

/** A decision the corpus reader reads (`1`, `yes`, `included`, …; empty or `-1` = none); `maybe` is not one. */
function parseLabel(raw: string, file: string, line: number): boolean | undefined {
  const status = labelValue(raw);
  if (status === null) return undefined;
  if (status === 'include' || status === 'exclude') return status === 'include';
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
