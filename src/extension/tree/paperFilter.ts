import type { MatchRange, SearchIndex } from '../../core/search';

/** Which papers a filter query keeps, with where it matched (for highlighting titles in the tree). */
export interface FilterResult {
  readonly query: string;
  readonly matches: ReadonlyMap<string, readonly MatchRange[]>;
}

/**
 * A filter narrows, so every word must match (an any-word search for "diffusion model" keeps almost every
 * paper). When that finds nothing, probably because of a typo, the fuzzy title search gets a chance.
 */
export function filterPapers(index: SearchIndex, query: string): FilterResult {
  let hits = index.search(query, { requireAll: true });
  if (hits.length === 0) hits = index.fuzzyTitles(query, { limit: 200 });
  return { query, matches: new Map(hits.map((hit) => [hit.id, hit.matches])) };
}
