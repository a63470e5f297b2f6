import type { MatchRange } from './matchRanges';

/** One paper found by a search, best first in any result list. */
export interface SearchHit {
  /** Paper id. */
  id: string;
  /** Higher is better; comparable only within one result list. */
  score: number;
  /**
   * Where the query matched in the title and abstract, for highlighting. Full-text hits compute this when it
   * is first read (a getter, see lazyHit.ts): read it for the hits you show, and copy it explicitly rather
   * than spreading a hit.
   */
  matches: MatchRange[];
}

/** Orders hits by score (best first), breaking ties by id so results never depend on input order. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
