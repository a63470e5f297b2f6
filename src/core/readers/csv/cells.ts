/**
 * Cell values → paper fields. Real exports put more than the value in a cell: Rayyan's DOI cell goes on with
 * left-over RIS text (`10.1038/s41467-024-48400-3     LK  - https://…`), its URL cell with `     U2  - L2029880245`,
 * Citavi separates several URLs with spaces. Each function takes what the field needs and leaves the rest.
 */
import { cleanDoi } from '../../identity/normalize';
import { collapseSpaces, normalizeNewlines, oneLine } from '../../text/normalize';
import { isHttpUrl } from '../common';

const DOI_TOKEN_RE = /10\.\d{4,9}\/[^\s"<>]+/;

/** The first DOI in the cell (bare, `doi:` or a resolver URL), or undefined. */
export function doiIn(cell: string): string | undefined {
  const m = DOI_TOKEN_RE.exec(cell);
  return m ? cleanDoi(m[0]) : undefined;
}

/** The http(s) URLs in the cell, in order, without duplicates. */
export function urlsIn(cell: string): string[] {
  const urls = (cell.match(/https?:\/\/[^\s"<>]+/gi) ?? []).filter((u) => isHttpUrl(u));
  return [...new Set(urls)];
}

/** A list cell (keywords, tags): items separated by `;` or line breaks. */
export function listIn(cell: string): string[] {
  return cell
    .split(/[;\n\r]/)
    .map((item) => collapseSpaces(item))
    .filter(Boolean);
}

/** Paragraphs kept, white space inside each line collapsed. */
export function textIn(cell: string): string {
  return normalizeNewlines(cell)
    .split('\n')
    .map((l) => collapseSpaces(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const INITIALS_RE = /^(?:\p{Lu}\.?[\s-]*)+$/u;

/**
 * The authors of a cell, in the ways exports write them:
 * - `;` or line breaks between names (Covidence, Zotero, Citavi, Scopus, Web of Science);
 * - BibTeX style `Last, F. and Last, F.` (Rayyan);
 * - `,` between names that each have a space in them (PubMed's `Griffin DK, Larkin DM, O'Connor RE.`);
 * - `Last, F., Last, F.` (older Scopus): pairs of a name and its initials.
 * Anything else is one name (`Yang, Zixiao`).
 */
export function authorsIn(cell: string): string[] {
  const text = oneLine(cell);
  if (!text) return [];
  let names: string[];
  if (/[;\n\r]/.test(cell)) names = cell.split(/[;\n\r]/);
  else if (/\s+and\s+/i.test(text)) names = text.split(/\s+and\s+/i);
  else if (text.includes(',')) names = commaSeparated(text);
  else names = [text];
  return names.map((n) => oneLine(n)).filter(Boolean);
}

function commaSeparated(text: string): string[] {
  const pieces = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (pieces.length > 1 && pieces.every((p) => /\s/.test(p))) {
    // PubMed ends the list with a period: `…, O'Connor RE.`.
    const last = pieces.length - 1;
    if (/\s\p{Lu}{1,3}\.$/u.test(pieces[last]!) && !pieces.slice(0, last).some((p) => p.endsWith('.')))
      pieces[last] = pieces[last]!.slice(0, -1);
    return pieces;
  }
  if (
    pieces.length >= 4 &&
    pieces.length % 2 === 0 &&
    pieces.every((p, i) => i % 2 === 0 || INITIALS_RE.test(p))
  ) {
    const pairs: string[] = [];
    for (let i = 0; i < pieces.length; i += 2) pairs.push(`${pieces[i]}, ${pieces[i + 1]}`);
    return pairs;
  }
  return [text];
}

/** `YYYY-MM-DD` at the start of a date cell, or undefined. */
export function isoDateIn(cell: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(cell);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
