/**
 * Typo- and accent-tolerant title search for the command palette, built on fuse.js. Titles and queries
 * are folded the same way ("Fréchet" and "frechet" are equal); each query word is matched fuzzily on
 * its own, in any order, and all words must match.
 */
import Fuse, { type FuseResult } from 'fuse.js';
import type { Paper } from '../model/paper';
import { foldWithOrigin, originalRange, type FoldedText } from './fold';
import type { MatchRange } from './matchRanges';
import { mergeRanges } from './matchRanges';
import { cleanQueryText } from './safeQuery';
import { compareHits, type SearchHit } from './searchHit';
import { wordSpans, type WordSpan } from './words';

/**
 * Fuse's per-word match tolerance: 0 exact, 1 anything. At 0.25 a word of four or more letters may have
 * one typo, eight or more letters two; looser settings let "title" match "-ti-" inside "generative".
 */
export const FUZZY_THRESHOLD = 0.25;
/** Words shorter than this must appear exactly (as a substring): one typo in three letters is noise. */
const MIN_FUZZY_WORD_LENGTH = 4;
/** At most this many query words are matched fuzzily (fuse's cost grows with each). */
export const MAX_FUZZY_WORDS = 8;
/** Longer words are cut (fuse's bit-parallel matcher handles 32 characters at a time). */
const MAX_FUZZY_WORD_LENGTH = 32;

interface TitleEntry {
  id: string;
  fold: FoldedText;
  folded: string;
  words: WordSpan[];
}

export class FuzzyTitleMatcher {
  private readonly fuse: Fuse<TitleEntry>;

  constructor(papers: readonly Pick<Paper, 'id' | 'title'>[]) {
    const entries = papers.map((p) => {
      const fold = foldWithOrigin(p.title);
      return { id: p.id, fold, folded: fold.folded, words: wordSpans(p.title) };
    });
    this.fuse = new Fuse(entries, {
      keys: ['folded'],
      isCaseSensitive: true, // both sides are folded already; fuse's own lower-casing could shift positions
      ignoreLocation: true,
      threshold: FUZZY_THRESHOLD,
      includeScore: true,
      includeMatches: true,
      minMatchCharLength: 2,
      useExtendedSearch: true,
    });
  }

  /** Titles matching every word of `query` approximately, best first. Scores are in (0, 1]. */
  search(query: string, limit = 50): SearchHit[] {
    const pattern = fuzzyPattern(query);
    if (pattern === '') return [];
    return this.fuse.search(pattern, { limit }).map(toHit).sort(compareHits);
  }
}

/**
 * Query words, folded, joined by spaces: in fuse's extended syntax that means "all of these". Longer words
 * match fuzzily; short ones get fuse's exact-substring prefix "'". Words hold only letters, digits and
 * marks, so no other extended-syntax operator can sneak in.
 */
export function fuzzyPattern(query: string): string {
  const words = wordSpans(foldWithOrigin(cleanQueryText(query)).folded)
    .map((w) => w.text.slice(0, MAX_FUZZY_WORD_LENGTH))
    .filter((w) => w.length >= 2);
  return [...new Set(words)]
    .slice(0, MAX_FUZZY_WORDS)
    .map((w) => (w.length < MIN_FUZZY_WORD_LENGTH ? `'${w}` : w))
    .join(' ');
}

function toHit(result: FuseResult<TitleEntry>): SearchHit {
  const { fold, words } = result.item;
  const matches: MatchRange[] = [];
  for (const match of result.matches ?? []) {
    for (const [start, endInclusive] of match.indices) {
      const [from, to] = originalRange(fold, start, endInclusive + 1);
      matches.push(wholeWords(words, from, to));
    }
  }
  return { id: result.item.id, score: Math.max(0, 1 - (result.score ?? 1)), matches: mergeRanges(matches) };
}

/** Fuzzy matches cover scattered letters ("speculat", "iv"); highlight the whole words they touch. */
function wholeWords(words: readonly WordSpan[], from: number, to: number): MatchRange {
  let start = from;
  let end = to;
  for (const word of words) {
    if (word.end <= from || word.start >= to) continue;
    start = Math.min(start, word.start);
    end = Math.max(end, word.end);
  }
  return { field: 'title', start, end };
}
