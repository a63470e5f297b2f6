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

export function resolveRankerConfig(overrides: RankerConfigOverrides = {}): RankerConfig {
  const base = DEFAULT_RANKER_CONFIG;
  return {
    features: { ...base.features, ...overrides.features },
    model: mergeModelOptions(base.model, overrides.model),
  };
}
