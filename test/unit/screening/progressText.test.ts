import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screeningProgress, type DecisionEntry } from '../../../src/core/screening/progress';
import { stoppingExplanation, stoppingVerdict } from '../../../src/extension/screening/progressText';

const options = { recallTarget: 0.95, confidence: 0.95 };

/** Decisions made one a minute, in this order. */
function entries(decisions: readonly ('include' | 'exclude')[]): DecisionEntry[] {
  return decisions.map((status, i) => ({
    id: `p${String(i).padStart(5, '0')}`,
    status,
    updated: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }));
}

test('verdict: not yet, with the exclusions in a row still needed', () => {
  const progress = screeningProgress(entries(['include', 'exclude', 'exclude']), 200, options);
  const n = progress.estimate.moreToScreen;
  assert.ok(n > 1);
  assert.equal(stoppingVerdict(progress), `Not yet: about ${n} more papers to screen.`);
  assert.match(stoppingExplanation(progress), new RegExp(`at least ${n} more exclusions in a row`));
  assert.match(stoppingExplanation(progress), /below 95 %/);
});

test('verdict: you may stop once the test passes, and the p-value is below alpha', () => {
  const decisions: ('include' | 'exclude')[] = [
    ...Array<'include'>(20).fill('include'),
    ...Array<'exclude'>(400).fill('exclude'),
  ];
  const progress = screeningProgress(entries(decisions), 500, options);
  assert.equal(progress.estimate.stop, true);
  assert.equal(stoppingVerdict(progress), 'Recall ≥ 95 % with 95 % confidence: you may stop.');
  assert.match(stoppingExplanation(progress), /, below 0\.050\.$/);
  const custom = screeningProgress(entries(decisions), 500, { recallTarget: 0.9, confidence: 0.99 });
  assert.match(stoppingVerdict(custom), /^Recall ≥ 90 % with 99 % confidence/);
});

test('verdict: nothing screened, everything screened, no papers', () => {
  const none = screeningProgress([], 10, options);
  assert.equal(stoppingVerdict(none), 'Not yet: nothing is screened.');
  assert.match(stoppingExplanation(none), /starts with your first decisions/);
  const all = screeningProgress(entries(['include', 'exclude']), 2, options);
  assert.equal(stoppingVerdict(all), 'Every paper is screened: nothing was missed.');
  assert.equal(stoppingVerdict(screeningProgress([], 0, options)), 'No papers to screen.');
});
