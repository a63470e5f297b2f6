import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hypergeometricCdf, logFactorial } from '../../../src/core/screening/hypergeometric';
import {
  fewestInclusionsBelowTarget,
  stoppingEstimate,
  stoppingPValue,
} from '../../../src/core/screening/stopping';
import { SeededRandom } from '../../../src/core/screening/prng';

// A second implementation, written the long way: exact rationals from BigInt binomials, every window tried.

function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  k = Math.min(k, n - k);
  let result = 1n;
  for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
  return result;
}

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/** num / den as the nearest double, also when it is far below 2⁻¹⁰⁷⁴·2⁶⁴ of either operand. */
function ratio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = 64 - (bitLength(num) - bitLength(den));
  const q = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  return Number(q) * 2 ** -shift;
}

/** P(X ≤ x) for the hypergeometric law, exactly: Σ C(K, i) C(N − K, n − i) / C(N, n). */
function exactCdf(x: number, population: number, marked: number, draws: number): number {
  let num = 0n;
  for (let i = 0; i <= x; i++) num += choose(marked, i) * choose(population - marked, draws - i);
  return ratio(num, choose(population, draws));
}

/** The test's p-value trying every k, with the recall target a fraction targetNum / targetDen. */
function referencePValue(
  decisions: readonly boolean[],
  total: number,
  targetNum: number,
  targetDen: number,
): number {
  const found = decisions.filter(Boolean).length;
  // Fewest inclusions R with found / R < target, i.e. found · den < num · R.
  let fewest = found + 1;
  while (found * targetDen >= targetNum * fewest) fewest++;
  let best = 1;
  for (let k = 1; k <= decisions.length; k++) {
    const inWindow = decisions.slice(decisions.length - k).filter(Boolean).length;
    const urn = total - (decisions.length - k);
    const marked = fewest - (found - inWindow);
    const p = marked > urn ? 0 : exactCdf(inWindow, urn, marked, k);
    best = Math.min(best, p);
  }
  return best;
}

