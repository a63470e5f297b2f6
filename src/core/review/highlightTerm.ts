/**
 * One highlight term, parsed: its folded tokens and which of them are `prefix*` words. Everything is literal
 * text except a `*` right after a word and before white space or the end, which makes that word a prefix.
 */
import { foldForMatching } from './matchFold';
import { isWordToken, linkedKey, tokenize } from './matchTokens';

export interface TermStep {
  /** The folded token, prefixed by GAP / JOINED unless it is the first. */
  key: string;
  /** The text token only has to start with the token (a `prefix*` word). */
  prefix: boolean;
}

export interface ParsedTerm {
  steps: TermStep[];
  /** The folded term, `*` marks kept: two terms with the same folded form are the same term. */
  folded: string;
  /** Folded characters the term spells out (prefix marks and spaces not counted): more is more specific. */
  literal: number;
}

export type TermParse = { term: ParsedTerm } | { problem: 'empty' | 'no-word' };

export function parseTerm(raw: string): TermParse {
  const tokens = tokenize(foldForMatching(raw).folded);
  const { words, gaps } = tokens;
  if (words.length === 0) return { problem: 'empty' };
  const steps: TermStep[] = [];
  let literal = 0;
  let hasWord = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const previous = steps[steps.length - 1];
    const endsWord = i + 1 === words.length || gaps[i + 1]!;
    if (word === '*' && !gaps[i] && previous && !previous.prefix && endsWord) {
      const previousWord = words[i - 1]!;
      if (isWordToken(previousWord)) {
        previous.prefix = true;
        continue;
      }
    }
    if (isWordToken(word)) hasWord = true;
    literal += word.length;
    steps.push({ key: i === 0 ? word : linkedKey(tokens, i), prefix: false });
  }
  if (!hasWord) return { problem: 'no-word' };
  const folded = steps.map((s) => s.key + (s.prefix ? '*' : '')).join('');
  return { term: { steps, folded, literal } };
}
