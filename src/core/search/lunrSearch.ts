/** Runs a (sanitised) query against the lunr index and shapes the results as search hits. */
import type lunr from 'lunr';
import { rangesFromLunr } from './matchRanges';
import { parseQuery, type PlainQueryOptions, type QueryClause } from './safeQuery';
import { compareHits, type SearchHit } from './searchHit';

export interface LunrSearchResult {
  hits: SearchHit[];
  /** Whether the query used lunr syntax (fields, +/-, wildcards...) rather than plain words. */
  usedSyntax: boolean;
}

/** Searches `index` for any string; never throws. */
export function lunrSearch(
  index: lunr.Index,
  query: string,
  options: PlainQueryOptions = {},
): LunrSearchResult {
  try {
    const parsed = parseQuery(index, query, options);
    return { hits: runClauses(index, parsed.clauses), usedSyntax: parsed.usedSyntax };
  } catch {
    return { hits: [], usedSyntax: false };
  }
}

export function runClauses(index: lunr.Index, clauses: readonly QueryClause[]): SearchHit[] {
  if (clauses.length === 0) return [];
  const results = index.query((q) => {
    for (const clause of clauses) q.clause({ ...clause } as unknown as lunr.Query.Clause);
  });
  return results
    .map((r) => ({ id: r.ref, score: r.score, matches: rangesFromLunr(r.matchData) }))
    .sort(compareHits);
}
