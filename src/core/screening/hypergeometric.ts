/**
 * The hypergeometric lower tail P(X ≤ x) — X the number of marked balls among `draws` drawn without
 * replacement from an urn of `population` balls of which `marked` are marked — computed exactly in log space:
 * no normal approximation, and no overflow of the binomial coefficients at 100,000 papers.
 */

// ln n! for n < 64, summed exactly enough at these sizes; Stirling's series above.
const SMALL_LOG_FACTORIALS = (() => {
  const table = new Float64Array(64);
  for (let n = 2; n < 64; n++) table[n] = table[n - 1]! + Math.log(n);
  return table;
})();
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln n!; Stirling's series to the n⁻⁵ term, whose error at n ≥ 64 is below 1e-16. */
export function logFactorial(n: number): number {
  if (n < 64) return SMALL_LOG_FACTORIALS[n]!;
  const inv = 1 / n;
  const inv2 = inv * inv;
  return (
    n * Math.log(n) -
    n +
    HALF_LOG_TWO_PI +
    0.5 * Math.log(n) +
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260)))
  );
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** ln P(X = x); −Infinity outside the support. */
export function logHypergeometricPmf(x: number, population: number, marked: number, draws: number): number {
  if (x < Math.max(0, draws - (population - marked)) || x > Math.min(marked, draws)) return -Infinity;
  return logChoose(marked, x) + logChoose(population - marked, draws - x) - logChoose(population, draws);
}

/**
 * P(X ≤ x). Sums the terms from x downwards with the exact ratio of neighbouring terms, in units of the
 * largest term met, and stops once a term below the mode no longer changes the sum (the terms only fall
 * from there on).
 */
export function hypergeometricCdf(x: number, population: number, marked: number, draws: number): number {
  assertUrn(population, marked, draws);
  const low = Math.max(0, draws - (population - marked));
  const high = Math.min(marked, draws);
  if (x < low) return 0;
  if (x >= high) return 1;
  const mode = Math.floor(((draws + 1) * (marked + 1)) / (population + 2));
  // Terms relative to the term at x; rescaled when a larger one turns up (x above the mode).
  let term = 1;
  let sum = 1;
  let scaleLog = logHypergeometricPmf(x, population, marked, draws);
  for (let i = x; i > low; i--) {
    // P(X = i − 1) / P(X = i)
    term *= (i * (population - marked - draws + i)) / ((marked - i + 1) * (draws - i + 1));
    sum += term;
    if (term > 1e100) {
      scaleLog += Math.log(term);
      sum /= term;
      term = 1;
    }
    if (i - 1 <= mode && term < sum * 1e-17) break;
  }
  return Math.min(1, Math.exp(scaleLog + Math.log(sum)));
}

function assertUrn(population: number, marked: number, draws: number): void {
  const ok =
    Number.isInteger(population) &&
    Number.isInteger(marked) &&
    Number.isInteger(draws) &&
    population >= 0 &&
    marked >= 0 &&
    marked <= population &&
    draws >= 0 &&
    draws <= population;
  if (!ok) throw new RangeError(`no such urn: ${marked} marked of ${population}, ${draws} drawn`);
}
