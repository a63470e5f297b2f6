/**
 * "More like this": a paper's most characteristic words (highest BM25 weight in its title and abstract, as
 * lunr would store them in its document vectors) become a weighted query, and the papers it finds are the
 * similar ones. Finding a paper's words reads each term's postings for that one document (a binary search per
 * term), so no per-document term lists are kept in memory.
 */
import type { FullTextSearch } from './fullTextSearch';
import { BM25_K1, lunrIdf } from './postings';
import { Presence, type QueryClause } from './safeQuery';
import type { SearchHit } from './searchHit';

/** Words taken from the paper to describe it. */
const SIMILARITY_QUERY_TERMS = 25;
const CONTENT_FIELDS = ['title', 'abstract'];

export class SimilarityFinder {
  private docOf: Map<string, number> | undefined;

  constructor(private readonly search: FullTextSearch) {}

  /** Up to k papers most similar to `id` (never `id` itself), best first; [] for an unknown id. */
  similarTo(id: string, k: number): SearchHit[] {
    if (k <= 0) return [];
    const { papers, postings } = this.search.core;
    this.docOf ??= new Map(papers.map((p, d) => [p.id, d]));
    const doc = this.docOf.get(id);
    if (doc === undefined) return [];
    const fields = CONTENT_FIELDS.filter((f) => postings.fieldIndex(f) >= 0);
    const weights = new Map<string, number>();
    for (const name of fields) {
      const f = postings.fieldIndex(name);
      const field = postings.fields[f]!;
      const norms = postings.lengthNorms(f);
      for (let t = 0; t < postings.terms.length; t++) {
        const at = findDoc(field.docs, field.offsets[t]!, field.offsets[t + 1]!, doc);
        if (at < 0) continue;
        const tf = field.frequencies[at]!;
        const idf = lunrIdf(this.documentsWith(postings.terms[t]!), papers.length);
        const weight = (idf * field.boost * (BM25_K1 + 1) * tf) / (norms[doc]! + tf);
        const term = postings.terms[t]!;
        weights.set(term, (weights.get(term) ?? 0) + weight);
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
    return this.search
      .run(clauses)
      .hits.filter((hit) => hit.id !== id)
      .slice(0, k);
  }

  private documentsWith(term: string): number {
    let n = 0;
    for (const segment of [this.search.core.postings, this.search.tags]) {
      const t = segment.termIndex(term);
      if (t >= 0) n += segment.fieldDocumentCount(t);
    }
    return n;
  }
}

/** Position of `doc` in the ascending docs[start..end), or -1. */
function findDoc(docs: Uint32Array, start: number, end: number, doc: number): number {
  if (start === end || docs[start]! > doc || docs[end - 1]! < doc) return -1;
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = docs[mid]!;
    if (value === doc) return mid;
    if (value < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
