/**
 * RIS (EndNote, Zotero, Scopus, PubMed, Lens exports). A small tag-line format, read by hand:
 *
 * - BOM dropped; CRLF, LF and lone CR all end a line; line numbers count them that way.
 * - A tag line is `XX  - value`: two characters (a capital letter, then a capital letter or digit), two spaces
 *   (one is tolerated), a hyphen, and a space before the value (the value may be empty, as in `ER  -`).
 * - `TY` starts a record, `ER` ends it. A record still open at the next `TY` or at the end of the file is
 *   kept, with a warning. Tag lines outside a record are skipped with a warning.
 * - An untagged non-blank line continues the previous tag (EndNote writes multi-value `KW`, `AD`, `N1`, `UR`
 *   that way): for list tags (KW, AU/A1–A4, UR, L1–L4, AD, SN) it is one more value; for the abstract
 *   (AB, N2) a new paragraph; otherwise the line is appended with a space. Blank lines are ignored.
 *
 * Mapping: title TI / T1 / CT / BT / ST; abstract AB / N2; authors AU / A1 (A2–A4 are editors and are used
 * only when no author is given); year from PY / Y1 / DA / Y2 (first 4-digit year); doi DO / DI (or an M3 value
 * that is a DOI); url the first http(s) UR; arXiv id from an arxiv.org URL; venue T2 / JO / JF / JA
 * / SE; entryType the BibTeX type for the RIS type (JOUR→article, BOOK→book, CHAP→incollection,
 * CONF/CPAPER→inproceedings, THES→phdthesis, RPRT→techreport, otherwise misc).
 * A record without a title is skipped with a warning. Text with no `TY` line at all gives 0 papers and a warning.
 */
import type { Paper, ReadResult, ReadWarning } from '../model/paper';
import { collapseSpaces, isBlank, normalizeNewlines, stripBom } from '../text/normalize';
import { finish, isHttpUrl, makePaper, parseYear } from './common';

const TAG_RE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$/;
const LIST_TAGS = new Set(['KW', 'AU', 'A1', 'A2', 'A3', 'A4', 'UR', 'L1', 'L2', 'L3', 'L4', 'AD', 'SN']);
const PARAGRAPH_TAGS = new Set(['AB', 'N2']);

const TYPE_MAP: Record<string, string> = {
  JOUR: 'article',
  JFULL: 'article',
  MGZN: 'article',
  NEWS: 'article',
  EJOUR: 'article',
  BOOK: 'book',
  EBOOK: 'book',
  CHAP: 'incollection',
  ECHAP: 'incollection',
  CONF: 'inproceedings',
  CPAPER: 'inproceedings',
  THES: 'phdthesis',
  RPRT: 'techreport',
};

/** One RIS record: tag → values in order (continuation lines already applied). */
interface RisRecord {
  line: number;
  tags: Map<string, string[]>;
}

/** The tag-line layer alone: records with their raw values. */
export function parseRis(input: string, file: string, warnings: ReadWarning[] = []): RisRecord[] {
  const lines = normalizeNewlines(stripBom(input)).split('\n');
  const records: RisRecord[] = [];
  let current: RisRecord | undefined;
  let lastTag: string | undefined;
  let strayLine = 0;

  const close = (reason: string | undefined) => {
    if (!current) return;
    if (reason)
      warnings.push({ file, line: current.line, message: `record has no ER line (${reason}): kept` });
    records.push(current);
    current = undefined;
    lastTag = undefined;
  };

  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (isBlank(line)) return;
    const m = TAG_RE.exec(line);
    if (m) {
      const tag = m[1]!;
      const value = (m[2] ?? '').trim();
      if (tag === 'TY') {
        close(`a new TY starts at line ${i + 1}`);
        current = { line: i + 1, tags: new Map([['TY', [value]]]) };
        lastTag = 'TY';
        return;
      }
      if (tag === 'ER') {
        if (current) close(undefined);
        else warnings.push({ file, line: i + 1, message: 'ER line outside a record: skipped' });
        return;
      }
      if (!current) {
        if (!strayLine) strayLine = i + 1;
        return;
      }
      const values = current.tags.get(tag);
      if (values) values.push(value);
      else current.tags.set(tag, [value]);
      lastTag = tag;
      return;
    }
    // An untagged line: continues the previous tag.
    if (!current || !lastTag) {
      if (!strayLine) strayLine = i + 1;
      return;
    }
    const values = current.tags.get(lastTag)!;
    const text = line.trim();
    if (LIST_TAGS.has(lastTag)) values.push(text);
    else {
      const sep = PARAGRAPH_TAGS.has(lastTag) ? '\n\n' : ' ';
      const prev = values[values.length - 1] ?? '';
      values[values.length - 1] = prev ? `${prev}${sep}${text}` : text;
    }
  });
  close('the file ends');
  if (strayLine) {
    warnings.push({ file, line: strayLine, message: 'lines outside any TY … ER record: skipped' });
  }
  return records;
}

function first(r: RisRecord, ...tags: string[]): string | undefined {
  for (const t of tags) {
    const v = r.tags.get(t)?.find((x) => x.trim());
    if (v) return v.trim();
  }
  return undefined;
}

function all(r: RisRecord, ...tags: string[]): string[] {
  return tags.flatMap((t) => r.tags.get(t) ?? []).filter((v) => v.trim());
}

export function readRis(input: string, file: string): ReadResult {
  const warnings: ReadWarning[] = [];
  const parsed = parseRis(input, file, warnings);
  const papers: Paper[] = [];
  parsed.forEach((r, i) => {
    const record = i + 1;
    const title = first(r, 'TI', 'T1', 'CT', 'BT', 'ST');
    if (!title) {
      warnings.push({
        file,
        line: r.line,
        record,
        message: `record ${record} has no title (TI/T1): skipped`,
      });
      return;
    }
    let authors = all(r, 'AU', 'A1');
    if (!authors.length) authors = all(r, 'A2', 'A3', 'A4');
    const urls = all(r, 'UR')
      .flatMap((u) => u.split(/\s+/))
      .filter(isHttpUrl);
    const arxivUrl = urls.find((u) => /arxiv\.org\/(abs|pdf)\//i.test(u));
    const doiLike = [first(r, 'DO', 'DI'), ...all(r, 'M3')].find((v) => v && /\b10\.\d{4,9}\//.test(v));
    const type = (first(r, 'TY') ?? '').toUpperCase();
    const abstract = (first(r, 'AB', 'N2') ?? '')
      .split('\n\n')
      .map((p) => collapseSpaces(p))
      .filter(Boolean)
      .join('\n\n');
    papers.push(
      makePaper(
        {
          title: collapseSpaces(title),
          abstract,
          authors: authors.map((a) => collapseSpaces(a)),
          year: parseYear(first(r, 'PY', 'Y1', 'DA', 'Y2')),
          doi: doiLike?.match(/10\.\d{4,9}\/\S+/)?.[0],
          arxivId: arxivUrl,
          url: urls[0],
          venue: first(r, 'T2', 'JO', 'JF', 'JA', 'SE'),
          entryType: TYPE_MAP[type] ?? (type ? 'misc' : undefined),
        },
        { file, line: r.line, record },
      ),
    );
  });
  if (!parsed.length && input.trim()) {
    warnings.push({ file, message: 'no RIS records found (a record starts with a "TY  - " line)' });
  }
  return finish(file, papers, warnings);
}
