/**
 * The other plain-text listing shape: records of `Key: value` lines separated by `---` lines, e.g.
 *
 *     Title: …
 *     PDF: https://arxiv.org/pdf/2608.12440
 *     Summary: … one long line …
 *     ---
 *
 * - Keys (case-insensitive, at the start of a line): Title; Summary / Abstract; PDF / URL / Link / arXiv;
 *   Authors (split on `;`, or on `,` when there is no `;`); Year / Date / Published; DOI.
 *   Other keys are ignored.
 * - A line of three or more `-` (or `=`) ends a record; so does a new `Title:` line. A line without a key
 *   continues the previous field (a wrapped summary); a blank line inside a summary is a paragraph break.
 * - Runs of three or more spaces in a summary are flattened paragraph breaks and become "\n\n".
 * - The arXiv id comes from an arxiv.org abs/pdf URL (version stripped); the PDF URL is kept as `url`.
 * - A record without a title is skipped with a warning.
 */
import type { Paper, ReadResult, ReadWarning } from '../model/paper';
import { collapseSpaces, isBlank, normalizeNewlines, stripBom } from '../text/normalize';
import { finish, isHttpUrl, makePaper, parseYear, quote } from './common';

const KEY_RE = /^(title|summary|abstract|pdf|url|link|arxiv|authors?|year|date|published|doi)\s*:\s?(.*)$/i;
const SEPARATOR_RE = /^\s*(?:-{3,}|={3,})\s*$/;

/** True when the text looks like this shape: a `Title:` line and a `Summary:`/`Abstract:` line near the top. */
export function looksKeyed(text: string): boolean {
  const head = text.slice(0, 20_000);
  return /^\uFEFF?title\s*:/im.test(head) && /^(summary|abstract)\s*:/im.test(head);
}

interface Rec {
  line: number;
  fields: Map<string, string[]>;
  last?: string;
}

export function readKeyedListing(input: string, file: string): ReadResult {
  const lines = normalizeNewlines(stripBom(input)).split('\n');
  const warnings: ReadWarning[] = [];
  const recs: Rec[] = [];
  let cur: Rec | undefined;
  lines.forEach((line, i) => {
    if (SEPARATOR_RE.test(line)) {
      cur = undefined;
      return;
    }
    const m = KEY_RE.exec(line);
    if (m) {
      let key = m[1]!.toLowerCase();
      if (key === 'abstract') key = 'summary';
      if (key === 'author') key = 'authors';
      if (!cur || (key === 'title' && cur.fields.has('title'))) {
        cur = { line: i + 1, fields: new Map() };
        recs.push(cur);
      }
      const values = cur.fields.get(key) ?? [];
      values.push(m[2] ?? '');
      cur.fields.set(key, values);
      cur.last = key;
      return;
    }
    if (!cur?.last) {
      if (!isBlank(line)) warnings.push({ file, line: i + 1, message: `line outside a record: skipped` });
      return;
    }
    const values = cur.fields.get(cur.last)!;
    const prev = values[values.length - 1] ?? '';
    values[values.length - 1] = isBlank(line)
      ? `${prev}\n\n`
      : `${prev}${prev.endsWith('\n') ? '' : ' '}${line}`;
  });

  const papers: Paper[] = [];
  recs.forEach((r, i) => {
    const record = i + 1;
    const get = (k: string) => r.fields.get(k)?.join(' ').trim() || undefined;
    const title = get('title');
    if (!title) {
      warnings.push({ file, line: r.line, record, message: `record ${record} has no Title: line: skipped` });
      return;
    }
    const summary = (r.fields.get('summary') ?? []).join('\n\n');
    const abstract = summary
      .split(/\n\s*\n| {3,}/)
      .map((p) => collapseSpaces(p))
      .filter(Boolean)
      .join('\n\n');
    if (!abstract) warnings.push({ file, line: r.line, record, message: `${quote(title)} has no summary` });
    const urls = ['pdf', 'url', 'link', 'arxiv'].flatMap((k) => r.fields.get(k) ?? []).map((u) => u.trim());
    const url = urls.find(isHttpUrl);
    const arxiv = urls.find((u) => /arxiv\.org\/(abs|pdf)\//i.test(u) || /^(arxiv:)?\d{4}\.\d{4,5}/i.test(u));
    const authorsRaw = get('authors');
    const authors = authorsRaw
      ? authorsRaw.split(authorsRaw.includes(';') ? ';' : ',').map((a) => collapseSpaces(a))
      : undefined;
    const date = get('year') ?? get('date') ?? get('published');
    papers.push(
      makePaper(
        {
          title: collapseSpaces(title),
          abstract,
          authors,
          url,
          arxivId: arxiv,
          doi: get('doi'),
          year: parseYear(date),
        },
        { file, line: r.line, record },
      ),
    );
  });
  if (!recs.length && input.trim())
    warnings.push({ file, message: 'no records found (a record starts with "Title:")' });
  return finish(file, papers, warnings);
}
