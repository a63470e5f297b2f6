import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ASREVIEW_DOUBLE_BALANCE } from '../../../src/core/screening/balance';
import { buildFeatureSpace } from '../../../src/core/screening/featureSpace';
import {
  DEFAULT_RANKER_CONFIG,
  ROUND3_ASREVIEW_NB_CONFIG,
  resolveRankerConfig,
  type RankerConfigOverrides,
} from '../../../src/core/screening/rankerConfig';
import { RelevanceModel, type ScoringMode } from '../../../src/core/screening/relevanceModel';
import { syntheticCorpus } from './syntheticCorpus';

const papers = syntheticCorpus(10);

// The round 1 setting (SVM on our features), the default, spelled out so a change of the default shows;
// `round3` uses round 3's naive Bayes on scikit-learn tokens.
const ROUND1: RankerConfigOverrides = {
  features: {
    tokens: 'words',
    titleWeight: 2,
    ngrams: 2,
    minDocFreq: 2,
    maxDocShare: 0.6,
    sublinearTf: true,
  },
  model: { classifier: 'svm', balance: ASREVIEW_DOUBLE_BALANCE },
};

function trained(overrides: RankerConfigOverrides | 'round3', decisions = true): RelevanceModel {
  const config = resolveRankerConfig(
    overrides === 'round3'
      ? ROUND3_ASREVIEW_NB_CONFIG
      : {
          features: { ...ROUND1.features, ...overrides.features },
          model: { ...ROUND1.model, ...overrides.model },
        },
  );
  const model = new RelevanceModel(buildFeatureSpace(papers, config.features), config.model, 3);
  papers.forEach((p, i) => {
    if (i >= 30) return;
    if (p.topic === 'speech') model.setLabel(i, 1);
    else if (decisions) model.setLabel(i, 0);
  });
  return model;
}

test('the default is the round 1 setting: SVM on our features, resampled with the double balance', () => {
  const round1 = {
    features: { ...ROUND1.features, foldPlurals: false, latentDims: 0, tokens: undefined },
    model: {
      classifier: 'svm',
      svm: { cost: 0.03, balance: 1, maxPasses: 10, tolerance: 0.1, poolCost: 0.01 },
      nb: { alpha: 3, balance: 1, poolWeight: 0 },
      latentWeight: 0,
      resample: true,
    },
  };
  const { tokens, ...features } = DEFAULT_RANKER_CONFIG.features;
  assert.ok(tokens === undefined || tokens === 'words');
  assert.deepEqual({ ...DEFAULT_RANKER_CONFIG, features: { ...features, tokens: undefined } }, round1);
  // No balance constants of its own: ASReview's defaults (balance.ts).
  assert.equal(DEFAULT_RANKER_CONFIG.model.balance, undefined);
});

const variants: [string, RankerConfigOverrides | 'round3', ScoringMode][] = [
  ["round 3's naive Bayes on scikit-learn tokens", 'round3', 'classifier'],
  ['svm', {}, 'classifier'],
  ['naive Bayes', { model: { classifier: 'nb' } }, 'classifier'],
  ['svm+nb, resampled', { model: { classifier: 'svm+nb', resample: true } }, 'classifier'],
  [
    'svm with latent columns and pool',
    { features: { latentDims: 6 }, model: { latentWeight: 1.5, svm: { poolCost: 0.05 } } },
    'classifier',
  ],
];

for (const [name, overrides, mode] of variants) {
  test(`${name}: scores split exactly into term shares; the labelled subject ranks first`, () => {
    const model = trained(overrides);
    assert.equal(model.mode, mode);
    const scores = model.scores();
    for (let d = 0; d < papers.length; d++) {
      const sum = model.contributions(d).reduce((a, c) => a + c.weight, 0);
      assert.ok(Math.abs(sum - scores[d]!) < 1e-9, `doc ${d}: ${sum} vs ${scores[d]}`);
    }
    const undecided = papers.map((_, i) => i).filter((i) => model.labels[i] === -1);
    const top = [...undecided].sort((a, b) => scores[b]! - scores[a]!).slice(0, 4);
    assert.deepEqual(
      top.map((i) => papers[i]!.topic),
      ['speech', 'speech', 'speech', 'speech'],
    );
  });
}

test('similarity mode (inclusions only) also splits into term shares', () => {
  const model = trained({}, false);
  assert.equal(model.mode, 'similarity');
  const sum = model.contributions(40).reduce((a, c) => a + c.weight, 0);
  assert.ok(Math.abs(sum - model.scores()[40]!) < 1e-12);
});

test('resampled fits are reproducible for a seed', () => {
  const overrides: RankerConfigOverrides = { model: { resample: true, svm: { poolCost: 0.01 } } };
  assert.deepEqual([...trained(overrides).scores()], [...trained(overrides).scores()]);
});

test('a withdrawn or changed label is forgotten by the warm-started fit', () => {
  const model = trained({});
  const cold = trained({});
  cold.setLabel(1, 0);
  model.scores();
  model.setLabel(1, 1);
  model.setLabel(0, -1);
  model.scores();
  model.setLabel(1, 0);
  model.setLabel(0, 0);
  const warm = [...model.scores()];
  const fresh = [...cold.scores()];
  warm.forEach((s, d) => assert.ok(Math.abs(s - fresh[d]!) < 0.05, `doc ${d}: ${s} vs ${fresh[d]}`));
});
