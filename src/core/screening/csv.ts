import { CorpusError } from '../model/paper';

/** One CSV record: its fields and the 1-based physical line it starts on. */
interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * RFC 4180 CSV, read strictly so that a damaged file fails loudly instead of shifting columns:
 * - fields are separated by `,` and records by CRLF, LF or a lone CR;
 * - a field that starts with `"` is quoted: `""` inside it is one `"`, and it may span lines (line breaks inside
 *   are kept, CRLF/CR normalised to LF); after the closing quote only `,`, a line break or the end may follow;
 * - a `"` inside an unquoted field, a quoted field left open at the end of the file, or a record whose field
 *   count differs from the first record's is a CorpusError naming the file and line;
 * - one leading BOM is dropped; a final line break does not start an empty record; records that are one empty
 *   field (blank lines) are skipped.
 * Linear in the input size.
 */
export function parseCsv(input: string, file: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const n = text.length;
  let pos = 0;
  let line = 1;
  let expectedFields = -1;

  while (pos < n) {
    const recordLine = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value: string;
      if (text.charCodeAt(pos) === 0x22 /* " */) {
        const fieldLine = line;
        const parts: string[] = [];
        let from = pos + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) {
            throw new CorpusError(file, 'quoted field is never closed (missing closing ")', fieldLine);
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
        value = normalizeBreaks(parts.join(''));
        const next = text.charCodeAt(pos);
        if (pos < n && next !== 0x2c && next !== 0x0a && next !== 0x0d) {
          throw new CorpusError(file, `unexpected ${describeChar(text, pos)} after a closing quote`, line);
        }
      } else {
        const start = pos;
        while (pos < n) {
          const c = text.charCodeAt(pos);
          if (c === 0x2c || c === 0x0a || c === 0x0d) break;
          if (c === 0x22) throw new CorpusError(file, 'a " inside an unquoted field (quote the field)', line);
          pos++;
        }
        value = text.slice(start, pos);
      }
      fields.push(value);

      const c = text.charCodeAt(pos);
      if (c === 0x2c) {
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
    else if (fields.length !== expectedFields) {
      throw new CorpusError(
        file,
        `record has ${fields.length} fields, expected ${expectedFields} like the header`,
        recordLine,
      );
    }
    records.push({ fields, line: recordLine });
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
