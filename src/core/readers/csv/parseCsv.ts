import { CorpusError, type ReadWarning } from '../../model/paper';

/** One CSV record: its fields and the 1-based physical line it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

export type Delimiter = ',' | '\t' | ';';

export interface CsvOptions {
  /** `,` (default), tab (TSV) or `;` (a spreadsheet saved in a locale whose decimal mark is a comma). */
  delimiter?: Delimiter;
  /**
   * Strict (the default, for screening datasets): anything RFC 4180 does not allow is a CorpusError.
   * Lenient (corpus files, see below): quotes that do not close a field are taken literally, with a warning in
   * `warnings`, and records may have any number of fields (the caller decides what a ragged row means).
   */
  lenient?: boolean;
  warnings?: ReadWarning[];
}

/**
 * RFC 4180 CSV (or TSV with a tab delimiter):
 * - fields are separated by the delimiter and records by CRLF, LF or a lone CR;
 * - a field that starts with `"` is quoted: `""` inside it is one `"`, and it may span lines (line breaks inside
 *   are kept, CRLF/CR normalised to LF); after the closing quote only the delimiter, a line break or the end
 *   may follow;
 * - strict: a `"` inside an unquoted field, a quoted field left open at the end of the file, or a record whose
 *   field count differs from the first record's is a CorpusError naming the file and line;
 * - lenient: a field whose opening quote is never closed, or whose closing quote is followed by other text
 *   (`"Social distancing" measures`, common in unquoted TSV), is read as an unquoted field (to the next
 *   delimiter or line end, quotes kept); a `"` inside an unquoted field is kept; one warning names the count
 *   and the first line. Field counts are not checked;
 * - one leading BOM is dropped; a final line break does not start an empty record; records that are one empty
 *   field (blank lines) are skipped.
 * Linear in the input size.
 */
export function parseCsv(input: string, file: string, options: CsvOptions = {}): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  const lenient = options.lenient ?? false;
  const records: CsvRecord[] = [];
  const n = text.length;
  let pos = 0;
  let line = 1;
  let expectedFields = -1;
  let literalQuotes = 0;
  let literalQuotesLine = 0;

  /** An unquoted field from `pos`: up to the delimiter or line end. */
  const unquoted = (): string => {
    const start = pos;
    let quotes = false;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === delimiter || c === 0x0a || c === 0x0d) break;
      if (c === 0x22) {
        if (!lenient) throw new CorpusError(file, 'a " inside an unquoted field (quote the field)', line);
        quotes = true;
      }
      pos++;
    }
    if (quotes && literalQuotes++ === 0) literalQuotesLine = line;
    return text.slice(start, pos);
  };

  while (pos < n) {
    const recordLine = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value: string;
      if (text.charCodeAt(pos) === 0x22 /* " */) {
        const fieldStart = pos;
        const fieldLine = line;
        const parts: string[] = [];
        let from = pos + 1;
        let closed = true;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) {
            if (!lenient) {
              throw new CorpusError(file, 'quoted field is never closed (missing closing ")', fieldLine);
            }
            closed = false;
            break;
          }
          line += countLineBreaks(text, from, quote);
          parts.push(text.slice(from, quote));
          if (text.charCodeAt(quote + 1) === 0x22) {
            parts.push('"');
            from = quote + 2;
            continue;
          }
          pos = quote + 1;
          break;
        }
        const next = text.charCodeAt(pos);
        const cleanEnd = closed && (pos >= n || next === delimiter || next === 0x0a || next === 0x0d);
        if (cleanEnd) {
          value = normalizeBreaks(parts.join(''));
        } else if (lenient) {
          // Not a quoted field after all: read it again as plain text, on its own line.
          pos = fieldStart;
          line = fieldLine;
          value = unquoted();
        } else {
          throw new CorpusError(file, `unexpected ${describeChar(text, pos)} after a closing quote`, line);
        }
      } else {
        value = unquoted();
      }
      fields.push(value);

      const c = text.charCodeAt(pos);
      if (c === delimiter) {
        pos++;
      } else {
        endOfRecord = true;
        if (c === 0x0d || c === 0x0a) {
          pos += c === 0x0d && text.charCodeAt(pos + 1) === 0x0a ? 2 : 1;
          line++;
        }
      }
    }

    if (fields.length === 1 && fields[0] === '') continue;
    if (expectedFields === -1) expectedFields = fields.length;
    else if (!lenient && fields.length !== expectedFields) {
      throw new CorpusError(
        file,
        `record has ${fields.length} fields, expected ${expectedFields} like the header`,
        recordLine,
      );
    }
    records.push({ fields, line: recordLine });
  }
  if (literalQuotes && options.warnings) {
    options.warnings.push({
      file,
      line: literalQuotesLine,
      message: `${literalQuotes} field${literalQuotes === 1 ? '' : 's'} with a " that does not quote ${literalQuotes === 1 ? 'it' : 'them'}: read as text, quotes kept`,
    });
  }
  return records;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) count++;
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) count++;
  }
  return count;
}

function normalizeBreaks(value: string): string {
  return value.indexOf('\r') === -1 ? value : value.replace(/\r\n?/g, '\n');
}

function describeChar(text: string, pos: number): string {
  return JSON.stringify(text.slice(pos, pos + 1));
}
