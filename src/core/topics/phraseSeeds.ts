/**
 * Deterministic starting centres for k-means, one per theme the corpus visibly has. Each feature (word or
 * two-word phrase) defines the group of papers that use it; a good theme is a group that is both large and
 * coherent — its papers resemble each other in theme space, not just share the phrase. Groups are ranked
 * by size × mean pairwise cosine similarity and taken greedily, skipping any whose centre is too close to
 * one already taken ("speculative" after "speculative decoding"). No random numbers involved.
 */
import { addInto, dot, normalise } from './sphericalKMeans';
import type { SparseVector } from './termVectors';

/** Cosine similarity above which two candidate centres count as the same theme. */
const MAX_SEED_SIMILARITY = 0.5;

interface Group {
  feature: number;
  members: number[];
  /** Sum of the members' rows. */
  sum: Float64Array;
  /** size × mean pairwise similarity. */
  strength: number;
}

/**
 * @param termVectors TF-IDF vectors, which say which papers use which feature.
 * @param rows the same papers in theme space (unit length, or all zero for papers to leave out).
 */
export function phraseSeeds(
  termVectors: readonly SparseVector[],
  features: number,
  rows: readonly Float64Array[],
  k: number,
  minimumSize: number,
): Float64Array[] {
  const groups = featureGroups(termVectors, features, rows, Math.max(2, minimumSize));
  groups.sort(
    (a, b) => b.strength - a.strength || b.members.length - a.members.length || a.feature - b.feature,
  );
  const seeds: Float64Array[] = [];
  for (const group of groups) {
    if (seeds.length >= k) break;
    const centre = Float64Array.from(group.sum);
    normalise(centre);
    if (seeds.every((seed) => dot(seed, centre) < MAX_SEED_SIMILARITY)) seeds.push(centre);
  }
  return seeds;
}

function featureGroups(
  termVectors: readonly SparseVector[],
  features: number,
  rows: readonly Float64Array[],
  minimumSize: number,
): Group[] {
  const postings: number[][] = Array.from({ length: features }, () => []);
  termVectors.forEach((v, i) => {
    if (rows[i]!.some((x) => x !== 0)) for (const feature of v.indices) postings[feature]!.push(i);
  });
  const groups: Group[] = [];
  postings.forEach((members, feature) => {
    if (members.length < minimumSize) return;
    const sum = new Float64Array(rows[members[0]!]!.length);
    for (const i of members) addInto(sum, rows[i]!);
    // |Σv|² = n + Σ_{i≠j} v_i·v_j for unit vectors, so the mean over pairs is (|Σv|² − n) / (n(n − 1)).
    const n = members.length;
    const coherence = (dot(sum, sum) - n) / (n * (n - 1));
    groups.push({ feature, members, sum, strength: n * coherence });
  });
  return groups;
}
