/**
 * EndNote XML (`<xml><records><record>…`): what EndNote X7–21 and 2025 write with "Export → XML", and what
 * Zotero, Mendeley and Rayyan write as "EndNote XML". Parsed with saxes (xml.ts; see README.md for why no
 * EndNote library is used), one record at a time.
 *
 * Text of a field: every value may be wrapped in one or more `<style face=… font=… size=…>` runs (EndNote
 * starts a new run wherever the formatting changes, even inside a word), so a field's text is all the text
 * inside it, concatenated. A CR (`&#xD;`, EndNote's line break) or LF separates values in list fields
 * (authors, keywords, URLs, DOIs); in titles and venues it is a space; in abstracts a blank line, or a line
 * break after `. ! ? :`, starts a new paragraph (`\n\n`) and any other line break is a space (text pasted
 * from a PDF keeps its line breaks).
 *
 * Mapping per `<record>`:
 * - title: `titles/title`. A record without one is skipped with a warning naming its number and line.
 * - authors: `contributors/authors/author`, one per element (a value of `Family, A.; Family, B.` is two);
 *   `secondary-authors` (editors) only when there is no author.
 * - year: the first 4-digit year in `dates/year`, else in `dates/pub-dates/date` (`in press` gives none);
 *   `published` when the date is written `YYYY-MM-DD` or `YYYY/MM/DD`.
 * - abstract; keywords `keywords/keyword`; venue `titles/secondary-title`, else `periodical/full-title`,
 *   `alt-periodical/full-title`, `periodical/abbr-1`.
 * - doi: the first DOI in `electronic-resource-num` (`doi:`, `DOI ` and resolver URLs dropped; a PII or
 *   PMCID there is not a DOI), else a doi.org URL among the URLs.
 * - pmid: `accession-num` when `remote-database-name` (or the provider) is PubMed or MEDLINE and the number
 *   is all digits (an Embase or Web of Science accession number is not a PMID), else a PubMed URL.
 * - url: the first http(s) URL of `urls/related-urls`, `urls/web-urls`, `urls/text-urls` (`internal-pdf://`
 *   and `<Go to ISI>://` links are not URLs); arXiv id from an arxiv.org URL or an arXiv DOI.
 * - entryType: the BibTeX type for `ref-type name=` (Journal Article → article, Book Section →
 *   incollection, Conference Proceedings/Paper → inproceedings, Thesis → phdthesis, Report → techreport…).
 * - `label` and `notes` are not used: libraries put anything there (project names, MeSH, a citation).
 *
 * Control characters XML does not allow (EndNote copies them from pasted text, raw or as `&#x1;`) are
 * removed with one warning. Not well-formed XML is a CorpusError with its line; so is a document whose root
 * is not `<xml>` holding `<records>`. An empty `<records>` gives 0 papers.
 */
import { CorpusError, type Paper, type ReadResult, type ReadWarning } from '../model/paper';
import { oneLine, stripBom } from '../text/normalize';
import { finish, isHttpUrl, makePaper, parseYear } from './common';
import { deepText, parseXml, type XmlElement } from './xml';

/** True when a text starts like an EndNote XML export: root `<xml>`, then `<records>`. */
export function looksEndnoteXml(head: string): boolean {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<xml(?:\s[^>]*)?>\s*(?:<!--[\s\S]*?-->\s*)*<records[\s/>]/.test(
    stripBom(head),
  );
}

const TYPE_MAP: Record<string, string> = {
  'journal article': 'article',
  'electronic article': 'article',
  'magazine article': 'article',
  'newspaper article': 'article',
  book: 'book',
  'edited book': 'book',
  'electronic book': 'book',
  'book section': 'incollection',
  'electronic book section': 'incollection',
  'conference proceedings': 'inproceedings',
  'conference paper': 'inproceedings',
  thesis: 'phdthesis',
  report: 'techreport',
  'government document': 'techreport',
  manuscript: 'unpublished',
  'unpublished work': 'unpublished',
};

