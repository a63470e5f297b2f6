/**
 * arXiv API Atom feeds (`http://export.arxiv.org/api/query?…`), parsed with saxes (see README.md for why):
 * a strict, namespace-aware XML parser, so `arxiv:doi` is matched by its namespace URI, entities and
 * character references are decoded (`&gt;=` → `>=`), and malformed XML is a CorpusError with its line.
 *
 * Per `<entry>`: title and summary unwrapped (arXiv hard-wraps both; the summary starts with two spaces; a
 * line break followed by indentation starts a new paragraph), authors from `author/name`, arXiv id from the
 * entry `id` URL without version (`cond-mat/0412498v1` → `cond-mat/0412498`), `arxiv:doi`, year and
 * `published` from `<published>`, url the abstract page, venue the `arxiv:journal_ref`. LaTeX in titles and
 * summaries (`R\'{e}nyi`, `$\delta$`) is kept as written; identity ignores the accent commands.
 * An entry without a title is skipped with a warning. A document that is not an Atom `<feed>` is a
 * CorpusError; a feed with no entries gives 0 papers.
 */
import { CorpusError, type Paper, type ReadResult, type ReadWarning } from '../model/paper';
import { oneLine, stripBom, unwrapArxivText } from '../text/normalize';
import { finish, isHttpUrl, makePaper, parseYear } from './common';
import { parseXml, type XmlElement as El } from './xml';

const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';

function child(el: El, ns: string, name: string): El | undefined {
  return el.children.find((c) => c.ns === ns && c.name === name);
}

function childText(el: El, ns: string, name: string): string | undefined {
  const t = child(el, ns, name)?.text.trim();
  return t ? t : undefined;
}

export function readAtom(input: string, file: string): ReadResult {
  const text = stripBom(input);
  if (!text.trim()) return { papers: [], warnings: [] };
  const doc = parseXml(text, file);
  const feed = doc.children[0];
  if (!feed || feed.ns !== ATOM || feed.name !== 'feed') {
    const found = feed ? `<${feed.name}>${feed.ns ? ` in namespace ${feed.ns}` : ''}` : 'no element';
    throw new CorpusError(
      file,
      `not an Atom feed (nor EndNote XML): expected <feed xmlns="${ATOM}"> or <xml><records>, found ${found}`,
    );
  }
  const warnings: ReadWarning[] = [];
  const records: Paper[] = [];
  feed.children
    .filter((c) => c.ns === ATOM && c.name === 'entry')
    .forEach((entry, i) => {
      const record = i + 1;
      const title = childText(entry, ATOM, 'title');
      if (!title) {
        warnings.push({ file, line: entry.line, record, message: `entry ${record} has no title: skipped` });
        return;
      }
      const id = childText(entry, ATOM, 'id');
      const links = entry.children.filter((c) => c.ns === ATOM && c.name === 'link');
      const abs = links.find((l) => l.attrs.rel === 'alternate')?.attrs.href;
      const published = childText(entry, ATOM, 'published') ?? childText(entry, ATOM, 'updated');
      const authors = entry.children
        .filter((c) => c.ns === ATOM && c.name === 'author')
        .map((a) => childText(a, ATOM, 'name'))
        .filter((n): n is string => !!n)
        .map(oneLine);
      const journalRef = childText(entry, ARXIV, 'journal_ref');
      records.push(
        makePaper(
          {
            title: oneLine(title),
            abstract: unwrapArxivText(childText(entry, ATOM, 'summary') ?? ''),
            authors,
            arxivId: id,
            doi: childText(entry, ARXIV, 'doi')?.split(/\s+/)[0],
            year: parseYear(published),
            published,
            url: isHttpUrl(abs) ? abs : isHttpUrl(id) ? id : undefined,
            venue: journalRef ? oneLine(journalRef) : undefined,
          },
          { file, line: entry.line, record },
        ),
      );
    });
  return finish(file, records, warnings);
}
