import type { TriageStatus } from '../triage';
import { stoppingEstimate, type StoppingEstimate, type StoppingOptions } from './stopping';

/** One paper's decision as the state file keeps it. */
export interface DecisionEntry {
  id: string;
  status: TriageStatus;
  /** ISO 8601 time of the paper's last change. */
  updated: string;
}

/** Where screening stands: the gain curve, the counter and the stopping test, for the progress view. */
export interface ScreeningProgress {
  /** Papers in the corpus. */
  total: number;
  /** For each inclusion in screening order, the number of papers screened when it was made (1-based). */
  inclusionsAt: number[];
  estimate: StoppingEstimate;
  options: StoppingOptions;
}

/**
 * The include and exclude decisions in the order they were made, true = included. The state file keeps one
 * time per paper, that of its last change, so the order is that of those times (ties: by id, so the order
 * never depends on the map's); a tag or note edited after the decision moves the paper later. `maybe` is not
 * a decision: such papers count as not yet screened, which only makes the test more cautious.
 */
export function screeningOrder(entries: Iterable<DecisionEntry>): boolean[] {
  const decided: { included: boolean; time: number; id: string }[] = [];
  for (const entry of entries) {
    if (entry.status !== 'include' && entry.status !== 'exclude') continue;
    const time = Date.parse(entry.updated);
    decided.push({
      included: entry.status === 'include',
      time: Number.isNaN(time) ? 0 : time,
      id: entry.id,
    });
  }
  decided.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return decided.map((d) => d.included);
}

export function screeningProgress(
  entries: Iterable<DecisionEntry>,
  total: number,
  options: StoppingOptions,
): ScreeningProgress {
  const decisions = screeningOrder(entries);
  const inclusionsAt: number[] = [];
  decisions.forEach((included, i) => {
    if (included) inclusionsAt.push(i + 1);
  });
  return {
    total,
    inclusionsAt,
    estimate: stoppingEstimate(decisions, Math.max(total, decisions.length), options),
    options,
  };
}