/** Characters XML 1.0 does not allow, raw or as a character reference. */
// eslint-disable-next-line no-control-regex
const BAD_CHAR_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;

function isAllowedCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Removes what XML forbids; counts it and the first line it was on. */
function removeBadChars(text: string): { text: string; removed: number; firstLine: number } {
  let removed = 0;
  let firstAt = -1;
  const out = text.replace(BAD_CHAR_RE, (m, hex: string | undefined, dec: string | undefined, at: number) => {
    if (m.startsWith('&#') && isAllowedCodePoint(parseInt(hex ?? dec ?? '', hex ? 16 : 10))) return m;
    removed++;
    if (firstAt < 0) firstAt = at;
    return '';
  });
  if (!removed) return { text, removed, firstLine: 0 };
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < firstAt; i = text.indexOf('\n', i + 1)) line++;
  return { text: out, removed, firstLine: line };
}

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** A one-line field (title, venue): line breaks and runs of white space are one space. */
function lineText(el: XmlElement | undefined): string | undefined {
  const t = el ? oneLine(deepText(el)) : '';
  return t || undefined;
}

/** A list field: one value per element, several in one element when separated by line breaks. */
function values(els: XmlElement[]): string[] {
  return els.flatMap((el) =>
    deepText(el)
      .split(/[\r\n]+/)
      .map(oneLine)
      .filter(Boolean),
  );
}

/**
 * Abstract text: a blank line, or a line break after a sentence end, is a paragraph break; any other line
 * break is a wrapped line.
 */
