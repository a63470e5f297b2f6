import { wordLatentSpace, type LatentSpace } from './lsa';
import { buildFeatures, type FeatureMatrix, type FeatureOptions, type TextRecord } from './tfidf';

/** What the models see of a corpus: TF-IDF vectors and, optionally, their latent semantic vectors. */
export interface FeatureSpace {
  matrix: FeatureMatrix;
  latent: LatentSpace | undefined;
}

/** Seed of the SVD's random test matrix: fixed, so a corpus always gets the same latent space. */
const LATENT_SEED = 0x5eed;

export function buildFeatureSpace(records: readonly TextRecord[], options: FeatureOptions): FeatureSpace {
  const matrix = buildFeatures(records, options);
  const latent =
    options.latentDims > 0 && matrix.nDocs > 2 && matrix.nCols > 2
      ? wordLatentSpace(matrix, options.latentDims, LATENT_SEED)
      : undefined;
  return { matrix, latent };
}
