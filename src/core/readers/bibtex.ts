/**
 * BibTeX / BibLaTeX via @retorquere/bibtex-parser (the parser behind Better BibTeX for Zotero; see README.md
 * for why this library). It handles what a hand-written reader gets wrong: LaTeX accents and commands to
 * Unicode (`D\'{e}mosth\`{e}ne` → Démosthène, `M\aa nsson` → Månsson), `@string` macros and `#`
 * concatenation, month macros, double-braced titles, text before the first entry (Mendeley's header) and an
 * escaped entry inside a field (`Seljebotn2009`'s `annote`) that is not a real entry.
 *
 * Per entry: title, abstract, authors ("First Last"), year (or the year of `date`), doi, url, arXiv id
 * (`eprint` with `archiveprefix = arXiv`, or Mendeley's `arxivid`), venue (journal / journaltitle /
 * booktitle / series / publisher / school / institution) and the entry type (lower case) as `entryType`.
 * Text is kept as the parser gives it (case as written; no sentence-casing). Parse errors become warnings with
 * their line; an entry without a title is skipped with a warning. Text with no entry at all gives 0 papers and
 * a warning.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { CorpusError, type Paper, type ReadResult, type ReadWarning } from '../model/paper';
import { collapseSpaces, normalizeNewlines, stripBom } from '../text/normalize';
import { finish, makePaper, parseYear, quote } from './common';

function field(e: Entry, name: string): string | undefined {
  const v = (e.fields as Record<string, unknown>)[name];
  if (typeof v === 'string') return v.trim() ? v : undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ') || undefined;
  return undefined;
}

function creatorName(c: Creator): string | undefined {
  if (c.name) return c.name.trim() || undefined;
  const parts = [c.firstName, c.prefix, c.lastName, c.suffix].filter((p) => p && p.trim());
  return parts.length ? parts.join(' ') : undefined;
}

/** Abstracts keep paragraph breaks (a blank line); other line breaks and runs of spaces become one space. */
function cleanText(text: string): string {
  return normalizeNewlines(text)
    .split(/\n[ \t]*\n/)
    .map((p) => collapseSpaces(p.replace(/\n/g, ' ')))
    .filter(Boolean)
    .join('\n\n');
}

/** URLs in BibTeX are verbatim, so Mendeley's escapes (`paper\_2`, `50\%`) stay: undo them. */
function cleanUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const url = raw.trim().replace(/\\([_%&#$~])/g, '$1');
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One Paper per entry, before duplicates are merged (so counts are per entry). */
export function bibtexRecords(input: string, file: string, warnings: ReadWarning[] = []): Paper[] {
  const text = normalizeNewlines(stripBom(input));
  let lib: ReturnType<typeof parse>;
  try {
    lib = parse(text, {
      english: false,
      sentenceCase: false,
      caseProtection: false,
      // Keep unknown commands visible rather than silently dropping them.
      unsupported: (_node, tex) => tex,
    });
  } catch (e) {
    // The library reports problems as `errors`; a throw is a bug or truly unreadable input.
    throw new CorpusError(file, `BibTeX could not be parsed: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const err of lib.errors) {
    const m = /at line (\d+)/.exec(err.error);
    const w: ReadWarning = { file, message: `BibTeX: ${err.error}` };
    if (m?.[1]) w.line = Number(m[1]);
    warnings.push(w);
  }

  const starts = lineStarts(text);
  let cursor = 0;
  const records: Paper[] = [];
  lib.entries.forEach((e, i) => {
    const record = i + 1;
    let at = e.input ? text.indexOf(e.input, cursor) : -1;
    if (at === -1) {
      const re = new RegExp(`@\\s*${escapeRe(e.type)}\\s*[{(]\\s*${escapeRe(e.key)}\\s*,`, 'ig');
      re.lastIndex = cursor;
      at = re.exec(text)?.index ?? -1;
    }
    if (at !== -1) cursor = at + 1;
    const line = at === -1 ? undefined : lineAt(starts, at);
    const source = line === undefined ? { file, record } : { file, line, record };

    const title = field(e, 'title') ?? field(e, 'booktitle');
    if (!title) {
      warnings.push({ file, line, record, message: `entry ${quote(e.key, 40)} has no title: skipped` });
      return;
    }
    const authors = ((e.fields.author ?? e.fields.editor ?? []) as Creator[])
      .map(creatorName)
      .filter((a): a is string => !!a);
    const archive = field(e, 'archiveprefix') ?? field(e, 'eprinttype');
    const eprint = field(e, 'eprint');
    const arxivId =
      field(e, 'arxivid') ??
      field(e, 'arxiv') ??
      (eprint && (!archive || /arxiv/i.test(archive)) ? eprint : undefined);
    const venue =
      field(e, 'journal') ??
      field(e, 'journaltitle') ??
      (field(e, 'title') ? field(e, 'booktitle') : undefined) ??
      field(e, 'series') ??
      field(e, 'school') ??
      field(e, 'institution') ??
      field(e, 'publisher');
    records.push(
      makePaper(
        {
          title: cleanText(title).replace(/\n\n/g, ' '),
          abstract: cleanText(field(e, 'abstract') ?? ''),
          authors,
          year: parseYear(field(e, 'year') ?? field(e, 'date')),
          doi: field(e, 'doi'),
          arxivId,
          url: cleanUrl(field(e, 'url')),
          entryType: e.type.toLowerCase(),
          citationKey: e.key,
          venue: venue ? cleanText(venue) : undefined,
        },
        source,
      ),
    );
  });
  if (!lib.entries.length && text.trim()) {
    warnings.push({ file, message: 'no BibTeX entries found (an entry starts with @type{key,)' });
  }
  return records;
}

export function readBibtex(input: string, file: string): ReadResult {
  const warnings: ReadWarning[] = [];
  const records = bibtexRecords(input, file, warnings);
  return finish(file, records, warnings);
}
