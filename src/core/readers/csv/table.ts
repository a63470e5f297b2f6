/**
 * A delimited file as a table: the header, the column of each field, the rows. The one reader behind both the
 * corpus reader (readCsv.ts) and the screening datasets (core/screening/csvReader.ts).
 *
 * The delimiter is the caller's (`.tsv`: tab), else the one of tab, `,` and `;` that splits the header line
 * into a recognised title column, else the one the header line holds most of (`,` on a tie).
 */
import type { ReadWarning } from '../../model/paper';
import { isBlank, normalizeNewlines, stripBom } from '../../text/normalize';
import { COLUMN_NAMES, knownColumns, mapColumns, normalizeHeader, type ColumnMap } from './columns';
import { parseCsv, type CsvRecord, type Delimiter } from './parseCsv';

export interface Table {
  delimiter: Delimiter;
  header: CsvRecord;
  columns: ColumnMap;
  rows: CsvRecord[];
}

export interface TableOptions {
  delimiter?: Delimiter;
  /** See parseCsv: strict for screening datasets, lenient for corpus files. */
  lenient?: boolean;
  warnings?: ReadWarning[];
}

/** Tab first: a header name may hold a comma (Citavi's `Authors, Primary`), hardly ever a tab. */
const DELIMITERS: readonly Delimiter[] = ['\t', ',', ';'];

/** The table, or undefined for a file without a header (empty, or blank lines only). */
export function readTable(text: string, file: string, options: TableOptions = {}): Table | undefined {
  const delimiter = options.delimiter ?? guessDelimiter(firstLine(text));
  const records = parseCsv(text, file, {
    delimiter,
    lenient: options.lenient,
    warnings: options.warnings,
  });
  const [header, ...rows] = records;
  if (!header) return undefined;
  return { delimiter, header, columns: mapColumns(header.fields), rows };
}

function firstLine(text: string): string {
  const lines = normalizeNewlines(stripBom(text.slice(0, 100_000))).split('\n');
  return lines.find((l) => !isBlank(l)) ?? '';
}

function headerCells(line: string, delimiter: Delimiter): string[] {
  return parseCsv(line, '', { delimiter, lenient: true })[0]?.fields ?? [];
}

const TITLE_NAMES = new Set<string>(COLUMN_NAMES.title);

function hasTitle(cells: readonly string[]): boolean {
  return cells.some((c) => TITLE_NAMES.has(normalizeHeader(c)));
}

function guessDelimiter(line: string): Delimiter {
  const titled = DELIMITERS.find((d) => hasTitle(headerCells(line, d)));
  if (titled) return titled;
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (count(line, d) > count(line, best)) best = d;
  return best;
}

function count(line: string, char: string): number {
  return line.split(char).length - 1;
}

/**
 * The delimiter of a text that starts as a table: its first line a header with a title column and at least one
 * more column this reader knows, split by that delimiter, and the very next line a row of as many fields. So
 * a listing whose first title has commas ("Title, Abstract and Authors: …", then a blank line) or a note is
 * never taken for a table.
 */
export function sniffTable(head: string): Delimiter | undefined {
  const line = firstLine(head);
  for (const d of DELIMITERS) {
    const cells = headerCells(line, d);
    if (cells.length < 2 || !hasTitle(cells) || knownColumns(cells) < 2) continue;
    const [header, row] = parseCsv(
      stripBom(head.slice(0, 20_000)).replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, ''),
      '',
      { delimiter: d, lenient: true },
    );
    if (header && row && row.line === header.line + 1 && row.fields.length === header.fields.length) return d;
  }
  return undefined;
}
