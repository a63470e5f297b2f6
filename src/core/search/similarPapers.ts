/**
 * "More like this" over the lunr index: a paper's most characteristic indexed words (by the BM25 weights
 * lunr stores in its field vectors) become a weighted query, and the papers it finds are the similar ones.
 * The cost is one query of a few dozen words, independent of corpus size beyond the postings it touches.
 */
import type lunr from 'lunr';
import { runClauses } from './lunrSearch';
import { Presence, type QueryClause } from './safeQuery';
import type { SearchHit } from './searchHit';

/** Words taken from the paper to describe it. */
export const SIMILARITY_QUERY_TERMS = 25;
const CONTENT_FIELDS = ['title', 'abstract'];

type IndexInternals = {
  fieldVectors: Record<string, { elements: number[] }>;
  invertedIndex: Record<string, { _index: number }>;
  fields: string[];
};

export class SimilarityFinder {
  private termsByIndex: string[] | undefined;

  constructor(private readonly index: lunr.Index) {}

  /** Up to k papers most similar to `id` (never `id` itself), best first; [] for an unknown id. */
  similarTo(id: string, k: number): SearchHit[] {
    if (k <= 0) return [];
    const internals = this.index as unknown as IndexInternals;
    const fields = CONTENT_FIELDS.filter((f) => internals.fields.includes(f));
    const weights = new Map<string, number>();
    for (const field of fields) {
      const elements = internals.fieldVectors[`${field}/${id}`]?.elements ?? [];
      for (let i = 0; i + 1 < elements.length; i += 2) {
        const term = this.termAt(elements[i]!);
        if (term !== undefined) weights.set(term, (weights.get(term) ?? 0) + elements[i + 1]!);
      }
    }
    const top = [...weights.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, SIMILARITY_QUERY_TERMS);
    const clauses: QueryClause[] = top.map(([term, weight]) => ({
      term,
      fields,
      boost: weight,
      usePipeline: false,
      wildcard: 0,
      presence: Presence.OPTIONAL,
    }));
    return runClauses(this.index, clauses)
      .filter((hit) => hit.id !== id)
      .slice(0, k);
  }

  private termAt(position: number): string | undefined {
    if (!this.termsByIndex) {
      const internals = this.index as unknown as IndexInternals;
      const terms: string[] = [];
      for (const [term, posting] of Object.entries(internals.invertedIndex)) terms[posting._index] = term;
      this.termsByIndex = terms;
    }
    return this.termsByIndex[position];
  }
}
