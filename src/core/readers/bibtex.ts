/**
 * BibTeX / BibLaTeX. The file's structure (entries, `@string` macros, `#` concatenation, month macros, text
 * before the first entry, an escaped entry inside a field such as `Seljebotn2009`'s `annote`) is read by
 * `bibtex/bibFile.ts`, which skips a broken entry with a warning and goes on at the next entry line; the LaTeX
 * of the fields used here is decoded to plain text by `bibtex/latexText.ts` (see README.md for why this is
 * not a parser library).
 *
 * Per entry: title, abstract, authors ("First Last"), year (or the year of `date`), doi, url, arXiv id
 * (`eprint` with `archiveprefix = arXiv`, or Mendeley's `arxivid`), venue (journal / journaltitle /
 * booktitle / series / publisher / school / institution) and the entry type (lower case) as `entryType`.
 * `crossref` fills the fields an entry lacks from the entry it names (its title as the booktitle), but not
 * its identifiers or abstract. Text is kept as written (no sentence-casing). An entry without a title is
 * skipped with a warning. Text with no entry at all gives 0 papers and a warning.
 */
import { parseBibFile, type BibEntry } from '../bibtex/bibFile';
import { latexToText } from '../bibtex/latexText';
import { bibNames, splitAtAnd } from '../bibtex/names';
import type { Paper, ReadResult, ReadWarning } from '../model/paper';
import { collapseSpaces, normalizeNewlines, stripBom } from '../text/normalize';
import { finish, makePaper, parseYear, quote } from './common';

/** Fields never taken from a crossref parent: they belong to the entry itself. */
const NOT_INHERITED = new Set([
  'title',
  'subtitle',
  'titleaddon',
  'shorttitle',
  'sorttitle',
  'indextitle',
  'indexsorttitle',
  'abstract',
  'ids',
  'crossref',
  'xref',
  'entryset',
  'label',
  'shorthand',
  'sortkey',
  'doi',
  'url',
  'eprint',
  'eprinttype',
  'archiveprefix',
  'arxivid',
  'pmid',
]);

function applyCrossrefs(entries: readonly BibEntry[]): void {
  const byKey = new Map<string, BibEntry>();
  for (const e of entries) if (e.key && !byKey.has(e.key.toLowerCase())) byKey.set(e.key.toLowerCase(), e);
  for (const child of entries) {
    const ref = child.fields.get('crossref');
    const parent = ref ? byKey.get(ref.trim().toLowerCase()) : undefined;
    if (!parent || parent === child) continue;
    if (!child.fields.has('booktitle')) {
      const booktitle = parent.fields.get('title') ?? parent.fields.get('booktitle');
      if (booktitle !== undefined) child.fields.set('booktitle', booktitle);
    }
    for (const [name, value] of parent.fields) {
      if (!NOT_INHERITED.has(name) && !child.fields.has(name)) child.fields.set(name, value);
    }
  }
}

/** Abstracts keep paragraph breaks (a blank line); other line breaks and runs of spaces become one space. */
function cleanText(text: string): string {
  return normalizeNewlines(text)
    .split(/\n[ \t]*\n/)
    .map((p) => collapseSpaces(p.replace(/\n/g, ' ')))
    .filter(Boolean)
    .join('\n\n');
}

/** Verbatim fields (url, doi, eprint): outer braces gone, Mendeley's escapes (`paper\_2`, `50\%`) undone. */
function verbatim(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = raw
    .replace(/[{}]/g, '')
    .replace(/\\([_%&#$~])/g, '$1')
    .trim();
  return value || undefined;
}

function cleanUrl(raw: string | undefined): string | undefined {
  const url = verbatim(raw);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** A decoded text field, or undefined when empty. Lists (publisher = {A and B}) are joined with ", ". */
function textField(e: BibEntry, name: string, list = false): string | undefined {
  const raw = e.fields.get(name);
  if (raw === undefined || !raw.trim()) return undefined;
  const text = list
    ? splitAtAnd(raw)
        .map((part) => cleanText(latexToText(part)))
        .filter(Boolean)
        .join(', ')
    : cleanText(latexToText(raw));
  return text || undefined;
}

function entryPaper(e: BibEntry, file: string, record: number, warnings: ReadWarning[]): Paper | undefined {
  const source = { file, line: e.line, record };
  const title = textField(e, 'title') ?? textField(e, 'booktitle');
  if (!title) {
    const name = e.key ? `entry ${quote(e.key, 40)}` : `@${e.type} entry`;
    warnings.push({ file, line: e.line, record, message: `${name} has no title: skipped` });
    return undefined;
  }
  const names = e.fields.get('author') ?? e.fields.get('editor');
  const archive = verbatim(e.fields.get('archiveprefix') ?? e.fields.get('eprinttype'));
  const eprint = verbatim(e.fields.get('eprint'));
  const arxivId =
    verbatim(e.fields.get('arxivid')) ??
    verbatim(e.fields.get('arxiv')) ??
    (eprint && (!archive || /arxiv/i.test(archive)) ? eprint : undefined);
  const venue =
    textField(e, 'journal') ??
    textField(e, 'journaltitle') ??
    (e.fields.has('title') ? textField(e, 'booktitle') : undefined) ??
    textField(e, 'series') ??
    textField(e, 'school', true) ??
    textField(e, 'institution', true) ??
    textField(e, 'publisher', true);
  return makePaper(
    {
      title: title.replace(/\n\n/g, ' '),
      abstract: textField(e, 'abstract') ?? '',
      authors: names ? bibNames(names) : [],
      year: parseYear(e.fields.get('year') ?? e.fields.get('date')),
      doi: verbatim(e.fields.get('doi')),
      arxivId,
      url: cleanUrl(e.fields.get('url')),
      entryType: e.type,
      citationKey: e.key || undefined,
      venue,
    },
    source,
  );
}

/** One Paper per entry, before duplicates are merged (so counts are per entry). */
export function bibtexRecords(input: string, file: string, warnings: ReadWarning[] = []): Paper[] {
  const text = normalizeNewlines(stripBom(input));
  const { entries, problems } = parseBibFile(text);
  for (const p of problems) warnings.push({ file, line: p.line, message: `BibTeX: ${p.message}` });
  applyCrossrefs(entries);
  const records: Paper[] = [];
  entries.forEach((e, i) => {
    const paper = entryPaper(e, file, i + 1, warnings);
    if (paper) records.push(paper);
  });
  if (!entries.length && !problems.length && text.trim()) {
    warnings.push({ file, message: 'no BibTeX entries found (an entry starts with @type{key,)' });
  }
  return records;
}

export function readBibtex(input: string, file: string): ReadResult {
  const warnings: ReadWarning[] = [];
  const records = bibtexRecords(input, file, warnings);
  return finish(file, records, warnings);
}
