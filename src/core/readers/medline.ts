/**
 * PubMed MEDLINE ("PubMed format", `.nbib`, or the MEDLINE display saved as `.txt`). A tag-line format, read
 * by hand:
 *
 * - BOM dropped; CRLF, LF and lone CR all end a line; line numbers count them that way. Trailing spaces (PubMed
 *   writes one at the end of every wrapped line) are dropped.
 * - A tag line is `XXXX- value`: a tag of 1–4 capitals or digits, left-aligned and padded with spaces to four
 *   characters, then `- ` and the value (which may be empty).
 * - A line that starts with white space continues the previous tag's value: it is appended with one space
 *   (PubMed indents continuation lines by 6 spaces).
 * - Blank lines separate records; a file may start with blank lines. A `PMID` tag inside an open record also
 *   starts a new record. Any other line (untagged, not indented) is skipped with one warning for the file.
 *
 * Mapping: pmid PMID; title TI (BTI for a book); abstract AB; authors FAU, else AU, else CN (a group
 * author); year from DP (first 4-digit year), else DEP; venue JT, else TA; doi the first `LID - … [doi]`,
 * else the first `AID - … [doi]`; url `https://pubmed.ncbi.nlm.nih.gov/<PMID>/`; entryType `article` for a
 * `PT - Journal Article`. A record without a title is skipped with a warning naming its first line.
 */
import type { Paper, ReadResult, ReadWarning } from '../model/paper';
import { collapseSpaces, isBlank, normalizeNewlines, stripBom } from '../text/normalize';
import { finish, makePaper, parseYear } from './common';

const TAG_RE = /^([A-Z][A-Z0-9]{0,3}) *-(?: (.*))?$/;

/** One MEDLINE record: tag → values in order (continuation lines already folded in). */
export interface MedlineRecord {
  /** 1-based line of the record's first tag line. */
  line: number;
  tags: Map<string, string[]>;
}

/** A tag line's tag and value, or undefined. The tag must be padded to four characters before the `-`. */
function tagLine(line: string): [string, string] | undefined {
  if (line.charAt(4) !== '-') return undefined;
  const m = TAG_RE.exec(line);
  return m ? [m[1]!, (m[2] ?? '').trim()] : undefined;
}

/** True when the start of a text looks like MEDLINE: a `PMID- ` tag line among its first non-blank lines. */
export function looksMedline(head: string): boolean {
  const lines = normalizeNewlines(head.slice(0, 4000))
    .split('\n')
    .filter((l) => !isBlank(l))
    .slice(0, 5);
  return lines.some((l) => /^PMID- ?\d/.test(l));
}

/** The tag-line layer alone: records with their raw values. */
export function parseMedline(input: string, file: string, warnings: ReadWarning[] = []): MedlineRecord[] {
  const lines = normalizeNewlines(stripBom(input)).split('\n');
  const records: MedlineRecord[] = [];
  let current: MedlineRecord | undefined;
  let lastTag: string | undefined;
  let strayLine = 0;
  let strayCount = 0;

  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (isBlank(line)) {
      current = undefined;
      lastTag = undefined;
      return;
    }
    const tv = tagLine(line);
    if (tv) {
      const [tag, value] = tv;
      if (!current || (tag === 'PMID' && current.tags.has('PMID'))) {
        current = { line: i + 1, tags: new Map() };
        records.push(current);
      }
      const values = current.tags.get(tag);
      if (values) values.push(value);
      else current.tags.set(tag, [value]);
      lastTag = tag;
      return;
    }
    if (current && lastTag && /^\s/.test(line)) {
      const values = current.tags.get(lastTag)!;
      const prev = values[values.length - 1] ?? '';
      const text = line.trim();
      values[values.length - 1] = prev ? `${prev} ${text}` : text;
      return;
    }
    if (!strayLine) strayLine = i + 1;
    strayCount++;
  });
  if (strayLine) {
    warnings.push({
      file,
      line: strayLine,
      message: `${strayCount} line${strayCount === 1 ? '' : 's'} neither a MEDLINE tag line nor a continuation: skipped`,
    });
  }
  return records;
}

function first(r: MedlineRecord, ...tags: string[]): string | undefined {
  for (const t of tags) {
    const v = r.tags.get(t)?.find((x) => x.trim());
    if (v) return v.trim();
  }
  return undefined;
}

function all(r: MedlineRecord, tag: string): string[] {
  return (r.tags.get(tag) ?? []).map((v) => v.trim()).filter(Boolean);
}

/** The first `… [doi]` value of LID, else of AID. */
function doiOf(r: MedlineRecord): string | undefined {
  for (const tag of ['LID', 'AID']) {
    for (const v of all(r, tag)) {
      const m = /^(10\.\d{4,9}\/\S+)\s*\[doi\]$/i.exec(v);
      if (m) return m[1];
    }
  }
  return undefined;
}

export function readMedline(input: string, file: string): ReadResult {
  const warnings: ReadWarning[] = [];
  const parsed = parseMedline(input, file, warnings);
  const papers: Paper[] = [];
  parsed.forEach((r, i) => {
    const record = i + 1;
    const title = first(r, 'TI', 'BTI');
    if (!title) {
      warnings.push({
        file,
        line: r.line,
        record,
        message: `record ${record} (line ${r.line}) has no title (TI): skipped`,
      });
      return;
    }
    const pmid = first(r, 'PMID');
    let authors = all(r, 'FAU');
    if (!authors.length) authors = all(r, 'AU');
    if (!authors.length) authors = all(r, 'CN');
    const journalArticle = all(r, 'PT').some((t) => /^journal article$/i.test(t));
    papers.push(
      makePaper(
        {
          title: collapseSpaces(title),
          abstract: collapseSpaces(first(r, 'AB') ?? ''),
          authors: authors.map((a) => collapseSpaces(a)),
          year: parseYear(first(r, 'DP')) ?? parseYear(first(r, 'DEP')),
          doi: doiOf(r),
          pmid,
          url: pmid && /^\d+$/.test(pmid) ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : undefined,
          venue: first(r, 'JT', 'TA'),
          entryType: journalArticle ? 'article' : undefined,
        },
        { file, line: r.line, record },
      ),
    );
  });
  if (!parsed.length && input.trim()) {
    warnings.push({ file, message: 'no MEDLINE records found (a record is a run of "TAG - value" lines)' });
  }
  return finish(file, papers, warnings);
}
