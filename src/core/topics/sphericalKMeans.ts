/**
 * Spherical k-means (cosine similarity) over unit-length dense rows, made deterministic: either the
 * caller gives the starting centres, or k-means++ seeding draws from a fixed-seed generator. Callers pass
 * rows in a canonical order (by paper id), so the same corpus always gives the same clusters whatever order
 * its papers were read in. Cost per iteration is O(papers × k × dimensions).
 */

interface KMeansOptions {
  k: number;
  /** Independent k-means++ seedings when no `initial` centres are given; the best total similarity wins. */
  restarts: number;
  maxIterations: number;
  seed: number;
  /** Starting centres (unit length); when given, no random seeding and a single run. */
  initial?: readonly Float64Array[];
}

export interface Clustering {
  /** Cluster of each row, or -1 for an all-zero row (nothing to go on). */
  assignment: Int32Array;
  /** Cosine similarity of each row to its cluster's centre. */
  similarity: Float64Array;
  /** The centres the rows were assigned to (unit length). */
  centres: Float64Array[];
}

/** Stop iterating once fewer than this share of the rows change cluster. */
const CONVERGED_SHARE = 0.002;

export function sphericalKMeans(rows: readonly Float64Array[], options: KMeansOptions): Clustering {
  const usable = rows.map((row, i) => (isZero(row) ? -1 : i)).filter((i) => i >= 0);
  const k = Math.min(options.initial?.length ?? options.k, usable.length);
  const random = seededRandom(options.seed);
  const runs = options.initial ? 1 : Math.max(1, options.restarts);
  let best: { clustering: Clustering; total: number } | undefined;
  for (let run = 0; run < runs; run++) {
    const centres = options.initial
      ? options.initial.slice(0, k).map((c) => Float64Array.from(c))
      : seedCentres(rows, usable, k, random);
    const clustering = iterate(rows, usable, centres, options.maxIterations);
    const total = clustering.similarity.reduce((sum, s) => sum + s, 0);
    if (!best || total > best.total + 1e-12) best = { clustering, total };
  }
  return best!.clustering;
}

function iterate(
  rows: readonly Float64Array[],
  usable: readonly number[],
  centres: Float64Array[],
  maxIterations: number,
): Clustering {
  const assignment = new Int32Array(rows.length).fill(-1);
  const similarity = new Float64Array(rows.length);
  let assignedTo = centres;
  if (centres.length === 0) return { assignment, similarity, centres };
  const k = centres.length;
  const width = centres[0]!.length;
  const packed = new Float64Array(k * width);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // Centres side by side in one array: the inner loop below runs papers × k times.
    centres.forEach((centre, c) => packed.set(centre, c * width));
    let changed = 0;
    for (const i of usable) {
      const row = rows[i]!;
      let cluster = 0;
      let best = -Infinity;
      for (let c = 0, base = 0; c < k; c++, base += width) {
        // Four terms a step, added in the same order as a plain loop (the same sum to the last bit).
        let sim = 0;
        let d = 0;
        for (; d + 4 <= width; d += 4) {
          sim += row[d]! * packed[base + d]!;
          sim += row[d + 1]! * packed[base + d + 1]!;
          sim += row[d + 2]! * packed[base + d + 2]!;
          sim += row[d + 3]! * packed[base + d + 3]!;
        }
        for (; d < width; d++) sim += row[d]! * packed[base + d]!;
        if (sim > best) {
          best = sim;
          cluster = c;
        }
      }
      if (assignment[i] !== cluster) changed++;
      assignment[i] = cluster;
      similarity[i] = best;
    }
    assignedTo = centres;
    if (iteration > 0 && changed <= usable.length * CONVERGED_SHARE) break;
    centres = recomputeCentres(rows, usable, assignment, similarity, centres.length);
  }
  return { assignment, similarity, centres: assignedTo };
}

/** k-means++: each next centre is drawn with probability proportional to its squared cosine distance. */
function seedCentres(
  rows: readonly Float64Array[],
  usable: readonly number[],
  k: number,
  random: () => number,
): Float64Array[] {
  if (k <= 0) return [];
  const centres = [Float64Array.from(rows[usable[Math.floor(random() * usable.length)]!]!)];
  const closest = new Float64Array(usable.length).fill(-Infinity);
  while (centres.length < k) {
    const latest = centres[centres.length - 1]!;
    let total = 0;
    usable.forEach((i, j) => {
      closest[j] = Math.max(closest[j]!, dot(rows[i]!, latest));
      total += (1 - closest[j]!) ** 2;
    });
    let target = random() * total;
    let pick = usable[usable.length - 1]!;
    for (let j = 0; j < usable.length; j++) {
      target -= (1 - closest[j]!) ** 2;
      if (target <= 0) {
        pick = usable[j]!;
        break;
      }
    }
    centres.push(Float64Array.from(rows[pick]!));
  }
  return centres;
}

function recomputeCentres(
  rows: readonly Float64Array[],
  usable: readonly number[],
  assignment: Int32Array,
  similarity: Float64Array,
  k: number,
): Float64Array[] {
  const dimensions = rows[usable[0]!]!.length;
  const sums: Float64Array[] = Array.from({ length: k }, () => new Float64Array(dimensions));
  const sizes = new Int32Array(k);
  for (const i of usable) {
    const cluster = assignment[i]!;
    addInto(sums[cluster]!, rows[i]!);
    sizes[cluster]!++;
  }
  // An empty cluster restarts from the row that fits its own cluster worst.
  for (let c = 0; c < k; c++) {
    if (sizes[c]! > 0) continue;
    let worst = usable[0]!;
    for (const i of usable) if (similarity[i]! < similarity[worst]!) worst = i;
    sums[c] = Float64Array.from(rows[worst]!);
    similarity[worst] = 1;
  }
  for (const sum of sums) normalise(sum);
  return sums;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d]! * b[d]!;
  return sum;
}

export function addInto(target: Float64Array, row: Float64Array): void {
  for (let d = 0; d < row.length; d++) target[d]! += row[d]!;
}

export function normalise(row: Float64Array): void {
  const norm = Math.sqrt(dot(row, row));
  if (norm > 0) for (let d = 0; d < row.length; d++) row[d]! /= norm;
}

function isZero(row: Float64Array): boolean {
  for (let d = 0; d < row.length; d++) if (row[d] !== 0) return false;
  return true;
}

/** mulberry32: a tiny, well-distributed 32-bit generator; enough for seeding. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
