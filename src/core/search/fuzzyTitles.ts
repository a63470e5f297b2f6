/**
 * Typo- and accent-tolerant title search for the command palette, built on fuse.js. Titles and queries
 * are folded the same way ("Fréchet" and "frechet" are equal); each query word is matched fuzzily on
 * its own, in any order, and all words must match.
 *
 * fuse.js compares a query with every title, which costs ~10 µs per title and query: 140 ms per keystroke at
 * 10k papers. So fuse only scores a short candidate list: the titles that have, for every query word, a word
 * containing it within fuse's own error budget (titleWords.ts, a scan of the distinct title words rather than
 * of the titles). A query word that fuse would only match across two title words (a missing space) is
 * therefore not found.
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { Paper } from '../model/paper';
import { foldWithOrigin, originalRange, type FoldedText } from './fold';
import type { MatchRange } from './matchRanges';
import { mergeRanges } from './matchRanges';
import { cleanQueryText } from './safeQuery';
import { compareHits, type SearchHit } from './searchHit';
import type { TitleWords } from './titleWords';
import { wordSpans, type WordSpan } from './words';

/**
 * Fuse's per-word match tolerance: 0 exact, 1 anything. At 0.25 a word of four or more letters may have
 * one typo, eight or more letters two; looser settings let "title" match "-ti-" inside "generative".
 */
const FUZZY_THRESHOLD = 0.25;
/** Words shorter than this must appear exactly (as a substring): one typo in three letters is noise. */
const MIN_FUZZY_WORD_LENGTH = 4;
/** At most this many query words are matched fuzzily (fuse's cost grows with each). */
const MAX_FUZZY_WORDS = 8;
/** Longer words are cut (fuse's bit-parallel matcher handles 32 characters at a time). */
const MAX_FUZZY_WORD_LENGTH = 32;
/** Most titles fuse scores for one query; beyond it, the titles with the fewest typos are kept. */
const MAX_FUZZY_CANDIDATES = 400;
/** Query words whose candidate titles are remembered (typing repeats the earlier words at every key). */
const CACHED_WORDS = 64;

const FUSE_OPTIONS: IFuseOptions<TitleEntry> = {
  keys: ['folded'],
  isCaseSensitive: true, // both sides are folded already; fuse's own lower-casing could shift positions
  ignoreLocation: true,
  threshold: FUZZY_THRESHOLD,
  includeScore: true,
  includeMatches: true,
  minMatchCharLength: 2,
  useExtendedSearch: true,
};

interface TitleEntry {
  id: string;
  fold: FoldedText;
  folded: string;
  words: WordSpan[];
}

export class FuzzyTitleMatcher {
  private readonly nearCache = new Map<string, Map<number, number>>();
  /** Folded titles of the documents that were candidates once: typing asks for the same ones at every key. */
  private readonly entries: (TitleEntry | undefined)[] = [];

  constructor(
    private readonly papers: readonly Pick<Paper, 'id' | 'title'>[],
    private readonly titleWords: TitleWords,
  ) {}

  /** Titles matching every word of `query` approximately, best first. Scores are in (0, 1]. */
  search(query: string, limit = 50): SearchHit[] {
    const words = fuzzyWords(query);
    if (words.length === 0) return [];
    const candidates = this.candidates(words).map((d) => (this.entries[d] ??= titleEntry(this.papers[d]!)));
    if (candidates.length === 0) return [];
    return new Fuse(candidates, FUSE_OPTIONS)
      .search(patternOf(words), { limit })
      .map(toHit)
      .sort(compareHits);
  }

  /** Documents whose title can match every word, the likeliest first, at most MAX_FUZZY_CANDIDATES. */
  private candidates(words: readonly string[]): number[] {
    const sets = words.map((w) => this.near(w)).sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets;
    // One number per candidate orders it by (edits, title length, document): a short query word ("re") can
    // match most titles of a large corpus, and a typed-array sort of numbers makes no garbage.
    const keys = new Float64Array(smallest!.size);
    let found = 0;
    for (const [doc, edits] of smallest!) {
      let total = edits;
      for (const set of rest) {
        const e = set.get(doc);
        if (e === undefined) {
          total = -1;
          break;
        }
        total += e;
      }
      if (total >= 0) keys[found++] = candidateKey(total, this.papers[doc]!.title.length, doc);
    }
    const ordered = keys.subarray(0, found).sort();
    const count = Math.min(found, MAX_FUZZY_CANDIDATES);
    const docs = new Array<number>(count);
    for (let i = 0; i < count; i++) docs[i] = ordered[i]! % DOC_SPAN;
    return docs;
  }

  private near(word: string): Map<number, number> {
    let found = this.nearCache.get(word);
    if (found) {
      // Most recently used last, so the oldest entry is the first one evicted.
      this.nearCache.delete(word);
    } else {
      const allowed = word.length < MIN_FUZZY_WORD_LENGTH ? 0 : Math.floor(FUZZY_THRESHOLD * word.length);
      found = this.titleWords.near(word, allowed);
      if (this.nearCache.size >= CACHED_WORDS) this.nearCache.delete(this.nearCache.keys().next().value!);
    }
    this.nearCache.set(word, found);
    return found;
  }
}

const DOC_SPAN = 2 ** 24;
const LENGTH_SPAN = 2 ** 12;

/** (edits, title length, document) as one number that sorts like the triple; exact below 2^53. */
function candidateKey(edits: number, titleLength: number, doc: number): number {
  return (Math.min(edits, 255) * LENGTH_SPAN + Math.min(titleLength, LENGTH_SPAN - 1)) * DOC_SPAN + doc;
}

/** The query's distinct folded words that take part in fuzzy matching, in order, at most MAX_FUZZY_WORDS. */
function fuzzyWords(query: string): string[] {
  const words = wordSpans(foldWithOrigin(cleanQueryText(query)).folded)
    .map((w) => w.text.slice(0, MAX_FUZZY_WORD_LENGTH))
    .filter((w) => w.length >= 2);
  return [...new Set(words)].slice(0, MAX_FUZZY_WORDS);
}

/**
 * Query words, folded, joined by spaces: in fuse's extended syntax that means "all of these". Longer words
 * match fuzzily; short ones get fuse's exact-substring prefix "'". Words hold only letters, digits and
 * marks, so no other extended-syntax operator can sneak in.
 */
function patternOf(words: readonly string[]): string {
  return words.map((w) => (w.length < MIN_FUZZY_WORD_LENGTH ? `'${w}` : w)).join(' ');
}

function titleEntry(paper: Pick<Paper, 'id' | 'title'>): TitleEntry {
  const fold = foldWithOrigin(paper.title);
  return { id: paper.id, fold, folded: fold.folded, words: wordSpans(paper.title) };
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
