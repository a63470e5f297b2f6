/** Messages between the extension host and the screening features worker (screeningFeatures.worker.ts). */
import type { FeatureSpace } from '../../core/screening/featureSpace';
import type { RankablePaper } from '../../core/screening/ranker';

export type FeaturesRequest =
  /** Papers come in batches, so that copying them never blocks the host for long. */
  { type: 'papers'; papers: RankablePaper[] } | { type: 'run' };

export type FeaturesMessage = { type: 'done'; space: FeatureSpace } | { type: 'failed'; message: string };
