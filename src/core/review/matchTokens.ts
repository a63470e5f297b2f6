/**
 * Tokens of folded text for highlight matching: a word is a run of Unicode letters and digits; every other
 * character that is not white space is a token of its own; white space only separates. Each token records
 * whether white space came before it, so "covid-19" (three adjacent tokens) does not match "covid - 19".
 */

export interface Tokens {
  /** The tokens as folded. */
  words: string[];
  /** Each token prefixed by GAP or JOINED: how it continues the token before it. */
  linked: string[];
  /** Folded offsets of each token. */
  starts: number[];
  ends: number[];
}

/** Marks a token that white space separates from the one before. */
export const GAP = '\u0001';
/** Marks a token that directly follows the one before. */
export const JOINED = '\u0002';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE_CHAR = /\s/u;

function isWordChar(code: number, ch: string): boolean {
  if (code < 0x80)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(ch);
}

function isSpace(code: number, ch: string): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return SPACE_CHAR.test(ch);
}

export function tokenize(folded: string): Tokens {
  const words: string[] = [];
  const linked: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  let gap = false;
  const n = folded.length;
  while (i < n) {
    const ch = codePointAt(folded, i);
    const code = ch.codePointAt(0)!;
    if (isSpace(code, ch)) {
      gap = true;
      i += ch.length;
      continue;
    }
    const start = i;
    i += ch.length;
    if (isWordChar(code, ch)) {
      while (i < n) {
        const next = codePointAt(folded, i);
        if (!isWordChar(next.codePointAt(0)!, next)) break;
        i += next.length;
      }
    }
    const word = folded.slice(start, i);
    words.push(word);
    linked.push((gap ? GAP : JOINED) + word);
    starts.push(start);
    ends.push(i);
    gap = false;
  }
  return { words, linked, starts, ends };
}

function codePointAt(text: string, i: number): string {
  const high = text.charCodeAt(i);
  if (high >= 0xd800 && high <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return text.slice(i, i + 2);
  }
  return text[i]!;
}

export function isWordToken(token: string): boolean {
  const ch = codePointAt(token, 0);
  return isWordChar(ch.codePointAt(0)!, ch);
}
