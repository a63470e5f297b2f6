import type { MatchRange, SearchHit, SearchIndex } from '../../core/search';

/** Which papers a filter query keeps, with where it matched (for highlighting titles in the tree). */
export interface FilterResult {
  readonly query: string;
  /** How many papers it keeps. */
  readonly size: number;
  has(id: string): boolean;
  /** Where the query matched the paper; computed only for the rows the tree shows. */
  matchesOf(id: string): readonly MatchRange[] | undefined;
}

/**
 * A filter narrows, so every word must match (an any-word search for "diffusion model" keeps almost every
 * paper). When that finds nothing, probably because of a typo, the fuzzy title search gets a chance.
 */
export function filterPapers(index: SearchIndex, query: string): FilterResult {
  let hits: readonly SearchHit[] = index.search(query, { requireAll: true });
  if (hits.length === 0) hits = index.fuzzyTitles(query, { limit: 200 });
  const byId = new Map(hits.map((hit) => [hit.id, hit]));
  return {
    query,
    size: byId.size,
    has: (id) => byId.has(id),
    matchesOf: (id) => byId.get(id)?.matches,
  };
}
