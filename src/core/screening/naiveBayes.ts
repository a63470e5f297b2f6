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
 * Refitting from the labelled rows costs O(their non-zeros + vocabulary), cheap enough to do after every label.
 */
export function fitNaiveBayes(
  m: FeatureMatrix,
  labels: Int8Array,
  options: NaiveBayesOptions,
  weights: Float64Array,
  docWeights?: Float64Array,
): void {
  const nTerms = m.terms.length;
  const mass1 = new Float64Array(nTerms);
  const mass0 = new Float64Array(nTerms);
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
    for (let k = m.rowStart[d]!, end = m.rowStart[d + 1]!; k < end; k++) mass[m.cols[k]!]! += w * m.vals[k]!;
  }
  const scale1 = n1 > 0 && n0 > 0 && !docWeights ? Math.pow(n0 / n1, options.balance) : 1;
  let total1 = 0;
  let total0 = 0;
  for (let j = 0; j < nTerms; j++) {
    total1 += mass1[j]! * scale1;
    total0 += mass0[j]!;
  }
  const a = options.alpha;
  const norm1 = Math.log(total1 + a * nTerms);
  const norm0 = Math.log(total0 + a * nTerms);
  // A term no training paper has weighs the same as every other such term; only the others need logarithms
  // (large vocabularies are mostly such terms).
  const unseen = Math.log(a) - norm1 - (Math.log(a) - norm0);
  for (let j = 0; j < nTerms; j++) {
    const m1 = mass1[j]!;
    const m0 = mass0[j]!;
    weights[j] =
      m1 === 0 && m0 === 0 ? unseen : Math.log(m1 * scale1 + a) - norm1 - (Math.log(m0 + a) - norm0);
  }
}
