/**
 * Runs lunr query clauses against Postings segments with lunr's semantics and scores, in time proportional
 * to the postings the query touches: scores accumulate in a per-document array instead of one match object
 * and one vector product per matching document.
 *
 * - A clause's term expands to vocabulary terms (termExpansion.ts) in every segment.
 * - Optional and required clauses add their expanded terms to the field's query vector (boosts of a repeated
 *   term add up); a document's score is, per field, Σ boost·idf·bm25 over the query terms it contains, divided
 *   by the query vector's length, summed over fields — lunr's cosine-like similarity.
 * - A document must match every required clause (in any of its fields) and no prohibited one. A query made
 *   only of prohibited clauses returns every other document with score 0.
 */
import { BM25_K1, lunrIdf, type Postings } from './postings';
import { Presence, type QueryClause } from './safeQuery';
import { orderByScore } from './scoreOrder';
import { expandTerm } from './termExpansion';

interface QueryResult {
  /** Matching documents, best first; equal scores in document order. */
  docs: Uint32Array;
  /** The score of each of `docs`. */
  scores: Float64Array;
  /** Per field, the index terms that matched: what to highlight. */
  termsByField: Map<string, Set<string>>;
}

/** Far more than any real expansion; only guards against pathological fuzzy terms. */
const MAX_EXPANSIONS = 10_000;

/** A list of document numbers in a buffer reused from query to query. */
class DocList {
  readonly items: Uint32Array;
  length = 0;

  constructor(capacity: number) {
    this.items = new Uint32Array(capacity);
  }

  push(d: number): void {
    this.items[this.length++] = d;
  }
}

export class QueryExecutor {
  private readonly scores: Float64Array;
  private readonly touched: Uint8Array;
  private readonly requiredSeen: Int32Array;
  private readonly requiredCount: Uint16Array;
  private readonly prohibited: Uint8Array;
  private readonly touchedDocs: DocList;
  private readonly prohibitedDocs: DocList;
  private readonly requiredDocs: DocList;

  constructor(
    private readonly segments: readonly Postings[],
    readonly docCount: number,
  ) {
    this.scores = new Float64Array(docCount);
    this.touched = new Uint8Array(docCount);
    this.requiredSeen = new Int32Array(docCount);
    this.requiredCount = new Uint16Array(docCount);
    this.prohibited = new Uint8Array(docCount);
    this.touchedDocs = new DocList(docCount);
    this.prohibitedDocs = new DocList(docCount);
    this.requiredDocs = new DocList(docCount);
  }

  run(clauses: readonly QueryClause[]): QueryResult {
    const termsByField = new Map<string, Set<string>>();
    if (clauses.length === 0) return { docs: new Uint32Array(0), scores: new Float64Array(0), termsByField };
    const queryVectors = new Map<string, Map<string, number>>();
    const { prohibited, requiredSeen, requiredCount, touchedDocs, prohibitedDocs, requiredDocs } = this;
    let requiredClauses = 0;

    clauses.forEach((clause, c) => {
      const terms = this.expand(clause);
      if (clause.presence === Presence.PROHIBITED) {
        this.forEachPosting(terms, clause.fields, (d) => {
          if (!prohibited[d]) {
            prohibited[d] = 1;
            prohibitedDocs.push(d);
          }
        });
        return;
      }
      if (clause.presence === Presence.REQUIRED) {
        requiredClauses++;
        const stamp = c + 1;
        this.forEachPosting(terms, clause.fields, (d) => {
          if (requiredSeen[d] === stamp) return;
          if (requiredSeen[d] === 0) requiredDocs.push(d);
          requiredSeen[d] = stamp;
          requiredCount[d]!++;
        });
      }
      for (const field of clause.fields) {
        let vector = queryVectors.get(field);
        if (!vector) queryVectors.set(field, (vector = new Map()));
        for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + clause.boost);
      }
    });

    const negated = clauses.every((c) => c.presence === Presence.PROHIBITED);
    if (!negated) this.accumulate(queryVectors, termsByField);

