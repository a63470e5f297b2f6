/**
 * Clusters papers by theme: LSA projection (latentSemantics.ts), phrase-seeded spherical k-means in theme
 * space (phraseSeeds.ts, sphericalKMeans.ts). Small corpora are noisy, so several projections (different
 * sketch seeds) are tried and the partition with the most cohesive clusters in the original TF-IDF space
 * wins — the usual spherical k-means objective, Σ over clusters of |Σ of its unit vectors|.
 *
 * A large corpus says no more about its themes than a large sample of it does, so above `fitPapers` papers
 * the themes and the clusters are fitted on a seeded random sample of that many papers (drawn from the
 * canonical order, so the same corpus gives the same sample), then every paper is assigned to its nearest
 * cluster centre and the centres refined over all papers. The cost of fitting stays fixed, and that of the
 * passes over the whole corpus linear in its size.
 */
import { latentSemantics, projectOnto, themeBasis } from './latentSemantics';
import { phraseSeeds } from './phraseSeeds';
import { seededRandom, sphericalKMeans, type Clustering } from './sphericalKMeans';
import type { SparseVector } from './termVectors';

/** A paper whose words the corpus themes explain less than this is about something else: a straggler. */
const MIN_EXPLAINED = 0.15;
/** Themes (latent dimensions) per topic, and at most. */
const RANK_PER_TOPIC = 2;
const MAX_RANK = 64;
const BASE_SEED = 20240601;
/** Largest number of papers the themes and clusters are fitted on. */
const FIT_PAPERS = 20000;
/** k-means passes over the whole corpus after fitting on a sample: assign, refine the centres, assign. */
const CORPUS_ITERATIONS = 2;

interface ThemeClusteringOptions {
  k: number;
  /** Papers a phrase must gather to seed a cluster. */
  minimumSize: number;
  /** Largest number of papers to fit on (default FIT_PAPERS); larger corpora are fitted on a sample. */
  fitPapers?: number;
}

export function themeClustering(
  vectors: readonly SparseVector[],
  dimensions: number,
  options: ThemeClusteringOptions,
): Clustering {
  const fitPapers = Math.max(1, options.fitPapers ?? FIT_PAPERS);
  if (vectors.length > fitPapers)
    return clusterFromSample(vectors, dimensions, options, fitPapers, BASE_SEED);
  const trials = vectors.length <= 300 ? 8 : vectors.length <= 2000 ? 2 : 1;
  if (trials === 1) return clusterOnce(vectors, dimensions, options, BASE_SEED);
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

/**
 * Themes and clusters fitted on a sample of `size` papers, then every paper assigned to the nearest centre,
 * with a k-means step over all papers. Theme coordinates come from one projection (themeBasis), the same
 * for the sampled papers and the rest.
 */
function clusterFromSample(
  vectors: readonly SparseVector[],
  dimensions: number,
  { k, minimumSize }: ThemeClusteringOptions,
  size: number,
  seed: number,
): Clustering {
  const n = vectors.length;
  const sample = randomSample(n, size, seed + 1);
  const sampleVectors = sample.map((i) => vectors[i]!);
  const rank = Math.min(MAX_RANK, Math.max(2, Math.round(RANK_PER_TOPIC * k)));
  const basis = themeBasis(sampleVectors, dimensions, rank, seed);
  const block = new Float64Array(n * basis.rank);
  const rows = vectors.map((v, i) => {
    const { row, explained } = projectOnto(v, basis, block.subarray(i * basis.rank, (i + 1) * basis.rank));
    return explained >= MIN_EXPLAINED ? row : row.fill(0);
  });
  const sampleRows = sample.map((i) => rows[i]!);
  const sampleMinimum = Math.max(2, Math.ceil((minimumSize * size) / n));
  const seeds = phraseSeeds(sampleVectors, dimensions, sampleRows, k, sampleMinimum);
  const fitted = sphericalKMeans(sampleRows, {
    initial: seeds.length > 0 ? seeds : undefined,
    k,
    restarts: 3,
    maxIterations: 20,
    seed,
  });
  // Every paper to its nearest centre, and the centres refined once over all papers.
  return sphericalKMeans(rows, {
    initial: fitted.centres,
    k,
    restarts: 1,
    maxIterations: CORPUS_ITERATIONS,
    seed,
  });
}

/**
 * `size` of the indices 0..n-1, drawn by a seeded partial shuffle, ascending. Random rather than evenly
 * spaced, so that no regularity of the paper order (ids numbered by subject, say) skews the sample.
 */
function randomSample(n: number, size: number, seed: number): number[] {
  const indices = Int32Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const chosen = indices[j]!;
    indices[j] = indices[i]!;
    indices[i] = chosen;
  }
  return [...indices.subarray(0, size).sort()];
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
