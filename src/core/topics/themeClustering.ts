/**
 * Clusters papers by theme: LSA projection (latentSemantics.ts), phrase-seeded spherical k-means in theme
 * space (phraseSeeds.ts, sphericalKMeans.ts). Small corpora are noisy, so several projections (different
 * sketch seeds) are tried and the partition with the most cohesive clusters in the original TF-IDF space
 * wins — the usual spherical k-means objective, Σ over clusters of |Σ of its unit vectors|.
 */
import { latentSemantics } from './latentSemantics';
import { phraseSeeds } from './phraseSeeds';
import { sphericalKMeans, type Clustering } from './sphericalKMeans';
import type { SparseVector } from './termVectors';

/** A paper whose words the corpus themes explain less than this is about something else: a straggler. */
const MIN_EXPLAINED = 0.15;
/** Themes (latent dimensions) per topic, and at most. */
const RANK_PER_TOPIC = 2;
const MAX_RANK = 64;
const BASE_SEED = 20240601;

interface ThemeClusteringOptions {
  k: number;
  /** Papers a phrase must gather to seed a cluster. */
  minimumSize: number;
}

export function themeClustering(
  vectors: readonly SparseVector[],
  dimensions: number,
  options: ThemeClusteringOptions,
): Clustering {
  const trials = vectors.length <= 300 ? 8 : vectors.length <= 2000 ? 2 : 1;
  let best: { clustering: Clustering; cohesion: number } | undefined;
  for (let trial = 0; trial < trials; trial++) {
    const clustering = clusterOnce(vectors, dimensions, options, BASE_SEED + trial);
    const cohesion = tfIdfCohesion(vectors, clustering.assignment, dimensions);
    if (!best || cohesion > best.cohesion + 1e-12) best = { clustering, cohesion };
  }
  return best!.clustering;
}

function clusterOnce(
  vectors: readonly SparseVector[],
  dimensions: number,
  { k, minimumSize }: ThemeClusteringOptions,
  seed: number,
): Clustering {
  const rank = Math.min(MAX_RANK, Math.max(2, Math.round(RANK_PER_TOPIC * k)));
  const embedding = latentSemantics(vectors, dimensions, rank, seed);
  // Papers the themes hardly explain get an all-zero row: k-means leaves them out.
  const rows = embedding.rows.map((row, i) =>
    embedding.explained[i]! >= MIN_EXPLAINED ? row : new Float64Array(row.length),
  );
  const seeds = phraseSeeds(vectors, dimensions, rows, k, minimumSize);
  return sphericalKMeans(rows, {
    initial: seeds.length > 0 ? seeds : undefined,
    k,
    restarts: 3,
    maxIterations: 20,
    seed,
  });
}

/** Σ over clusters of the length of the sum of their members' unit TF-IDF vectors. */
function tfIdfCohesion(vectors: readonly SparseVector[], assignment: Int32Array, dimensions: number): number {
  const byCluster = new Map<number, number[]>();
  assignment.forEach((c, i) => {
    if (c < 0) return;
    const members = byCluster.get(c) ?? [];
    members.push(i);
    byCluster.set(c, members);
  });
  const sum = new Float64Array(dimensions);
  let total = 0;
  for (const members of byCluster.values()) {
    const touched: number[] = [];
    for (const i of members) {
      const v = vectors[i]!;
      for (let t = 0; t < v.indices.length; t++) {
        const f = v.indices[t]!;
        if (sum[f] === 0) touched.push(f);
        sum[f]! += v.values[t]!;
      }
    }
    let squared = 0;
    for (const f of touched) {
      squared += sum[f]! * sum[f]!;
      sum[f] = 0;
    }
    total += Math.sqrt(squared);
  }
  return total;
}
