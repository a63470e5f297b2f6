/**
 * A search hit whose match ranges are computed the first time they are read. A query can match thousands of
 * papers, but only the few shown are highlighted; the ranges of the others are never computed.
 *
 * A class with a getter rather than an object literal with one, and a shared source rather than a closure
 * per hit: V8 builds these ~50× faster, which matters when a common word matches most of the corpus.
 * `matches` therefore lives on the prototype: JSON output includes it (toJSON), but an object spread
 * (`{ ...hit }`) does not copy it.
 */
import type { MatchRange } from './matchRanges';
import type { SearchHit } from './searchHit';

/** Computes the match ranges of the hit numbered `key` (a document number, a position in a list). */
export interface MatchSource {
  matchesOf(key: number): MatchRange[];
}

export class LazyHit implements SearchHit {
  #source: MatchSource | undefined;
  #key: number;
  #matches: MatchRange[] | undefined;

  constructor(
    readonly id: string,
    public score: number,
    source: MatchSource,
    key: number,
  ) {
    this.#source = source;
    this.#key = key;
  }

  get matches(): MatchRange[] {
    if (this.#matches === undefined) {
      this.#matches = this.#source!.matchesOf(this.#key);
      this.#source = undefined;
    }
    return this.#matches;
  }

  set matches(value: MatchRange[]) {
    this.#matches = value;
    this.#source = undefined;
  }

  toJSON(): SearchHit {
    return { id: this.id, score: this.score, matches: this.matches };
  }
}
