import type { ModelOptions } from './relevanceModel';
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './tfidf';

/** Everything that shapes a ranking: how papers become vectors and how decisions become scores. */
export interface RankerConfig {
  features: FeatureOptions;
  model: ModelOptions;
}

/**
 * Chosen on Nudging and Wilson with the tuning seeds 1000–1014 by the rule in bench/screening/VARIANTS.md,
 * then frozen: one setting for every corpus.
 */
export const DEFAULT_RANKER_CONFIG: RankerConfig = {
  features: DEFAULT_FEATURE_OPTIONS,
  model: {
    classifier: 'svm',
    // `balance` is unused while `resample` is on.
    svm: { cost: 0.03, balance: 1, maxPasses: 10, tolerance: 0.1, poolCost: 0.01 },
    nb: { alpha: 3, balance: 1, poolWeight: 0 },
    latentWeight: 0,
    resample: true,
  },
};

/**
 * Round 3's choice, not the default: ASReview 0.9.3's naive Bayes as it produced the published Nudging
 * figure — scikit-learn's tokens and TF-IDF over title + abstract, 1–3-grams, every term, raw counts; NB
 * α 0.0659; the double balance with the constants tuned on Nudging, drawn by fractional copies (balance.ts).
 * The rule chose it on the tuning seeds; on the benchmark seeds it beat ASReview on neither dataset (and
 * re-ranked 10,000 papers in more than 200 ms p95 then, bench/screening/round3-default-results.json). Scored
 * through the column index since (relevanceModel.ts), it re-ranks them faster than the default SVM:
 * `npm run bench:screening -- --rerank` measured 23 ms p95 against the default's 91 ms in one run.
 */
export const ROUND3_ASREVIEW_NB_CONFIG: RankerConfig = {
  features: {
    ...DEFAULT_FEATURE_OPTIONS,
    tokens: 'scikit',
    titleWeight: 1,
    ngrams: 3,
    minDocFreq: 1,
    maxDocShare: 1,
    sublinearTf: false,
  },
  model: {
    ...DEFAULT_RANKER_CONFIG.model,
    classifier: 'nb',
    nb: { alpha: 0.06586, balance: 1, poolWeight: 0 },
    balance: { a: 1.3784, alpha: 1.2294, b: 0.9154, beta: 1 },
  },
};

/** Overrides merged over the defaults, one level deep per section. */
type ModelOverrides = Partial<Omit<ModelOptions, 'svm' | 'nb'>> & {
  svm?: Partial<ModelOptions['svm']>;
  nb?: Partial<ModelOptions['nb']>;
};

export interface RankerConfigOverrides {
  features?: Partial<FeatureOptions>;
  model?: ModelOverrides;
}

function mergeModelOptions(base: ModelOptions, model: ModelOverrides = {}): ModelOptions {
  return { ...base, ...model, svm: { ...base.svm, ...model.svm }, nb: { ...base.nb, ...model.nb } };
}

/** `base` with the overrides merged over it, one level deep per section. */
export function mergeRankerConfig(base: RankerConfig, overrides: RankerConfigOverrides = {}): RankerConfig {
  return {
    features: { ...base.features, ...overrides.features },
    model: mergeModelOptions(base.model, overrides.model),
  };
}

export function resolveRankerConfig(overrides: RankerConfigOverrides = {}): RankerConfig {
  return mergeRankerConfig(DEFAULT_RANKER_CONFIG, overrides);
}
