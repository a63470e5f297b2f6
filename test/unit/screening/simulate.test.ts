import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate, type SimulationRecord } from '../../../src/core/screening/simulate';
import { SeededRandom } from '../../../src/core/screening/prng';
import { stoppingEstimate } from '../../../src/core/screening/stopping';
import { syntheticCorpus } from './syntheticCorpus';

const records: SimulationRecord[] = syntheticCorpus(16).map((p) => ({
  title: p.title,
  abstract: p.abstract,
  included: p.topic === 'molecules',
}));

// Harder labels: besides one subject, a few scattered papers of other subjects are included too.
const noisy: SimulationRecord[] = records.map((r, i) => ({ ...r, included: r.included || i % 7 === 3 }));

const figures = (input: readonly SimulationRecord[], seed: number) => {
  const result = simulate(input, { runs: 3, seed });
  return { wss95: result.wss95, rrf10: result.rrf10, runs: result.runs.map((r) => [r.wss95, r.rrf10]) };
};

test('the same seed gives the same runs; another seed other priors', () => {
  const a = simulate(records, { runs: 3, seed: 11 });
  const b = simulate(records, { runs: 3, seed: 11 });
  assert.deepEqual(
    a.runs.map((r) => [r.priors, r.screened]),
    b.runs.map((r) => [r.priors, r.screened]),
  );
  const c = simulate(records, { runs: 3, seed: 12 });
  assert.notDeepEqual(
    a.runs.map((r) => r.priors),
    c.runs.map((r) => r.priors),
  );
});

test('the order of the records does not change the figures', () => {
  const shuffled = new SeededRandom(99).shuffle([...noisy]);
  const original = figures(noisy, 11);
  assert.deepEqual(figures(shuffled, 11), original);
  assert.ok(original.wss95.sd > 0, 'runs differ, so the order could have mattered');
});

test('protocol: 1 included + 1 excluded prior, never screened again; figures in percent', () => {
  const result = simulate(records, { runs: 2, seed: 4, screenAll: true });
  assert.equal(result.records, 80);
  assert.equal(result.included, 16);
  for (const run of result.runs) {
    const [inc, exc] = run.priors;
    assert.equal(records[inc]!.included, true);
    assert.equal(records[exc]!.included, false);
    assert.equal(run.screened.length, 78);
    assert.equal(new Set([...run.screened, inc, exc]).size, 80);
    assert.equal(run.rerankMs.length, 78);
  }
  // An easy corpus: every inclusion comes before any exclusion, so WSS@95 = 1 − 15/78.
  assert.ok(Math.abs(result.wss95.mean - 100 * (1 - 15 / 78)) < 1e-9);
  assert.equal(result.rrf10.mean, 100 * (8 / 15));
  assert.equal(result.wss95.sd, 0);
});

test('a run stops once WSS@95 and RRF@10 are known', () => {
  const result = simulate(records, { runs: 1, seed: 4 });
  assert.equal(result.runs[0]!.screened.length, 15);
});

test('a corpus without inclusions cannot be simulated', () => {
  assert.throws(
    () =>
      simulate(
        records.map((r) => ({ ...r, included: false })),
        { runs: 1, seed: 1 },
      ),
    /at least one/,
  );
});

test('with the stopping test, a run goes on until it says stop, and the stop is where it first passed', () => {
  const stopping = { recallTarget: 0.95, confidence: 0.95 };
  const result = simulate(noisy, { runs: 3, seed: 5, stopping });
  const full = simulate(noisy, { runs: 3, seed: 5, screenAll: true });
  const total = noisy.length;
  const inclusions = noisy.filter((r) => r.included).length;
  result.runs.forEach((run, i) => {
    const stop = run.stop!;
    // The same screening order as a run that screens everything, cut where the test first passes.
    assert.deepEqual(run.screened, full.runs[i]!.screened.slice(0, run.screened.length));
    const decisions = [true, false, ...full.runs[i]!.screened.map((d) => noisy[d]!.included)];
    const firstPass = decisions.findIndex(
      (_, k) => k >= 2 && stoppingEstimate(decisions.slice(0, k + 1), total, stopping).stop,
    );
    assert.equal(stop.screened, firstPass + 1);
    const found = decisions.slice(0, stop.screened).filter(Boolean).length;
    assert.equal(stop.recall, found / inclusions);
    assert.ok(run.screened.length + 2 >= stop.screened);
  });
  const summary = result.stop!;
  const recalls = result.runs.map((r) => 100 * r.stop!.recall);
  assert.equal(summary.recallMin, Math.min(...recalls));
  assert.equal(summary.targetMetRuns, recalls.filter((r) => r >= 95).length);
  const screenedPct = result.runs.map((r) => (100 * r.stop!.screened) / total);
  assert.ok(Math.abs(summary.screenedPctMean - screenedPct.reduce((a, b) => a + b) / 3) < 1e-9);
  assert.equal(simulate(noisy, { runs: 1, seed: 5 }).stop, undefined);
});
