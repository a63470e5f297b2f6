import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readScreeningCsv } from '../../../src/core/screening/csvReader';
import { buildFeatureSpace } from '../../../src/core/screening/featureSpace';
import {
  ROUND3_ASREVIEW_NB_CONFIG,
  resolveRankerConfig,
  type RankerConfig,
} from '../../../src/core/screening/rankerConfig';
import { nbScoringForTests, RelevanceModel } from '../../../src/core/screening/relevanceModel';
import { simulate, type SimulationRecord } from '../../../src/core/screening/simulate';
import { reviewerLabels, syntheticCorpus } from './syntheticCorpus';

/** `fn` with naive Bayes scored by rows (every term of every document), as before the column index. */
function byRows<T>(fn: () => T): T {
  nbScoringForTests.byColumns = false;
  try {
    return fn();
  } finally {
    nbScoringForTests.byColumns = true;
  }
}

const papers = syntheticCorpus(60);
const features = ROUND3_ASREVIEW_NB_CONFIG.features;

const labelSequence = (): Generator<[number, 1 | 0 | -1]> => reviewerLabels(papers);

test('naive Bayes scored through the column index: the row scores up to rounding, after every label', () => {
  const space = buildFeatureSpace(papers, features);
  const configs: RankerConfig[] = [
    ROUND3_ASREVIEW_NB_CONFIG,
    resolveRankerConfig({ features, model: { classifier: 'nb', resample: false } }),
    // Pool mass makes every term seen: scored by rows.
    resolveRankerConfig({
      features,
      model: { classifier: 'nb', nb: { alpha: 0.5, balance: 1, poolWeight: 0.1 } },
    }),
  ];
  for (const config of configs) {
    const fast = new RelevanceModel(space, config.model, 5);
    const plain = new RelevanceModel(space, config.model, 5);
    let compared = 0;
    for (const [doc, label] of labelSequence()) {
      fast.setLabel(doc, label);
      plain.setLabel(doc, label);
      const a = fast.scores();
      const b = byRows(() => plain.scores());
      assert.equal(fast.mode, plain.mode);
      if (fast.mode !== 'classifier') continue;
      compared++;
      // The explanation still adds up to the score.
      const shares = fast.contributions(doc).reduce((sum, c) => sum + c.weight, 0);
      assert.ok(Math.abs(shares - a[doc]!) <= 1e-9 * Math.max(1, Math.abs(a[doc]!)));
      for (let d = 0; d < a.length; d++) {
        const scale = Math.max(Math.abs(a[d]!), Math.abs(b[d]!));
        assert.ok(Math.abs(a[d]! - b[d]!) <= 1e-9 * scale, `doc ${d}: ${a[d]} vs ${b[d]}`);
      }
    }
    assert.ok(compared > 60);
  }
});

const nudging: SimulationRecord[] = readScreeningCsv(
  new Uint8Array(readFileSync(new URL('../../fixtures/screening/nudging.csv', import.meta.url))),
  'nudging.csv',
)
  .records.slice(0, 400)
  .map((r) => ({ title: r.paper.title, abstract: r.paper.abstract, included: r.included === true }));

test("round 3's naive Bayes: the simulation's figures are the same scored by columns or by rows", () => {
  assert.ok(nudging.some((r) => r.included));
  const options = { runs: 3, seed: 42, config: ROUND3_ASREVIEW_NB_CONFIG };
  const figures = (records: SimulationRecord[]) => {
    const result = simulate(records, options);
    return { wss95: result.wss95, rrf10: result.rrf10, runs: result.runs.map((r) => [r.wss95, r.rrf10]) };
  };
  assert.deepEqual(
    figures(nudging),
    byRows(() => figures(nudging)),
  );
});
