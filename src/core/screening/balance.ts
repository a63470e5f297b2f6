import type { SeededRandom } from './prng';

/**
 * Dynamic resampling of the training set in the spirit of ASReview's "double" balance: as the screening goes
 * on, inclusions are weighted up by a falling factor a·(included/excluded)^−alpha and only a random part of the
 * exclusions is used in each refit (their share 1 − (1 − b)(1 + ln n)^−beta of the training set, n = labels
 * so far). The training set keeps the size of the labelled set. Returns a weight per document: the number of
 * copies of an inclusion, 1 or 0 for an exclusion (sampled or not), 0 for undecided papers.
 */
export interface DoubleBalanceOptions {
  a: number;
  alpha: number;
  b: number;
  beta: number;
  /**
   * Draw the training set as ASReview's `DoubleBalance.sample` does (see `drawLikeAsreview`) rather than
   * weighting every inclusion by the same fractional number of copies.
   */
  asreviewDraw?: boolean;
}

export const ASREVIEW_DOUBLE_BALANCE: DoubleBalanceOptions = { a: 2.155, alpha: 0.94, b: 0.789, beta: 1 };

export function doubleBalanceWeights(
  labels: Int8Array,
  random: SeededRandom,
  options: DoubleBalanceOptions,
): Float64Array {
  const weights = new Float64Array(labels.length);
  const ones: number[] = [];
  const zeros: number[] = [];
  labels.forEach((label, d) => {
    if (label === 1) ones.push(d);
    else if (label === 0) zeros.push(d);
  });
  const nTrain = ones.length + zeros.length;
  if (ones.length === 0 || zeros.length === 0) {
    for (const d of [...ones, ...zeros]) weights[d] = 1;
    return weights;
  }
  if (options.asreviewDraw) return drawLikeAsreview(ones, zeros, labels.length, random, options);
  const oneWeight = options.a * Math.pow(ones.length / zeros.length, -options.alpha);
  const zeroWeight = 1 - (1 - options.b) * Math.pow(1 + Math.log(nTrain), -options.beta);
  const total = oneWeight * ones.length + zeroWeight * zeros.length;
  const nOnes = Math.max(1, Math.min(nTrain - 2, (oneWeight * ones.length * nTrain) / total));
  const nZeros = Math.max(1, Math.min(zeros.length, Math.round(nTrain - nOnes)));
  for (const d of ones) weights[d] = nOnes / ones.length;
  const sample = random.shuffle([...zeros]).slice(0, nZeros);
  for (const d of sample) weights[d] = 1;
  return weights;
}

/**
 * ASReview's draw (asreview/models/balance/double.py, 0.9): the number of inclusion copies is rounded up or
 * down at random (`random_round`), at least 1 and leaving at least 2 places; the exclusions fill the rest, so
 * the training set has exactly as many rows as papers labelled. Each class is then filled as `fill_training`
 * does: every member copied ⌊k / size⌋ times, plus a sample without replacement for the remainder — so late
 * in a screening, when the inclusions' share of places is below their count, they are subsampled too.
 */
function drawLikeAsreview(
  ones: number[],
  zeros: number[],
  nDocs: number,
  random: SeededRandom,
  options: DoubleBalanceOptions,
): Float64Array {
  const nTrain = ones.length + zeros.length;
  const oneWeight = options.a * Math.pow(ones.length / zeros.length, -options.alpha);
  const zeroWeight = 1 - (1 - options.b) * Math.pow(1 + Math.log(nTrain), -options.beta);
  const share = (oneWeight * ones.length * nTrain) / (oneWeight * ones.length + zeroWeight * zeros.length);
  let nOnes = Math.floor(share);
  if (random.next() < share - nOnes) nOnes++;
  nOnes = Math.max(1, Math.min(nTrain - 2, nOnes));
  const weights = new Float64Array(nDocs);
  fill(weights, ones, nOnes, random);
  fill(weights, zeros, nTrain - nOnes, random);
  return weights;
}

function fill(weights: Float64Array, members: number[], places: number, random: SeededRandom): void {
  const copies = Math.floor(places / members.length);
  for (const d of members) weights[d] = copies;
  for (const d of random.shuffle([...members]).slice(0, places - copies * members.length)) weights[d]! += 1;
}