function assertClose(actual: number, expected: number, message: string): void {
  const tolerance = 1e-9 * Math.max(expected, 1e-300);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${message}: ${actual} vs ${expected}`);
}

test('hypergeometric lower tail: hand-computed values', () => {
  // 3 marked of 10, 4 drawn: P(X ≤ 1) = (C(7,4) + 3·C(7,3)) / C(10,4) = (35 + 105) / 210.
  assertClose(hypergeometricCdf(1, 10, 3, 4), 2 / 3, 'P(X ≤ 1)');
  // P(X ≤ 0) = C(7,3) / C(9,3) = 35 / 84.
  assertClose(hypergeometricCdf(0, 9, 2, 3), 5 / 12, 'P(X ≤ 0)');
  assert.equal(hypergeometricCdf(3, 10, 3, 4), 1);
  assert.equal(hypergeometricCdf(-1, 10, 3, 4), 0);
  // Drawing 9 of 10 with 3 marked leaves at most one out: X ≥ 2.
  assert.equal(hypergeometricCdf(1, 10, 3, 9), 0);
  assertClose(hypergeometricCdf(2, 10, 3, 9), 3 / 10, 'one marked left out');
  assert.throws(() => hypergeometricCdf(0, 10, 11, 2), RangeError);
});

test('log factorials agree with exact ones around the switch to Stirling', () => {
  for (const n of [0, 1, 5, 63, 64, 65, 200]) {
    let exact = 0;
    for (let i = 2; i <= n; i++) exact += Math.log(i);
    assert.ok(Math.abs(logFactorial(n) - exact) < 1e-12 * Math.max(1, exact), `ln ${n}!`);
  }
});

test('hypergeometric lower tail matches exact rationals, tiny tails and 100,000-paper urns included', () => {
  const random = new SeededRandom(7);
  for (let trial = 0; trial < 300; trial++) {
    const population = 1 + random.nextInt(trial < 200 ? 60 : 400);
    const marked = random.nextInt(population + 1);
    const draws = random.nextInt(population + 1);
    const x = random.nextInt(Math.min(marked, draws) + 2) - 1;
    assertClose(
      hypergeometricCdf(x, population, marked, draws),
      exactCdf(x, population, marked, draws),
      `x ${x} N ${population} K ${marked} n ${draws}`,
    );
  }
  for (const [x, population, marked, draws] of [
    [0, 100_000, 30, 5_000],
    [3, 100_000, 60, 20_000],
    [10, 100_000, 200, 1_000],
    [0, 100_000, 2, 99_000],
    [25, 100_000, 26, 90_000],
  ] as const) {
    const p = hypergeometricCdf(x, population, marked, draws);
    assert.ok(Number.isFinite(p) && p >= 0 && p <= 1, `finite at N = 100k: ${p}`);
    assertClose(p, exactCdf(x, population, marked, draws), `N 100k, K ${marked}, n ${draws}, x ${x}`);
  }
});

test('fewest inclusions below the target: 19 of 20 meets 95 %', () => {
  assert.equal(fewestInclusionsBelowTarget(19, 0.95), 21);
  assert.equal(fewestInclusionsBelowTarget(18, 0.95), 19);
  assert.equal(fewestInclusionsBelowTarget(0, 0.95), 1);
  assert.equal(fewestInclusionsBelowTarget(1, 0.5), 3);
  assert.equal(fewestInclusionsBelowTarget(100, 0.95), 106);
});

test('stopping test: hand-computed p-values', () => {
  // 10 papers, 1 included then 3 excluded, target 50 %: H0 needs ≥ 3 inclusions in all.
  // Last 3 (no inclusion) from an urn of 9 holding ≥ 2: P(X ≤ 0) = C(7,3)/C(9,3) = 5/12.
  // All 4 from the whole urn of 10 holding ≥ 3: P(X ≤ 1) = 2/3. The smaller one is the test's.
  const a = stoppingPValue([true, false, false, false], 10, 0.5);
  assertClose(a.pValue, 5 / 12, 'p');
  assert.equal(a.window, 3);

  // 20 papers, 2 included then 10 excluded, target 95 %: H0 needs ≥ 3. Last 10 from an urn of 18 holding ≥ 1:
  // C(17,10)/C(18,10) = 8/18; last 11 (urn 19, ≥ 2): (C(17,11) + 2·C(17,10))/C(19,11) = 51272/75582; all 12
  // (urn 20, ≥ 3): 1 − C(17,9)/C(20,12) = 1 − 24310/125970.
  const b = stoppingPValue([true, true, ...Array<boolean>(10).fill(false)], 20, 0.95);
  assertClose(b.pValue, 4 / 9, 'p');
  assert.equal(b.window, 10);

  // 3 found with one paper left: recall below 50 % would need 7 inclusions — impossible, p = 0.
  assert.equal(stoppingPValue([true, true, true], 4, 0.5).pValue, 0);
  assert.deepEqual(stoppingPValue([], 10, 0.95), { pValue: 1, window: 0 });
});

test('stopping estimate: the counter, the decision and the exclusions still needed', () => {
  const options = { recallTarget: 0.5, confidence: 0.95 };
  const estimate = stoppingEstimate([true, false, false, false], 10, options);
  assert.equal(estimate.sinceLastInclusion, 3);
  assert.equal(estimate.stop, false);
  // m more exclusions: the last 3 + m from the urn of 9 holding 2 gives (6 − m)(5 − m)/72, first below 0.05
  // at m = 4 (2/72); the whole-sequence window stays higher.
  assert.equal(estimate.moreToScreen, 4);
  const after = stoppingEstimate([true, ...Array<boolean>(7).fill(false)], 10, options);
  assertClose(after.pValue, 2 / 72, 'p after 4 more');
  assert.equal(after.stop, true);
  assert.equal(after.moreToScreen, 0);

  const none = stoppingEstimate([false, false], 5);
  assert.equal(none.sinceLastInclusion, 2);
  assert.equal(none.included, 0);
  const all = stoppingEstimate([false, true, false], 3);
  assert.equal(all.stop, true, 'everything screened');
  assert.throws(() => stoppingEstimate([true], 10, { recallTarget: 1, confidence: 0.95 }), RangeError);
  assert.throws(() => stoppingEstimate([true, false], 1), RangeError);
});

test('stopping test agrees with an every-window exact implementation on random screenings', () => {
  const random = new SeededRandom(2020);
  const targets: [number, number][] = [
    [95, 100],
    [9, 10],
    [1, 2],
    [99, 100],
  ];
  for (let trial = 0; trial < 120; trial++) {
    const total = 5 + random.nextInt(trial < 80 ? 60 : 250);
    const screened = 1 + random.nextInt(total);
    // Prioritised-looking: inclusions likelier early on.
    const decisions = Array.from({ length: screened }, (_, i) => random.next() < 0.5 * Math.exp(-i / 15));
    const [num, den] = targets[trial % targets.length]!;
    const expected = referencePValue(decisions, total, num, den);
    const { pValue } = stoppingPValue(decisions, total, num / den);
    assertClose(pValue, expected, `trial ${trial}: ${screened} of ${total}, target ${num}/${den}`);

    // The exclusions still needed: the first m whose all-exclusion continuation passes, by linear search.
    const estimate = stoppingEstimate(decisions, total, { recallTarget: num / den, confidence: 0.95 });
    let m = 0;
    while (
      decisions.length + m < total &&
      !(referencePValue([...decisions, ...Array<boolean>(m).fill(false)], total, num, den) < 0.05)
    )
      m++;
    assert.equal(estimate.moreToScreen, m, `trial ${trial}: exclusions to stop`);
  }
});

test('stopping estimate stays finite and quick at 100,000 papers', () => {
  const random = new SeededRandom(3);
  const decisions = Array.from({ length: 20_000 }, (_, i) => random.next() < 0.3 * Math.exp(-i / 2_000));
  const estimate = stoppingEstimate(decisions, 100_000);
  assert.ok(estimate.pValue >= 0 && estimate.pValue <= 1);
  assert.ok(estimate.moreToScreen >= 0 && estimate.moreToScreen <= 80_000);
  const passing = [...decisions, ...Array<boolean>(estimate.moreToScreen).fill(false)];
  if (!estimate.stop) assert.equal(stoppingEstimate(passing, 100_000).stop, true);
});
