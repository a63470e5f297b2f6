/**
 * Agreement statistics on count tables. Every function returns null where the statistic is undefined (no
 * subjects, or chance agreement of 1 because a single category was used), never NaN.
 *
 * - Cohen (1960): κ = (pₒ − pₑ) / (1 − pₑ) on a k×k table of two raters, pₑ from each rater's own marginals.
 * - Fleiss (1971): κ = (P̄ − P̄ₑ) / (1 − P̄ₑ) on a subjects × categories table of how many raters chose each
 *   category, the same number of raters n ≥ 2 for every subject; P̄ is the mean pairwise agreement per subject.
 *   For two raters it equals Scott's π.
 * - PABAK (Byrt, Bishop & Carlin 1993): (k·pₒ − 1) / (k − 1) for k categories, which is 2pₒ − 1 on a 2×2
 *   table; with more raters pₒ is Fleiss' P̄ (Randolph's free-marginal multirater κ).
 */

/** Share of subjects on the diagonal of a k×k table. */
export function observedAgreement(table: readonly (readonly number[])[]): number | null {
  const total = sum(table.map(sum));
  if (total === 0) return null;
  return sum(table.map((row, i) => row[i] ?? 0)) / total;
}

export function cohenKappa(table: readonly (readonly number[])[]): number | null {
  const total = sum(table.map(sum));
  if (total === 0) return null;
  const observed = sum(table.map((row, i) => row[i] ?? 0)) / total;
  let chance = 0;
  for (let c = 0; c < table.length; c++) {
    const rowShare = sum(table[c]!) / total;
    const columnShare = sum(table.map((row) => row[c] ?? 0)) / total;
    chance += rowShare * columnShare;
  }
  return kappaOf(observed, chance);
}

/** Fleiss' P̄: for each subject the share of agreeing rater pairs, averaged over subjects. */
export function meanPairwiseAgreement(counts: readonly (readonly number[])[]): number | null {
  const raters = ratersPerSubject(counts);
  if (raters === null) return null;
  const perSubject = counts.map((row) => (sum(row.map((k) => k * k)) - raters) / (raters * (raters - 1)));
  return sum(perSubject) / counts.length;
}

export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  const raters = ratersPerSubject(counts);
  const observed = meanPairwiseAgreement(counts);
  if (raters === null || observed === null) return null;
  const categories = Math.max(...counts.map((row) => row.length));
  let chance = 0;
  for (let c = 0; c < categories; c++) {
    const share = sum(counts.map((row) => row[c] ?? 0)) / (counts.length * raters);
    chance += share * share;
  }
  return kappaOf(observed, chance);
}

export function pabak(observed: number | null, categories: number): number | null {
  if (observed === null || categories < 2) return null;
  return (categories * observed - 1) / (categories - 1);
}

function kappaOf(observed: number, chance: number): number | null {
  // Chance agreement of 1 (one category only) leaves κ undefined; the tolerance absorbs rounding in the sums.
  if (1 - chance < 1e-12) return null;
  return (observed - chance) / (1 - chance);
}

/** The raters per subject when every subject has the same number, at least two; otherwise null. */
function ratersPerSubject(counts: readonly (readonly number[])[]): number | null {
  if (counts.length === 0) return null;
  const n = sum(counts[0]!);
  if (n < 2 || counts.some((row) => sum(row) !== n)) return null;
  return n;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
