import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFeatureSpace } from '../../../src/core/screening/featureSpace';
import { NaiveBayes, type NaiveBayesOptions } from '../../../src/core/screening/naiveBayes';
import { ROUND3_ASREVIEW_NB_CONFIG } from '../../../src/core/screening/rankerConfig';
import type { FeatureMatrix } from '../../../src/core/screening/tfidf';
import { reviewerLabels, syntheticCorpus } from './syntheticCorpus';

/** The fit as it was before the seen-term bookkeeping: fresh class masses, every term visited. */
function referenceWeights(
  m: FeatureMatrix,
  labels: Int8Array,
  options: NaiveBayesOptions,
  docWeights?: Float64Array,
): Float64Array {
  const nTerms = m.terms.length;
  const weights = new Float64Array(nTerms);
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
  for (let j = 0; j < nTerms; j++) {
    weights[j] = Math.log(mass1[j]! * scale1 + a) - norm1 - (Math.log(mass0[j]! + a) - norm0);
  }
  return weights;
}

const papers = syntheticCorpus(60);
const features = ROUND3_ASREVIEW_NB_CONFIG.features;

const labelSequence = (): Generator<[number, 1 | 0 | -1]> => reviewerLabels(papers);

test('naive Bayes: reused class masses and seen terms give the same weights as a fresh fit over every term', () => {
  const space = buildFeatureSpace(papers, features);
  const m = space.matrix;
  for (const options of [
    ROUND3_ASREVIEW_NB_CONFIG.model.nb,
    { alpha: 3, balance: 1, poolWeight: 0 },
    { alpha: 0.5, balance: 0.5, poolWeight: 0.1 },
  ]) {
    const nb = new NaiveBayes(m, options);
    const labels = new Int8Array(m.nDocs).fill(-1);
    let step = 0;
    for (const [doc, label] of labelSequence()) {
      labels[doc] = label;
      // Every other fit with document weights, some of them 0 (a left-out exclusion).
      const docWeights =
        step++ % 2 === 0
          ? undefined
          : Float64Array.from(labels, (l, d) => (l === -1 || d % 4 === 0 ? 0 : 1 + (d % 3)));
      nb.fit(labels, docWeights);
      assert.deepEqual(nb.weights, referenceWeights(m, labels, options, docWeights));
      for (const j of nb.seen) assert.ok(j >= 0 && j < m.nCols);
    }
  }
});

test('naive Bayes: a training paper of weight 0 makes none of its terms seen', () => {
  const space = buildFeatureSpace(
    [
      { title: 'alpha', abstract: 'shared words' },
      { title: 'beta', abstract: 'shared words' },
      { title: 'gamma', abstract: 'other text' },
    ],
    features,
  );
  const m = space.matrix;
  const nb = new NaiveBayes(m, ROUND3_ASREVIEW_NB_CONFIG.model.nb);
  nb.fit(Int8Array.from([1, 0, 0]), Float64Array.from([1, 1, 0]));
  const seen = new Set(nb.seen);
  const gamma = m.terms.indexOf('gamma');
  assert.ok(gamma >= 0 && !seen.has(gamma));
  assert.equal(nb.weights[gamma], nb.unseen);
  assert.ok(seen.has(m.terms.indexOf('alpha')) && seen.has(m.terms.indexOf('beta')));
});
