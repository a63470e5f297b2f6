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
  /** The 1-based rank of each hit in the full ranking (hits may skip ranks when a limit applied). */
  ranks: number[];
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

  /**
   * Searches for any string; never throws. With `limit`, hits are made for the best `limit` only, plus, for a
   * plain-words query, for the papers `alsoRank` names wherever they rank (their 1-based ranks in `ranks`, in
   * the order of `hits`). `alsoRank` is only called for plain words.
   */
  search(
    query: string,
    options: PlainQueryOptions & { limit?: number; alsoRank?: () => ReadonlySet<string> } = {},
  ): FullTextResult {
    try {
      const parsed = parseQuery(this, query, options);
      const also = parsed.usedSyntax ? undefined : options.alsoRank?.();
      return { ...this.run(parsed.clauses, options.limit, also), usedSyntax: parsed.usedSyntax };
    } catch {
      return { hits: [], ranks: [], usedSyntax: false };
    }
  }

  /** Runs already sanitised clauses; hit objects are made only for what is asked (a corpus can match 100k). */
  run(
    clauses: readonly QueryClause[],
    limit?: number,
    alsoRank?: ReadonlySet<string>,
  ): { hits: SearchHit[]; ranks: number[] } {
    const { papers } = this.core;
    this.executor ??= new QueryExecutor(this.segments, papers.length);
    // Documents are numbered in id order (indexCore.ts), so equal scores are ordered by id.
    const result = this.executor.run(clauses);
    const { pipeline, settings } = this.core;
    const count = limit === undefined ? result.docs.length : Math.min(result.docs.length, Math.max(0, limit));
    const picked: number[] = [];
    for (let i = 0; i < count; i++) picked.push(i);
    if (alsoRank?.size) {
      for (let i = count; i < result.docs.length; i++)
        if (alsoRank.has(papers[result.docs[i]!]!.id)) picked.push(i);
    }
    const source: MatchSource = {
      matchesOf: (d) => matchRangesOf(papers[d]!, result.termsByField, pipeline),
    };
    const hits = picked.map((i): SearchHit => {
      const d = result.docs[i]!;
      if (!settings.positions) return { id: papers[d]!.id, score: result.scores[i]!, matches: [] };
      return new LazyHit(papers[d]!.id, result.scores[i]!, source, d);
    });
    return { hits, ranks: picked.map((i) => i + 1) };
  }
}