export function abstractText(raw: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const paragraphs: string[] = [];
  let current = '';
  for (const rawLine of lines) {
    const line = oneLine(rawLine);
    if (!line) {
      if (current) paragraphs.push(current);
      current = '';
      continue;
    }
    current = current ? `${current} ${line}` : line;
    if (/[.!?:]["'”’)\]]?$/.test(line)) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n\n');
}

/** "Family, A.; Family, B." in one author element is two authors; a name without a comma is left whole. */
function splitAuthors(names: string[]): string[] {
  return names.flatMap((n) => {
    const parts = n.split(/\s*;\s*/).filter(Boolean);
    return parts.length > 1 && parts.every((p) => p.includes(',')) ? parts : [n];
  });
}

const DOI_IN_TEXT_RE = /\b10\.\d{4,9}\/[^\s"<>]+/;

function firstDoi(candidates: string[]): string | undefined {
  for (const c of candidates) {
    const m = DOI_IN_TEXT_RE.exec(c.replace(/%2F/gi, '/'));
    if (m) return m[0].replace(/[.,;]+$/, '');
  }
  return undefined;
}

function pmidOf(record: XmlElement, urls: string[]): string | undefined {
  const db = [
    lineText(child(record, 'remote-database-name')),
    lineText(child(record, 'remote-database-provider')),
  ]
    .filter(Boolean)
    .join(' ');
  const accession = lineText(child(record, 'accession-num'));
  if (accession && /^\d{1,9}$/.test(accession) && /pub\s*med|medline|\bNLM\b/i.test(db)) return accession;
  const url = urls.find((u) => /(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/\d+/i.test(u));
  return url ? /\/(\d+)\/?(?:[?#].*)?$/.exec(url)?.[1] : undefined;
}

/** Year and (unambiguous dates only) ISO date. */
function dateOf(dates: XmlElement | undefined): { year?: number; published?: string } {
  const yearText = lineText(child(dates, 'year'));
  const dateTexts = values(childrenNamed(child(dates, 'pub-dates'), 'date'));
  let year = parseYear(yearText);
  for (const d of dateTexts) year ??= parseYear(d);
  for (const d of dateTexts) {
    const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})\/?$/.exec(d);
    if (!m) continue;
    const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && da >= 1 && da <= 31 && (year === undefined || year === y)) {
      return { year: y, published: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` };
    }
  }
  return { year };
}

function toPaper(
  record: XmlElement,
  index: number,
  file: string,
  warnings: ReadWarning[],
): Paper | undefined {
  const recNumber = lineText(child(record, 'rec-number'));
  const titles = child(record, 'titles');
  const title = lineText(child(titles, 'title'));
  if (!title) {
    warnings.push({
      file,
      line: record.line,
      record: index,
      message: `record ${index}${recNumber ? ` (rec-number ${recNumber})` : ''} has no title: skipped`,
    });
    return undefined;
  }
  const contributors = child(record, 'contributors');
  let authors = splitAuthors(values(childrenNamed(child(contributors, 'authors'), 'author')));
  if (!authors.length)
    authors = splitAuthors(values(childrenNamed(child(contributors, 'secondary-authors'), 'author')));

  const urlsEl = child(record, 'urls');
  const urls = ['related-urls', 'web-urls', 'text-urls']
    .flatMap((group) => values(childrenNamed(child(urlsEl, group), 'url')))
    .filter(isHttpUrl);
  const doiField = values(childrenNamed(record, 'electronic-resource-num'));
  const doi = firstDoi(doiField) ?? firstDoi(urls.filter((u) => /doi\.org\//i.test(u)));
  const arxivDoi = /^10\.48550\/arxiv\.(\S+)$/i.exec(doi ?? '')?.[1];
  const arxivUrl = urls.find((u) => /arxiv\.org\/(?:abs|pdf)\//i.test(u));
  const periodical = child(record, 'periodical');
  const venue =
    lineText(child(titles, 'secondary-title')) ??
    lineText(child(periodical, 'full-title')) ??
    lineText(child(child(record, 'alt-periodical'), 'full-title')) ??
    lineText(child(periodical, 'abbr-1'));
  const refType = child(record, 'ref-type')?.attrs.name?.trim().toLowerCase();
  const abstractEl = child(record, 'abstract');
  const { year, published } = dateOf(child(record, 'dates'));

  return makePaper(
    {
      title,
      abstract: abstractEl ? abstractText(deepText(abstractEl)) : '',
      authors,
      year,
      published,
      doi,
      pmid: pmidOf(record, urls),
      arxivId: arxivDoi ?? arxivUrl,
      url: urls[0],
      venue,
      keywords: values(childrenNamed(child(record, 'keywords'), 'keyword')),
      entryType: refType ? (TYPE_MAP[refType] ?? 'misc') : undefined,
    },
    { file, line: record.line, record: index },
  );
}

export function readEndnoteXml(input: string, file: string): ReadResult {
  const warnings: ReadWarning[] = [];
  const cleaned = removeBadChars(stripBom(input));
  if (!cleaned.text.trim()) return { papers: [], warnings: [] };
  if (cleaned.removed) {
    warnings.push({
      file,
      line: cleaned.firstLine,
      message: `removed ${cleaned.removed} control character(s) that XML does not allow, the first on line ${cleaned.firstLine}`,
    });
  }
  const records: Paper[] = [];
  let index = 0;
  let stray: { count: number; first: XmlElement } | undefined;
  const onClose = (el: XmlElement, depth: number): boolean => {
    // Depth 0 is the root element, 1 <records>, 2 a record: each record is read and dropped when it closes.
    if (depth !== 2) return false;
    if (el.name === 'record') {
      index++;
      const paper = toPaper(el, index, file, warnings);
      if (paper) records.push(paper);
    } else if (stray) {
      stray.count++;
    } else {
      stray = { count: 1, first: el };
    }
    return true;
  };
  const doc = parseXml(cleaned.text, file, { xmlns: false, onClose });
  const root = doc.children[0];
  if (!root || root.name !== 'xml' || !child(root, 'records')) {
    const found = root ? `<${root.name}>${root.name === 'xml' ? ' without <records>' : ''}` : 'no element';
    throw new CorpusError(file, `not an EndNote XML file: expected <xml><records>, found ${found}`);
  }
  if (stray) {
    warnings.push({
      file,
      line: stray.first.line,
      message: `skipped ${stray.count} element(s) inside <records> that are not <record>, the first <${stray.first.name}> on line ${stray.first.line}`,
    });
  }
  return finish(file, records, warnings);
}
