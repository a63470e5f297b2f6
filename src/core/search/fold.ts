/**
 * Case and accent folding shared by the search index, the fuzzy matcher and topic extraction, so that
 * "Frechet", "FRÉCHET" and "Fréchet" meet. Folding works per character and records where every folded
 * character came from, so match ranges found in folded text can be mapped back onto the original text.
 */

import { SPECIAL_LETTERS } from '../text/specialLetters';

const COMBINING_MARK = /\p{M}/gu;
/** Zero-width and other invisible format characters: kept for display, ignored for matching. */
const FORMAT_CHAR = /^\p{Cf}$/u;

function foldCodePoint(ch: string): string {
  const special = SPECIAL_LETTERS[ch];
  if (special !== undefined) return special;
  if (ch.charCodeAt(0) < 0x80) return ch.toLowerCase();
  if (FORMAT_CHAR.test(ch)) return '';
  return ch.normalize('NFD').replace(COMBINING_MARK, '').toLowerCase();
}

/** Lower-cases and strips diacritics: "Fréchet" → "frechet", "Łukasz" → "lukasz". */
export function foldText(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text.toLowerCase();
  let out = '';
  for (const ch of text) out += foldCodePoint(ch);
  return out;
}

export interface FoldedText {
  folded: string;
  /**
   * origin[i] is the index in the original text of the character that produced folded[i];
   * origin[folded.length] is the original text's length.
   */
  origin: number[];
}

/** Like foldText, plus the mapping from folded positions back to original positions. */
export function foldWithOrigin(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const ch of text) {
    const piece = foldCodePoint(ch);
    for (let k = 0; k < piece.length; k++) origin.push(index);
    folded += piece;
    index += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** Maps the half-open range [start, end) of folded text onto the original text. */
export function originalRange(fold: FoldedText, start: number, end: number): [number, number] {
  const last = fold.origin.length - 1;
  const from = fold.origin[Math.min(Math.max(start, 0), last)] ?? 0;
  // The end maps to the first original character *after* the range, so trailing combining marks stay inside.
  const to = fold.origin[Math.min(Math.max(end, 0), last)] ?? from;
  return [from, Math.max(from, to)];
}
