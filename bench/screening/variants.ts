// The model variants measured while choosing the default ranker, on the tuning seeds (1000 + r, not the
// benchmark's 42 + r). Prints WSS@95 / RRF@10 (mean ± sd) per dataset and variant.
//   node --import tsx bench/screening/variants.ts [--runs 5] [--only name-substring]
import { readFileSync } from 'node:fs';
import { readScreeningCsv } from '../../src/core/screening/csvReader';
import { resolveRankerConfig, type RankerConfigOverrides } from '../../src/core/screening/rankerConfig';
import {
  prepareCorpus,
  simulate,
  type PreparedCorpus,
  type SimulationRecord,
} from '../../src/core/screening/simulate';

const TUNING_SEED = 1000;

// Each variant switches off the default's parts or adds one idea; the unnamed settings stay at the default.
const BASELINE: RankerConfigOverrides['model'] = { resample: false, svm: { cost: 0.1, poolCost: 0 } };
const VARIANTS: [string, RankerConfigOverrides][] = [
  ['default: SVM, pool 0.01, resampled, cost 0.03', {}],
  ['SVM, class weights, no pool (cost 0.1)', { model: BASELINE }],
  ['SVM + pool 0.01, class weights (cost 0.1)', { model: { resample: false, svm: { cost: 0.1 } } }],
  ['SVM, resampled, no pool (cost 0.1)', { model: { svm: { cost: 0.1, poolCost: 0 } } }],
  ['naive Bayes a=3, class weights', { model: { ...BASELINE, classifier: 'nb' } }],
  ['naive Bayes a=3.822, resampled (ASReview-like)', { model: { classifier: 'nb', nb: { alpha: 3.822 } } }],
  ['naive Bayes a=3, pool 0.1', { model: { ...BASELINE, classifier: 'nb', nb: { poolWeight: 0.1 } } }],
  ['SVM + naive Bayes, resampled', { model: { classifier: 'svm+nb' } }],
  ['default, unigrams only', { features: { bigrams: false } }],
  ['default, title weight 1', { features: { titleWeight: 1 } }],
  ['default, plurals folded', { features: { foldPlurals: true } }],
  [
    'SVM + LSA 100 dims (weight 1.5), pool 0.01, balance 1.5',
    {
      features: { latentDims: 100 },
      model: { resample: false, latentWeight: 1.5, svm: { cost: 0.1, balance: 1.5 } },
    },
  ],
  [
    'default + LSA 100 dims (weight 0.5)',
    { features: { latentDims: 100 }, model: { latentWeight: 0.5, svm: { cost: 0.1 } } },
  ],
];

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}

function load(name: string): SimulationRecord[] {
  const file = new URL(`../../test/fixtures/screening/${name}.csv`, import.meta.url);
  const { records } = readScreeningCsv(new Uint8Array(readFileSync(file)), `${name}.csv`);
  return records.map((r) => ({
    title: r.paper.title,
    abstract: r.paper.abstract,
    included: r.included === true,
  }));
}

const runs = Number(option('runs', '5'));
const only = option('only', '');
const datasets = ['nudging', 'wilson'].map((name) => ({ name, records: load(name) }));
const prepared = new Map<string, PreparedCorpus>();
console.log(`${runs} runs per dataset, seeds ${TUNING_SEED}+; WSS@95 and RRF@10 in %, mean ± sd`);
for (const [label, overrides] of VARIANTS) {
  if (only && !label.includes(only)) continue;
  const cells = datasets.map(({ name, records }) => {
    const features = resolveRankerConfig(overrides).features;
    const key = `${name} ${JSON.stringify(features)}`;
    if (!prepared.has(key)) prepared.set(key, prepareCorpus(records, features));
    const result = simulate(records, { runs, seed: TUNING_SEED, config: overrides }, prepared.get(key));
    const fmt = (s: { mean: number; sd: number }): string => `${s.mean.toFixed(1)} ± ${s.sd.toFixed(1)}`;
    return `${name} WSS ${fmt(result.wss95)} RRF ${fmt(result.rrf10)}`;
  });
  console.log(`${label.padEnd(58)} ${cells.join(' | ')}`);
}
