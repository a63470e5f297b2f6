/**
 * A compact inverted index: for every field, the documents containing each term and how often (CSR layout in
 * typed arrays), plus every document's field length. Scores follow lunr's BM25 exactly (k1 = 1.2, b = 0.75,
 * lunr's idf counting a document once per field that contains the term), but are computed at query time from
 * term frequencies instead of being stored per document, so the index is small, loads without parsing and
 * can be extended by another segment (the tags) without rebuilding.
 */

export const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Term frequencies and field lengths are stored in 8 and 16 bits. */
export const MAX_TERM_FREQUENCY = 255;
export const MAX_FIELD_LENGTH = 65_535;

export interface FieldPostings {
  readonly name: string;
  readonly boost: number;
  /** The postings of term t are at offsets[t] .. offsets[t + 1] - 1. */
  readonly offsets: Uint32Array;
  /** Document numbers, ascending within each term. */
  readonly docs: Uint32Array;
  /** How often the term occurs in that document's field. */
  readonly frequencies: Uint8Array;
  /** Number of indexed terms of this field in each document. */
  readonly lengths: Uint16Array;
}

/** A word list, or how to get it: a loaded index decodes its vocabulary when a query first needs it. */
export type WordList = readonly string[] | (() => readonly string[]);

export class Postings {
  private readonly norms: Float32Array[] = [];
  private vocabulary: WordList;

  constructor(
    readonly docCount: number,
    /** Sorted (code-unit order), without duplicates. */
    terms: WordList,
    readonly fields: readonly FieldPostings[],
  ) {
    this.vocabulary = terms;
  }

  /** The vocabulary: sorted (code-unit order), without duplicates. */
  get terms(): readonly string[] {
    if (typeof this.vocabulary === 'function') this.vocabulary = this.vocabulary();
    return this.vocabulary;
  }

  /** Position of `term` in the vocabulary, or -1. */
  termIndex(term: string): number {
    const i = lowerBound(this.terms, term);
    return this.terms[i] === term ? i : -1;
  }

  fieldIndex(name: string): number {
    return this.fields.findIndex((f) => f.name === name);
  }

  /** Documents containing term t, counted once per field (lunr's idf counts them that way). */
  fieldDocumentCount(t: number): number {
    let n = 0;
    for (const field of this.fields) n += field.offsets[t + 1]! - field.offsets[t]!;
    return n;
  }

  /** BM25's length normalisation k1·(1 − b + b·length/average) per document of field f. */
  lengthNorms(f: number): Float32Array {
    let norms = this.norms[f];
    if (!norms) {
      const lengths = this.fields[f]!.lengths;
      let total = 0;
      for (let d = 0; d < this.docCount; d++) total += lengths[d] ?? 0;
      const average = this.docCount > 0 ? total / this.docCount : 0;
      norms = new Float32Array(this.docCount);
      for (let d = 0; d < this.docCount; d++) {
        const ratio = average > 0 ? (lengths[d] ?? 0) / average : 0;
        norms[d] = BM25_K1 * (1 - BM25_B + BM25_B * ratio);
      }
      this.norms[f] = norms;
    }
    return norms;
  }
}

/** lunr's inverse document frequency. */
export function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/** First index i with sorted[i] >= value (code-unit order). */
export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
