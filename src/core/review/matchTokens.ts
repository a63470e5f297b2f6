/**
 * Tokens of folded text for highlight matching: a word is a run of Unicode letters and digits; every other
 * character that is not white space is a token of its own; white space only separates. Each token records
 * whether white space came before it, so "covid-19" (three adjacent tokens) does not match "covid - 19".
 */

export interface Tokens {
  /** The tokens as folded. */
  words: string[];
  /** Whether white space comes before each token. */
  gaps: boolean[];
  /** Folded offsets of each token. */
  starts: number[];
  ends: number[];
}

/** Marks a token that white space separates from the one before. */
export const GAP = '\u0001';
/** Marks a token that directly follows the one before. */
export const JOINED = '\u0002';

/** Token i as a continuation of the token before it: prefixed by GAP or JOINED. */
export function linkedKey(tokens: Tokens, i: number): string {
  return (tokens.gaps[i] ? GAP : JOINED) + tokens.words[i]!;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const SPACE_CHAR = /^\s$/u;

/** Letters and digits: ASCII by code, the rest by Unicode property (a code point at a time). */
function isWordAt(text: string, i: number, code: number, width: number): boolean {
  if (code < 0x80)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(width === 1 ? text[i]! : text.slice(i, i + 2));
}

function isSpaceAt(text: string, i: number, code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return SPACE_CHAR.test(text[i]!);
}

/** Width in UTF-16 units of the code point at i: 2 for a surrogate pair, else 1. */
function widthAt(text: string, i: number, code: number): number {
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}

export function tokenize(folded: string): Tokens {
  const words: string[] = [];
  const gaps: boolean[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  let gap = false;
  const n = folded.length;
  while (i < n) {
    const code = folded.charCodeAt(i);
    const width = widthAt(folded, i, code);
    if (width === 1 && isSpaceAt(folded, i, code)) {
      gap = true;
      i++;
      continue;
    }
    const start = i;
    const word = isWordAt(folded, i, code, width);
    i += width;
    if (word) {
      while (i < n) {
        const next = folded.charCodeAt(i);
        const w = widthAt(folded, i, next);
        if (!isWordAt(folded, i, next, w)) break;
        i += w;
      }
    }
    words.push(folded.slice(start, i));
    gaps.push(gap);
    starts.push(start);
    ends.push(i);
    gap = false;
  }
  return { words, gaps, starts, ends };
}

export function isWordToken(token: string): boolean {
  if (!token) return false;
  const code = token.charCodeAt(0);
  return isWordAt(token, 0, code, widthAt(token, 0, code));
}