    const candidates = negated ? allDocs(this.docCount) : this.touchedInOrder();
    let kept = 0;
    for (let i = 0; i < candidates.length; i++) {
      const d = candidates[i]!;
      if (prohibited[d]) continue;
      if (requiredClauses > 0 && requiredCount[d] !== requiredClauses) continue;
      candidates[kept++] = d;
    }
    const docs = orderByScore(candidates.subarray(0, kept), this.scores);
    const scores = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++) scores[i] = this.scores[docs[i]!]!;

    for (let i = 0; i < touchedDocs.length; i++) {
      const d = touchedDocs.items[i]!;
      this.scores[d] = 0;
      this.touched[d] = 0;
    }
    for (let i = 0; i < prohibitedDocs.length; i++) prohibited[prohibitedDocs.items[i]!] = 0;
    for (let i = 0; i < requiredDocs.length; i++) {
      const d = requiredDocs.items[i]!;
      requiredSeen[d] = 0;
      requiredCount[d] = 0;
    }
    touchedDocs.length = prohibitedDocs.length = requiredDocs.length = 0;
    return { docs, scores, termsByField };
  }

  /** The documents that got a score, ascending (a scan of the flags when they are many). */
  private touchedInOrder(): Uint32Array {
    const { touchedDocs, touched } = this;
    if (touchedDocs.length * 16 < this.docCount) return touchedDocs.items.slice(0, touchedDocs.length).sort();
    const out = new Uint32Array(touchedDocs.length);
    let n = 0;
    for (let d = 0; d < this.docCount; d++) if (touched[d]) out[n++] = d;
    return out;
  }

  private expand(clause: QueryClause): string[] {
    const terms = new Set<string>();
    for (const segment of this.segments) {
      for (const term of expandTerm(segment.terms, clause.term, clause.editDistance ?? 0, MAX_EXPANSIONS)) {
        terms.add(term);
      }
    }
    return [...terms];
  }

  private forEachPosting(
    terms: readonly string[],
    fields: readonly string[],
    visit: (doc: number) => void,
  ): void {
    for (const segment of this.segments) {
      const fieldIndexes = fields.map((f) => segment.fieldIndex(f)).filter((f) => f >= 0);
      if (fieldIndexes.length === 0) continue;
      for (const term of terms) {
        const t = segment.termIndex(term);
        if (t < 0) continue;
        for (const f of fieldIndexes) {
          const { offsets, docs } = segment.fields[f]!;
          for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) visit(docs[i]!);
        }
      }
    }
  }

  private accumulate(
    queryVectors: Map<string, Map<string, number>>,
    termsByField: Map<string, Set<string>>,
  ): void {
    const idfCache = new Map<string, number>();
    const idf = (term: string): number => {
      let value = idfCache.get(term);
      if (value === undefined) {
        let documents = 0;
        for (const segment of this.segments) {
          const t = segment.termIndex(term);
          if (t >= 0) documents += segment.fieldDocumentCount(t);
        }
        idfCache.set(term, (value = lunrIdf(documents, this.docCount)));
      }
      return value;
    };
    const { scores, touched, touchedDocs } = this;
    for (const [fieldName, vector] of queryVectors) {
      let sumOfSquares = 0;
      for (const boost of vector.values()) sumOfSquares += boost * boost;
      const magnitude = Math.sqrt(sumOfSquares);
      if (!(magnitude > 0)) continue;
      for (const segment of this.segments) {
        const f = segment.fieldIndex(fieldName);
        if (f < 0) continue;
        const field = segment.fields[f]!;
        const norms = segment.lengthNorms(f);
        for (const [term, boost] of vector) {
          const t = segment.termIndex(term);
          if (t < 0) continue;
          const start = field.offsets[t]!;
          const end = field.offsets[t + 1]!;
          if (start === end) continue;
          let matched = termsByField.get(fieldName);
          if (!matched) termsByField.set(fieldName, (matched = new Set()));
          matched.add(term);
          const weight = ((boost * idf(term) * field.boost) / magnitude) * (BM25_K1 + 1);
          const { docs, frequencies } = field;
          for (let i = start; i < end; i++) {
            const d = docs[i]!;
            const tf = frequencies[i]!;
            scores[d]! += (weight * tf) / (norms[d]! + tf);
            if (touched[d] === 0) {
              touched[d] = 1;
              touchedDocs.push(d);
            }
          }
        }
      }
    }
  }
}

function allDocs(count: number): Uint32Array {
  const docs = new Uint32Array(count);
  for (let d = 0; d < count; d++) docs[d] = d;
  return docs;
}
