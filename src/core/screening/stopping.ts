import { hypergeometricCdf } from './hypergeometric';

/**
 * When to stop prioritised screening: the statistical stopping rule of Callaghan & Müller-Hansen (2020,
 * "Statistical stopping criteria for automated screening in systematic reviews", Systematic Reviews 9:273).
 *
 * The null hypothesis is that recall is still below the target τ. The last k papers screened are treated as
 * if drawn at random from an urn: those k plus every paper not yet screened. If recall were below τ, the urn
 * would hold at least K = ⌊r / τ − r_before + 1⌋ inclusions (r found in all, r_before of them before the k),
 * and finding as few as the k held would have probability P(X ≤ found in the k) under the hypergeometric
 * law. The smallest of these p-values over every k is the test's p-value; screening may stop when it falls
 * below α = 1 − confidence. Prioritisation puts likely inclusions first, so the unscreened papers hold
 * fewer of them than a random draw would: the test is conservative for prioritised screening.
 *
 * Beside it, the plain counter reviewers use: papers screened since the last inclusion.
 */
export interface StoppingOptions {
  /** The recall the reviewer wants, 0 < τ < 1 (default 0.95). */
  recallTarget: number;
  /** Confidence 1 − α that the target is met (default 0.95). */
  confidence: number;
}

export const DEFAULT_STOPPING_OPTIONS: StoppingOptions = { recallTarget: 0.95, confidence: 0.95 };

export interface StoppingEstimate {
  /** Papers screened (decided include or exclude) and of those included. */
  screened: number;
  included: number;
  /** Papers in the corpus, screened or not. */
  total: number;
  /** Papers screened since the last inclusion (all of them while none is included). */
  sinceLastInclusion: number;
  /** The test's p-value for "recall < target"; 1 while nothing is screened. */
  pValue: number;
  /** The number of last-screened papers whose draw gives that p-value (0 while nothing is screened). */
  window: number;
  /** p-value < 1 − confidence, or nothing left to screen. */
  stop: boolean;
  /**
   * How many more papers, all of them exclusions, would make the test pass: 0 once it passes. An inclusion
   * among them restarts the count, so it is the least work left, not a forecast.
   */
  moreToScreen: number;
}

/**
 * The test's p-value and the window that gives it, for screening decisions in the order they were made
 * (true = included) out of `total` papers.
 *
 * Within a run of exclusions, widening the window by one more exclusion keeps the urn and K and draws one
 * more ball, which can only lower the p-value; so the smallest p-value is at a window that reaches back to
 * just after an inclusion, or over everything. Only those r + 1 windows are computed.
 */
export function stoppingPValue(
  decisions: readonly boolean[],
  total: number,
  recallTarget: number,
): { pValue: number; window: number } {
  return pValueAfterExclusions(decisions, total, recallTarget, 0);
}

/**
 * α = 1 − confidence, a hair lower: the p-values are right to about 1e-9 relative, and one that equals α
 * within that does not pass.
 */
export function significanceLevel(confidence: number): number {
  return (1 - confidence) * (1 - 1e-9);
}

/** The estimate after `decisions` (in screening order, true = included) out of `total` papers. */
export function stoppingEstimate(
  decisions: readonly boolean[],
  total: number,
  options: StoppingOptions = DEFAULT_STOPPING_OPTIONS,
): StoppingEstimate {
  assertOptions(options, decisions.length, total);
  const alpha = significanceLevel(options.confidence);
  const screened = decisions.length;
  const included = decisions.reduce((n, d) => n + (d ? 1 : 0), 0);
  const last = decisions.lastIndexOf(true);
  const { pValue, window } = stoppingPValue(decisions, total, options.recallTarget);
  const stop = screened === total || pValue < alpha;
  return {
    screened,
    included,
    total,
    sinceLastInclusion: screened - 1 - last,
    pValue,
    window,
    stop,
    moreToScreen: stop ? 0 : exclusionsToStop(decisions, total, options.recallTarget, alpha),
  };
}

/**
 * The smallest m ≥ 1 such that m more exclusions pass the test. The p-value cannot rise as exclusions are
 * added (each window's draw grows, its urn and K stay), so a binary search finds it; with every paper
 * screened the test always passes, so m ≤ total − screened.
 */
function exclusionsToStop(
  decisions: readonly boolean[],
  total: number,
  recallTarget: number,
  alpha: number,
): number {
  let low = 0; // fails
  let high = total - decisions.length; // passes
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (pValueAfterExclusions(decisions, total, recallTarget, mid).pValue < alpha) high = mid;
    else low = mid;
  }
  return high;
}

/** The test's p-value as if `extra` exclusions followed the decisions. */
function pValueAfterExclusions(
  decisions: readonly boolean[],
  total: number,
  recallTarget: number,
  extra: number,
): { pValue: number; window: number } {
  const screened = decisions.length + extra;
  if (screened === 0) return { pValue: 1, window: 0 };
  const found = decisions.reduce((n, d) => n + (d ? 1 : 0), 0);
  let best = { pValue: Infinity, window: 0 };
  let inWindow = 0;
  // Windows that start just after an inclusion, widest last, then the whole sequence.
  for (let start = screened; start >= 0; start--) {
    const opensHere = start === 0 || decisions[start - 1] === true;
    if (opensHere) {
      const window = screened - start;
      if (window > 0) {
        const p = windowPValue(found, inWindow, window, total - start, recallTarget);
        if (p < best.pValue) best = { pValue: p, window };
      }
    }
    if (start > 0 && start - 1 < decisions.length && decisions[start - 1]) inWindow++;
  }
  return best;
}

/**
 * P(X ≤ foundInWindow) for a window of `window` papers drawn from an urn of `urn` (the window plus every
 * unscreened paper) holding the fewest inclusions that would leave recall below the target.
 */
function windowPValue(
  found: number,
  foundInWindow: number,
  window: number,
  urn: number,
  recallTarget: number,
): number {
  const marked = fewestInclusionsBelowTarget(found, recallTarget) - (found - foundInWindow);
  // More inclusions than the urn holds: recall below the target is impossible.
  if (marked > urn) return 0;
  return hypergeometricCdf(foundInWindow, urn, marked, window);
}

/**
 * The smallest number of inclusions R in the corpus with found / R < target: ⌊found / target⌋ + 1, checked
 * against the division itself so that 19 found of 20 meets a target of 0.95 whatever the rounding of 19 / 0.95.
 */
export function fewestInclusionsBelowTarget(found: number, recallTarget: number): number {
  let r = Math.floor(found / recallTarget) + 1;
  while (r - 1 > found && found / (r - 1) < recallTarget) r--;
  while (!(found / r < recallTarget)) r++;
  return r;
}

function assertOptions(options: StoppingOptions, screened: number, total: number): void {
  const { recallTarget, confidence } = options;
  if (!(recallTarget > 0 && recallTarget < 1)) throw new RangeError(`recall target ${recallTarget}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence ${confidence}`);
  if (!Number.isInteger(total) || screened > total) throw new RangeError(`${screened} screened of ${total}`);
}
