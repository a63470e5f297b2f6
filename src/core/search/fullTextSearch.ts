/**
 * Full-text search over an index core plus its tag segment: parses any string into lunr clauses
 * (safeQuery.ts), executes them (queryExecutor.ts) and returns hits whose match ranges are computed only
 * when read (lazyHit.ts).
 */
import { matchRangesOf } from './highlights';
import type { IndexCore } from './indexCore';
import { LazyHit, type MatchSource } from './lazyHit';
import type { Postings } from './postings';
import { QueryExecutor } from './queryExecutor';
import { parseQuery, type PlainQueryOptions, type QueryClause, type QueryTarget } from './safeQuery';
import type { SearchHit } from './searchHit';
import { expandTerm } from './termExpansion';

interface FullTextResult {
  hits: SearchHit[];
  /** Whether the query used lunr syntax (fields, +/-, wildcards...) rather than plain words. */
  usedSyntax: boolean;
}

export class FullTextSearch implements QueryTarget {
  readonly fields: readonly string[];
  private executor: QueryExecutor | undefined;
  private readonly segments: readonly Postings[];

  constructor(
    readonly core: IndexCore,
    readonly tags: Postings,
  ) {
    this.segments = [core.postings, tags];
    this.fields = this.segments.flatMap((s) => s.fields.map((f) => f.name));
  }

  searchTerm(word: string): string | undefined {
    return this.core.queryPipeline.termOf(word);
  }

  expansionCount(term: string, limit: number): number {
    const terms = new Set<string>();
    for (const segment of this.segments)
      for (const t of expandTerm(segment.terms, term, 0, limit)) terms.add(t);
    return terms.size;
  }

  /** Searches for any string; never throws. */
  search(query: string, options: PlainQueryOptions = {}): FullTextResult {
    try {
      const parsed = parseQuery(this, query, options);
      return { hits: this.run(parsed.clauses), usedSyntax: parsed.usedSyntax };
    } catch {
      return { hits: [], usedSyntax: false };
    }
  }

  /** Runs already sanitised clauses. */
  run(clauses: readonly QueryClause[]): SearchHit[] {
    const { papers } = this.core;
    this.executor ??= new QueryExecutor(this.segments, papers.length);
    // Documents are numbered in id order (indexCore.ts), so equal scores are ordered by id.
    const result = this.executor.run(clauses);
    const { pipeline, settings } = this.core;
    const hits: SearchHit[] = new Array<SearchHit>(result.docs.length);
    if (!settings.positions) {
      for (let i = 0; i < hits.length; i++) {
        hits[i] = { id: papers[result.docs[i]!]!.id, score: result.scores[i]!, matches: [] };
      }
      return hits;
    }
    const source: MatchSource = {
      matchesOf: (d) => matchRangesOf(papers[d]!, result.termsByField, pipeline),
    };
    for (let i = 0; i < hits.length; i++) {
      const d = result.docs[i]!;
      hits[i] = new LazyHit(papers[d]!.id, result.scores[i]!, source, d);
    }
    return hits;
  }
}
