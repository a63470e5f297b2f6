/**
 * Screening metrics as ASReview 0.9 computes them (asreview.analysis: `wss`, `rrf`), which produced the
 * published tables. The prior-knowledge papers do not count: `screened` is the sequence of relevance labels of
 * the papers screened after the priors, `totalRecords` and `totalRelevant` exclude the priors too. After the
 * i-th screened paper, x = i / totalRecords is the share screened and y = (relevant found) / totalRelevant the
 * recall.
 * - WSS@r (work saved over sampling) = y − x at the first paper where y ≥ r. With y exactly r this is Cohen's
 *   (TN + FN) / N − (1 − r); ASReview takes the recall actually reached, which can exceed r by up to
 *   1 / totalRelevant.
 * - RRF@p (relevant references found) = y at the first paper where x ≥ p.
 * Both return fractions in [0, 1], or undefined when `screened` stops before the point is reached.
 */
const EPS = 1e-6;

export function workSavedOverSampling(
  screened: readonly boolean[],
  totalRecords: number,
  totalRelevant: number,
  recall = 0.95,
): number | undefined {
  if (totalRelevant <= 0 || totalRecords <= 0) return undefined;
  let found = 0;
  for (let i = 0; i < screened.length; i++) {
    if (screened[i]) found++;
    const y = found / totalRelevant;
    if (y >= recall - EPS) return y - (i + 1) / totalRecords;
  }
  return undefined;
}

/**
 * WSS@r of the mean recall curve of several runs, as ASReview 0.9's `Analysis.wss` computes the figure it
 * publishes for a simulation of many runs: the inclusions found after the i-th screened paper are averaged
 * over the runs first (a run that ended before i no longer counts), and WSS is read off that mean curve. It
 * is not the mean of the runs' WSS: a run's WSS overshoots r by up to 1 / totalRelevant, the mean curve's
 * hardly at all, and the slow last inclusions of the worst runs pull the mean curve's crossing later.
 */
export function pooledWorkSavedOverSampling(
  runs: readonly (readonly boolean[])[],
  totalRecords: number,
  totalRelevant: number,
  recall = 0.95,
): number | undefined {
  if (runs.length === 0 || totalRelevant <= 0 || totalRecords <= 0) return undefined;
  const found = runs.map(() => 0);
  const longest = Math.max(...runs.map((r) => r.length));
  for (let i = 0; i < longest; i++) {
    let sum = 0;
    let counted = 0;
    runs.forEach((run, r) => {
      if (i >= run.length) return;
      if (run[i]) found[r]!++;
      sum += found[r]!;
      counted++;
    });
    const y = sum / counted / totalRelevant;
    if (y >= recall - EPS) return y - (i + 1) / totalRecords;
  }
  return undefined;
}

export function relevantReferencesFound(
  screened: readonly boolean[],
  totalRecords: number,
  totalRelevant: number,
  share = 0.1,
): number | undefined {
  if (totalRelevant <= 0 || totalRecords <= 0) return undefined;
  let found = 0;
  for (let i = 0; i < screened.length; i++) {
    if (screened[i]) found++;
    if ((i + 1) / totalRecords >= share - EPS) return found / totalRelevant;
  }
  return undefined;
}

export interface Summary {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  sd: number;
}

export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { mean: NaN, sd: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, sd: 0 };
  const variance = values.reduce((a, v) => a + (v - mean) * (v - mean), 0) / (n - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}
