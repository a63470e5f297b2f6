/**
 * CSL-JSON (Zotero, Better BibTeX, pandoc, citeproc): a JSON array of CSL items, read with JSON.parse.
 *
 * - Recognised by content: a `.json` file whose start has CSL keys (`date-parts`, `container-title`,
 *   `family`, `literal`, `citation-key`, `issued`) and `"type"`, and no `summary` or `paper` key (those are
 *   Hugging Face daily papers, see hfJson.ts). `.csl.json` is always CSL-JSON.
 * - title: one line; CSL rich-text tags (`<i>`, `<b>`, `<sup>`, `<sub>`, `<span class="nocase">`) dropped.
 * - authors: `author` (else `editor`) in order: `literal`, or "family, given" with the particles kept, or the
 *   family name alone.
 * - year: the first part of `issued.date-parts` (a number or a string), else a year in `issued.raw` /
 *   `issued.literal`; `published` is `YYYY-MM-DD` when all three parts are given.
 * - abstract, DOI, URL, PMID, container-title (venue) as given; an arXiv DOI (`10.48550/arXiv.…`) or an
 *   arxiv.org URL gives the arXiv id.
 * - entryType: the BibTeX type for the CSL type (article-journal → article, chapter → incollection, …).
 * - citationKey: `citation-key`, else `id` when it looks like a citation key (not a number or a URI).
 * - An item without a title, or that is not an object, is skipped with a warning naming its record number.
 *   Invalid JSON or a top level that is not an array of items is a CorpusError.
 */
import { CorpusError, type Paper, type ReadResult, type ReadWarning } from '../model/paper';
import { oneLine, stripBom } from '../text/normalize';
import { finish, isHttpUrl, makePaper, parseYear } from './common';
import { parseJson } from './hfJson';

type Obj = Record<string, unknown>;

const TYPE_MAP: Record<string, string> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  article: 'article',
  book: 'book',
  chapter: 'incollection',
  'paper-conference': 'inproceedings',
  thesis: 'phdthesis',
  report: 'techreport',
};

const CSL_KEY_RE = /"(?:date-parts|container-title|family|literal|citation-key|issued)"\s*:/;

/** True when a JSON text's start looks like CSL-JSON rather than Hugging Face daily papers. */
export function looksCslJson(head: string): boolean {
  const start = head.slice(0, 20_000);
  return CSL_KEY_RE.test(start) && /"type"\s*:\s*"/.test(start) && !/"(?:summary|paper)"\s*:/.test(start);
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** CSL rich text allows a few HTML tags in titles; they are markup, not text. */
function stripRichText(s: string): string {
  return s.replace(/<\/?(?:i|b|sup|sub|sc|span)(?:\s[^<>]*)?>/gi, '');
}

function nameOf(n: unknown): string | undefined {
  if (typeof n === 'string') return str(n);
  if (!isObj(n)) return undefined;
  const literal = str(n.literal);
  if (literal) return literal;
  const family = [str(n['non-dropping-particle']), str(n.family)].filter(Boolean).join(' ');
  const given = [str(n.given), str(n['dropping-particle'])].filter(Boolean).join(' ');
  const suffix = str(n.suffix);
  if (family && given) return `${family}, ${given}${suffix ? `, ${suffix}` : ''}`;
  return family || given || undefined;
}

function names(v: unknown): string[] {
  return Array.isArray(v) ? v.map(nameOf).filter((a): a is string => !!a) : [];
}

/** Year and (full dates only) ISO date of a CSL date object. */
function dateOf(v: unknown): { year?: number; published?: string } {
  if (!isObj(v)) return {};
  const parts = Array.isArray(v['date-parts']) ? v['date-parts'][0] : undefined;
  if (Array.isArray(parts) && parts.length) {
    const [y, m, d] = parts.map((p) => Number(str(p)));
    const year = parseYear(y);
    if (year !== undefined) {
      const full = m && d && m >= 1 && m <= 12 && d >= 1 && d <= 31;
      const pad = (n: number) => String(n).padStart(2, '0');
      return full ? { year, published: `${year}-${pad(m)}-${pad(d)}` } : { year };
    }
  }
  return { year: parseYear(str(v.raw)) ?? parseYear(str(v.literal)) };
}

/** An `id` that a citation uses: letters first, no spaces, not a URI. */
function citationKeyOf(item: Obj): string | undefined {
  const key = str(item['citation-key']) ?? str(item.id);
  if (!key || /^\d+$/.test(key) || /^[a-z][a-z0-9+.-]*:\/\//i.test(key)) return undefined;
  return /^[\p{L}_][\p{L}\p{N}_:.+\-/]*$/u.test(key) ? key : undefined;
}

export function readCslJson(input: string, file: string): ReadResult {
  const text = stripBom(input);
  if (!text.trim()) return { papers: [], warnings: [] };
  const data = parseJson(text, file);
  const items: unknown[] | undefined = Array.isArray(data)
    ? data
    : isObj(data) && Array.isArray(data.items)
      ? data.items
      : isObj(data) && str(data.type)
        ? [data]
        : undefined;
  if (!items) {
    throw new CorpusError(
      file,
      'not a CSL-JSON file: expected a JSON array of items ({ "type", "title", … })',
    );
  }
  if (items.length > 0 && !items.some(isObj)) {
    throw new CorpusError(file, 'not a CSL-JSON file: no item is a JSON object');
  }

  const warnings: ReadWarning[] = [];
  const records: Paper[] = [];
  items.forEach((item, i) => {
    const record = i + 1;
    if (!isObj(item)) {
      warnings.push({ file, record, message: `record ${record} is not a JSON object: skipped` });
      return;
    }
    const rawTitle = str(item.title);
    if (!rawTitle) {
      const id = str(item.id);
      warnings.push({
        file,
        record,
        message: `record ${record}${id ? ` (id ${id})` : ''} has no title: skipped`,
      });
      return;
    }
    let authors = names(item.author);
    if (!authors.length) authors = names(item.editor);
    const url = str(item.URL);
    const doi = str(item.DOI) ?? str(item.doi);
    const arxivDoi = /^10\.48550\/arxiv\.(\S+)$/i.exec(doi ?? '')?.[1];
    const type = str(item.type);
    const { year, published } = dateOf(item.issued);
    records.push(
      makePaper(
        {
          title: oneLine(stripRichText(rawTitle)),
          abstract: str(item.abstract) ?? '',
          authors: authors.map(oneLine),
          year,
          published,
          doi,
          pmid: str(item.PMID),
          arxivId: arxivDoi ?? (url && /arxiv\.org\/(abs|pdf)\//i.test(url) ? url : undefined),
          url: isHttpUrl(url) ? url : undefined,
          venue: str(item['container-title']),
          entryType: type ? (TYPE_MAP[type] ?? 'misc') : undefined,
          citationKey: citationKeyOf(item),
        },
        { file, record },
      ),
    );
  });
  return finish(file, records, warnings);
}
