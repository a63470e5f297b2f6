import { STOPWORDS } from './stopwords';

/** A word of the text: `term` is the feature key, `surface` the word as written. */
export interface Token {
  term: string;
  surface: string;
  /** True when a stop word, number or punctuation separates this word from the previous one (no phrase). */
  phraseBreak: boolean;
}

export interface TokenizeOptions {
  /** Fold plural forms onto one term (nudges → nudge, studies → study). */
  foldPlurals: boolean;
}

// Markup and copyright boilerplate that real exports carry inside abstracts.
const MARKUP_RE = /<\/?[a-z][a-z0-9]{0,10}\s*\/?>/gi;
const COPYRIGHT_RE = /(?:©|\(c\)|copyright)[^.]*\./gi;
// UTF-8 text that was once decoded as Windows-1252: "â€™", "â€œ", "Â ".
const MOJIBAKE_RE = /â€.|Â/g;
const WORD_RE = /[\p{L}\p{N}]+/gu;
const PHRASE_BREAK_RE = /[.,;:!?()[\]{}"“”=<>/|+*&%§#@]/;
const DIGITS_RE = /^\p{N}+$/u;

/**
 * Splits text into lower-case words of two or more characters. Stop words and pure numbers are dropped and,
 * like punctuation, break phrases, so a bigram is always two words that stand next to each other in the text.
 */
export function tokenize(text: string, options: TokenizeOptions): Token[] {
  const clean = text.replace(MARKUP_RE, ' ').replace(COPYRIGHT_RE, '.').replace(MOJIBAKE_RE, ' ');
  const tokens: Token[] = [];
  let phraseBreak = true;
  let lastEnd = 0;
  for (const match of clean.matchAll(WORD_RE)) {
    const start = match.index;
    if (PHRASE_BREAK_RE.test(clean.slice(lastEnd, start))) phraseBreak = true;
    lastEnd = start + match[0].length;
    const surface = match[0];
    const lower = surface.toLowerCase();
    if (lower.length < 2) continue;
    if (STOPWORDS.has(lower) || DIGITS_RE.test(lower)) {
      phraseBreak = true;
      continue;
    }
    tokens.push({ term: options.foldPlurals ? foldPlural(lower) : lower, surface, phraseBreak });
    phraseBreak = false;
  }
  return tokens;
}

/** A conservative English plural fold (after Harman's S-stemmer): studies → study, nudges → nudge. */
export function foldPlural(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies'))
    return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && !/(?:aes|ees|oes)$/.test(word)) return word.slice(0, -1);
  if (word.endsWith('s') && !/(?:us|ss|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const SCIKIT_WORD_RE = /[\p{L}\p{N}_]+/gu;

/**
 * Words as scikit-learn's CountVectorizer finds them by default (ASReview's TF-IDF): the text lower-cased,
 * then every match of `(?u)\b\w\w+\b` — runs of two or more letters, digits or underscores. Nothing is dropped
 * (no stop words, numbers kept) and nothing breaks a phrase: n-grams run over the whole token list.
 */
export function tokenizeLikeScikit(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.toLowerCase().matchAll(SCIKIT_WORD_RE)) {
    const word = match[0];
    if ([...word].length < 2) continue;
    tokens.push({ term: word, surface: word, phraseBreak: false });
  }
  return tokens;
}
