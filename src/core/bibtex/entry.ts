/**
 * A paper as a BibTeX entry ("stub": whatever the source knew, nothing invented).
 *
 * Type: the source's type when BibTeX's standard styles can be satisfied with what the paper has —
 * `article` needs author, year and a venue (→ journal), `inproceedings`/`conference` the same (→ booktitle).
 * Every other case is `@misc`, with the venue, if any, as `howpublished`. So plain.bst never warns about a
 * missing required field.
 *
 * Fields, in this order, each only when known: author, title, key (no author: BibTeX needs it to sort),
 * year, journal/booktitle/howpublished, doi, eprint + archivePrefix = {arXiv}, url, abstract, keywords
 * (the paper's tags), note (no author: says so).
 */
import type { Paper } from '../model/paper';
import type { PaperTriage } from '../triage/types';
import { toAscii } from './ascii';
import { decodeLatex } from './latexDecode';
import { plainText, toFieldText, toTitleText, toVerbatimText } from './escape';

interface BibField {
  name: string;
  /** Ready to write between braces: already escaped. */
  value: string;
}

export interface BibEntry {
  type: string;
  key: string;
  fields: BibField[];
  /** The paper the entry was made from. */
  paperId: string;
}

export const UNKNOWN_AUTHORS_NOTE = 'Authors unknown';

const VENUE_FIELD: Record<string, string> = {
  article: 'journal',
  inproceedings: 'booktitle',
  conference: 'booktitle',
};

/**
 * One author for the `author` field. A name BibTeX would misread — holding " and " (it would split) or
 * more than two commas — is braced whole, as a corporate name. Source braces are dropped.
 */
function authorName(name: string): string {
  const escaped = toFieldText(name.replace(/[{}]/g, '')).replace(/^[,\s]+|[,\s]+$/g, '');
  const confusing = /\sand\s/i.test(escaped) || (escaped.match(/,/g)?.length ?? 0) > 2;
  return confusing ? `{${escaped}}` : escaped;
}

/** Plain ASCII sort key for entries without author: the title's first words. */
function sortKey(title: string): string {
  const words = toAscii(decodeLatex(title))
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ');
  let out = '';
  for (const w of words) {
    if (out.length + w.length + 1 > 60) break;
    out = out ? `${out} ${w}` : w;
  }
  return out || 'paper';
}

export function buildEntry(paper: Paper, key: string, triage?: PaperTriage): BibEntry {
  const authors = (paper.authors ?? []).map(authorName).filter(Boolean);
  const year =
    paper.year !== undefined && Number.isInteger(paper.year) && paper.year > 0 ? String(paper.year) : '';
  const venue = paper.venue ? toFieldText(paper.venue) : '';
  const title = toTitleText(paper.title) || 'Untitled';
  const sourceType = paper.entryType?.toLowerCase() ?? 'misc';
  const venueField = VENUE_FIELD[sourceType];
  const typed = venueField !== undefined && authors.length > 0 && year !== '' && venue !== '';
  const type = typed ? sourceType : 'misc';

  const fields: BibField[] = [];
  const add = (name: string, value: string): void => {
    if (value) fields.push({ name, value });
  };
  add('author', authors.join(' and '));
  add('title', title);
  if (!authors.length) add('key', sortKey(plainText(paper.title)));
  add('year', year);
  add(typed ? venueField : 'howpublished', venue);
  add('doi', paper.doi ? toVerbatimText(paper.doi) : '');
  if (paper.arxivId) {
    add('eprint', toVerbatimText(paper.arxivId));
    add('archivePrefix', 'arXiv');
  }
  add('url', paper.url ? toVerbatimText(paper.url) : '');
  add('abstract', toFieldText(paper.abstract));
  add('keywords', (triage?.tags ?? []).map(toFieldText).filter(Boolean).join(', '));
  if (!authors.length) add('note', UNKNOWN_AUTHORS_NOTE);
  return { type, key, fields, paperId: paper.id };
}

/** The entry as text, fields indented by two spaces, ending with a line break. */
export function formatEntry(entry: BibEntry, eol = '\n'): string {
  const lines = entry.fields.map(
    (f, i) => `  ${f.name} = {${f.value}}${i < entry.fields.length - 1 ? ',' : ''}`,
  );
  return [`@${entry.type}{${entry.key},`, ...lines, '}'].join(eol) + eol;
}
