/**
 * Folding for highlight terms: compatibility decomposition (NFKD, so ligatures such as "ﬁ" and full-width
 * letters meet their plain spelling), combining marks dropped, lower case, the letters of SPECIAL_LETTERS
 * ("ß" → "ss", "ł" → "l"), typographic quotes and dashes as their ASCII forms, invisible format characters
 * (soft hyphen, zero-width space, joiners) removed. Works per code point and records where every folded
 * character came from, so ranges found in folded text map back onto the original UTF-16 offsets.
 */
import { SPECIAL_LETTERS } from '../text/specialLetters';

const COMBINING_MARK = /\p{M}/gu;
const FORMAT_CHAR = /^\p{Cf}$/u;

/** Punctuation that people type in its ASCII form. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201B': "'",
  '\u02BC': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201F': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\uFE63': '-',
  '\uFF0D': '-',
  // Greek final sigma: the same letter as σ for matching.
  ς: 'σ',
};

const cache = new Map<string, string>();

function foldCodePoint(ch: string): string {
  const cached = cache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  if (FORMAT_CHAR.test(ch)) out = '';
  else {
    out = '';
    const lowered = ch.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
    for (const c of lowered) out += SPECIAL_LETTERS[c] ?? PUNCTUATION[c] ?? c;
    out = out.normalize('NFKD').replace(COMBINING_MARK, '');
  }
  if (cache.size < 10_000) cache.set(ch, out);
  return out;
}

export interface FoldedText {
  folded: string;
  /**
   * origin[i] is the offset in the original text of the character that produced folded[i], and
   * origin[folded.length] the original length; `undefined` when the text is ASCII (offsets are equal).
   */
  origin: number[] | undefined;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

export function foldForMatching(text: string): FoldedText {
  if (isAscii(text)) return { folded: text.toLowerCase(), origin: undefined };
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const ch of text) {
    const piece = ch.length === 1 && ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : foldCodePoint(ch);
    for (let k = 0; k < piece.length; k++) origin.push(index);
    folded += piece;
    index += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/**
 * The original half-open range of folded [start, end). The end is the origin of the first folded character
 * after the range, so marks and invisible characters that folded to nothing stay inside it.
 */
export function originalSpan(fold: FoldedText, start: number, end: number): [number, number] {
  if (!fold.origin) return [start, end];
  const from = fold.origin[start] ?? 0;
  const to = fold.origin[end] ?? from;
  return [from, Math.max(from, to)];
}
