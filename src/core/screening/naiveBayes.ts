import type { FeatureMatrix } from './tfidf';

export interface NaiveBayesOptions {
  /** Additive smoothing of the term weights of the excluded class. */
  alpha: number;
  /**
   * Inclusions are rare; their term mass is scaled up by (excluded / included)^balance before smoothing, as if
   * each inclusion were repeated in the training set. 0 = no balancing, 1 = both classes weigh the same.
   */
  balance: number;
  /** Undecided papers add this share of their term mass to the excluded class (0 = not used). */
  poolWeight: number;
}

/**
 * Multinomial naive Bayes on TF-IDF weights, reduced to its linear decision function: term weight
 * log P(term | include) − log P(term | exclude). The class prior is left out: it shifts every score alike.
 * Refitting from the labelled rows costs O(their non-zeros + vocabulary), cheap enough to do after every label;
 * the vocabulary part is a fill: only the terms some training paper has take logarithms and sums.
 */
export class NaiveBayes {
  /** The term weights of the last fit. */
  readonly weights: Float64Array;
  /** The weight of every term no training paper had in the last fit (large vocabularies are mostly such terms). */
  unseen = 0;
  private readonly mass1: Float64Array;
  private readonly mass0: Float64Array;
  /** Marks the terms listed in `seenTerms`. */
  private readonly marked: Uint8Array;
  /** The terms a training paper of the last fit has (with a non-zero weight), ascending: `seenCount` of them. */
  private readonly seenTerms: Int32Array;
  private seenCount = 0;

  constructor(
    private readonly m: FeatureMatrix,
    private readonly options: NaiveBayesOptions,
  ) {
    const nTerms = m.terms.length;
    this.weights = new Float64Array(nTerms);
    this.mass1 = new Float64Array(nTerms);
    this.mass0 = new Float64Array(nTerms);
    this.marked = new Uint8Array(nTerms);
    this.seenTerms = new Int32Array(nTerms);
  }

  /**
   * The terms the last fit's training papers have, ascending; every other term weighs `unseen`. (A listed term
   * may weigh `unseen` too, when its mass is zero.) A view, valid until the next fit.
   */
  get seen(): Int32Array {
    return this.seenTerms.subarray(0, this.seenCount);
  }

  fit(labels: Int8Array, docWeights?: Float64Array): void {
    const { m, options, mass1, mass0, marked, seenTerms } = this;
    // Only the terms of the previous fit hold mass.
    for (let i = 0; i < this.seenCount; i++) {
      const j = seenTerms[i]!;
      mass1[j] = 0;
      mass0[j] = 0;
      marked[j] = 0;
    }
    let seenCount = 0;
    let n1 = 0;
    let n0 = 0;
    for (let d = 0; d < m.nDocs; d++) {
      const label = labels[d];
      if (label === 1) n1++;
      else if (label === 0) n0++;
      else if (options.poolWeight === 0) continue;
      const mass = label === 1 ? mass1 : mass0;
      const w = label === 1 || label === 0 ? (docWeights ? docWeights[d]! : 1) : options.poolWeight;
      if (w === 0) continue;
      for (let k = m.rowStart[d]!, end = m.rowStart[d + 1]!; k < end; k++) {
        const j = m.cols[k]!;
        if (marked[j] === 0) {
          marked[j] = 1;
          seenTerms[seenCount++] = j;
        }
        mass[j]! += w * m.vals[k]!;
      }
    }
    this.seenCount = seenCount;
    // Ascending, so the totals below add up in term order (other terms add exact zeros).
    const seen = this.seen.sort();
    const nTerms = m.terms.length;
    const scale1 = n1 > 0 && n0 > 0 && !docWeights ? Math.pow(n0 / n1, options.balance) : 1;
    let total1 = 0;
    let total0 = 0;
    for (let i = 0; i < seenCount; i++) {
      const j = seen[i]!;
      total1 += mass1[j]! * scale1;
      total0 += mass0[j]!;
    }
    const a = options.alpha;
    const norm1 = Math.log(total1 + a * nTerms);
    const norm0 = Math.log(total0 + a * nTerms);
    // A term no training paper has weighs the same as every other such term; only the others need logarithms.
    const unseen = Math.log(a) - norm1 - (Math.log(a) - norm0);
    this.unseen = unseen;
    const weights = this.weights.fill(unseen);
    for (let i = 0; i < seenCount; i++) {
      const j = seen[i]!;
      const m1 = mass1[j]!;
      const m0 = mass0[j]!;
      if (m1 !== 0 || m0 !== 0) {
        weights[j] = Math.log(m1 * scale1 + a) - norm1 - (Math.log(m0 + a) - norm0);
      }
    }
  }
}
