/**
 * Hugging Face daily-papers JSON: the raw `https://huggingface.co/api/daily_papers` payload, an array of
 * `{ paper: { id, title, summary, authors: [{ name, hidden }], publishedAt, githubRepo, projectPage, … },
 * publishedAt, title, summary, … }`. Also accepted: an array of the inner `paper` objects themselves, or of
 * any objects with `title` and `summary`/`abstract`, and `{ "papers": [ … ] }`.
 *
 * - title: one line (arXiv wraps long titles with "\n  ").
 * - summary: arXiv hard line breaks unwrapped; a line break followed by indentation or a blank line is a
 *   paragraph break and is kept as "\n\n".
 * - authors: every author in order, hidden ones included (`hidden` only hides the HF account link).
 * - `paper.id` is the arXiv id; `paper.publishedAt` (the arXiv date) gives `published` and `year`.
 * - `githubRepo` and `projectPage` are added to `links` after the URLs found in the summary.
 * - A record without a title is skipped with a warning. Invalid JSON, a top level that is not an array of
 *   records, or an array of strings (the 2024-12-11 file holds Python `repr()` strings) is a CorpusError.
 */
import { CorpusError, type Paper, type ReadResult, type ReadWarning } from '../model/paper';
import { normalizeArxivId } from '../identity/normalize';
import { oneLine, stripBom, unwrapArxivText } from '../text/normalize';
import { finish, isHttpUrl, makePaper, parseYear } from './common';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

/** 1-based line of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** JSON.parse, with a CorpusError naming the line for invalid JSON. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const line = pos?.[1] ? lineOf(text, Number(pos[1])) : undefined;
    throw new CorpusError(file, `invalid JSON: ${msg}`, line);
  }
}

function authorName(a: unknown): string | undefined {
  if (typeof a === 'string') return str(a);
  if (!isObj(a)) return undefined;
  const user = isObj(a.user) ? a.user : undefined;
  const csl = [str(a.given), str(a.family)].filter(Boolean).join(' ');
  return str(a.name) ?? str(user?.fullname) ?? str(a.fullname) ?? str(a.literal) ?? (csl || undefined);
}

export function readHfJson(input: string, file: string): ReadResult {
  const text = stripBom(input);
  if (!text.trim()) return { papers: [], warnings: [] };
  const data = parseJson(text, file);
  const items: unknown[] | undefined = Array.isArray(data)
    ? data
    : isObj(data) && Array.isArray(data.papers)
      ? data.papers
      : isObj(data) && (isObj(data.paper) || str(data.title))
        ? [data]
        : undefined;
  if (!items) {
    throw new CorpusError(
      file,
      'not a Hugging Face daily-papers file: expected a JSON array of paper records ({ "paper": { "title", "summary", … } })',
    );
  }
  const strings = items.filter((x) => typeof x === 'string') as string[];
  if (items.length > 0 && strings.length === items.length) {
    const pythonRepr = /^\s*\{\s*'|\b(?:True|False|None)\b/.test(strings[0]!);
    throw new CorpusError(
      file,
      pythonRepr
        ? 'every record is a string holding a Python repr() of a dict (single quotes, True/False/None), not JSON: the file was written with str() instead of json.dump() and cannot be read; re-download it as JSON'
        : 'every record is a string, not a JSON object: not a Hugging Face daily-papers file',
    );
  }

  const warnings: ReadWarning[] = [];
  const records: Paper[] = [];
  items.forEach((item, i) => {
    const record = i + 1;
    if (!isObj(item)) {
      warnings.push({ file, record, message: `record ${record} is not a JSON object: skipped` });
      return;
    }
    const paper = isObj(item.paper) ? item.paper : item;
    const rawTitle = str(paper.title) ?? str(item.title);
    if (!rawTitle) {
      warnings.push({ file, record, message: `record ${record} has no title: skipped` });
      return;
    }
    const rawSummary = str(paper.summary) ?? str(item.summary) ?? str(paper.abstract) ?? '';
    const authors = Array.isArray(paper.authors)
      ? paper.authors.map(authorName).filter((a): a is string => !!a)
      : [];
    const arxivId = normalizeArxivId(str(paper.arxivId) ?? str(paper.arxiv_id) ?? str(paper.id));
    const published = str(paper.publishedAt) ?? str(item.publishedAt);
    const abstract = unwrapArxivText(rawSummary);
    if (!abstract) warnings.push({ file, record, message: `record ${record} has no summary` });
    records.push(
      makePaper(
        {
          title: oneLine(rawTitle),
          abstract,
          authors,
          arxivId,
          doi: str(paper.doi),
          year: parseYear(published),
          published,
          url: arxivId ? `https://arxiv.org/abs/${arxivId}` : (str(paper.url) ?? undefined),
          extraLinks: [str(paper.githubRepo), str(paper.projectPage)].filter(isHttpUrl),
        },
        { file, record },
      ),
    );
  });
  return finish(file, records, warnings);
}
