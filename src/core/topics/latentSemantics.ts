/**
 * Latent semantic analysis: projects TF-IDF vectors onto the corpus's main themes (the top singular
 * vectors of the paper × phrase matrix). Papers that share few words but a theme end up close, which makes
 * clustering of small corpora far less noisy than clustering raw TF-IDF.
 *
 * The decomposition is a randomised truncated SVD (Halko, Martinsson & Tropp, 2011): a seeded Gaussian
 * sketch, a few power iterations, then an exact eigen-decomposition of a small (rank + oversampling)²
 * matrix. Cost is linear in the number of stored weights times the rank; no paper × paper matrix is
 * formed. Dense matrices are row-major Float64Arrays of `width` columns.
 */
import { seededRandom } from './sphericalKMeans';
import { symmetricEigen } from '../math/symmetricEigen';
import type { SparseVector } from './termVectors';

const OVERSAMPLING = 10;
/** Power iterations sharpen the sketch; one is enough once the corpus is large. */
const POWER_ITERATIONS_SMALL = 2;
const POWER_ITERATIONS_LARGE = 1;
const LARGE_CORPUS = 2000;
/** Eigenvalues below this share of the largest are treated as zero (rank-deficient sketches). */
const RELATIVE_TOLERANCE = 1e-10;

interface Embedding {
  /** One unit-length row of `rank` themes per paper (all zero for papers with no features). */
  rows: Float64Array[];
  /**
   * Share of each paper's TF-IDF vector the themes explain (0..1): low for papers about something no
   * other paper discusses.
   */
  explained: Float64Array;
}

export function latentSemantics(
  vectors: readonly SparseVector[],
  dimensions: number,
  rank: number,
  seed: number,
): Embedding {
  const n = vectors.length;
  const decomposition = decompose(vectors, dimensions, rank, seed);
  if (!decomposition) return { rows: vectors.map(() => new Float64Array(0)), explained: new Float64Array(n) };
  const { width, range, values, order } = decomposition;
  const themes = keptEigenvectors(decomposition);
  const singular = order.map((e) => Math.sqrt(Math.max(0, values[e]!)));

  const rows: Float64Array[] = [];
  const explained = new Float64Array(n);
  // One block for all rows: far less for the garbage collector to track than a buffer per paper.
  const r = order.length;
  const block = new Float64Array(n * r);
  for (let p = 0; p < n; p++) {
    const row = block.subarray(p * r, (p + 1) * r);
    for (let c = 0; c < r; c++) row[c] = dotFrom(range, p * width, themes, c * width, width) * singular[c]!;
    explained[p] = normaliseRow(row);
    rows.push(row);
  }
  return { rows, explained };
}

/**
 * The themes of a set of papers as a projection that applies to any paper: the top right singular vectors
 * V (dimensions × rank, row-major), so that a paper's theme coordinates are its TF-IDF vector times V. For
 * the papers it was fitted on this is their row of U Σ, as latentSemantics gives, up to the sketch's error.
 */
interface ThemeBasis {
  rank: number;
  /** Row-major, one row of `rank` weights per feature. */
  weights: Float64Array;
}

export function themeBasis(
  vectors: readonly SparseVector[],
  dimensions: number,
  rank: number,
  seed: number,
): ThemeBasis {
  const decomposition = decompose(vectors, dimensions, rank, seed);
  if (!decomposition) return { rank: 0, weights: new Float64Array(0) };
  const { width, projected, values, order } = decomposition;
  const themes = keptEigenvectors(decomposition);
  // V = Bᵀ W Σ⁻¹, with Bᵀ = AᵀQ (`projected`) and W the eigenvectors of B Bᵀ.
  const largest = Math.max(0, ...order.map((e) => values[e]!));
  const scale = order.map((e) =>
    values[e]! > largest * RELATIVE_TOLERANCE && values[e]! > 0 ? 1 / Math.sqrt(values[e]!) : 0,
  );
  const r = order.length;
  const weights = new Float64Array(dimensions * r);
  for (let f = 0; f < dimensions; f++) {
    for (let c = 0; c < r; c++) {
      if (scale[c] === 0) continue;
      weights[f * r + c] = dotFrom(projected, f * width, themes, c * width, width) * scale[c]!;
    }
  }
  return { rank: r, weights };
}

/**
 * A paper's unit-length theme coordinates under a basis (written into `row`, of basis.rank entries), and
 * the share of its TF-IDF vector the themes explain (0..1), as in Embedding.
 */
export function projectOnto(
  vector: SparseVector,
  basis: ThemeBasis,
  row: Float64Array = new Float64Array(basis.rank),
): { row: Float64Array; explained: number } {
  const r = basis.rank;
  row.fill(0);
  for (let t = 0; t < vector.indices.length; t++) {
    const from = vector.indices[t]! * r;
    const w = vector.values[t]!;
    addScaled(row, 0, w, basis.weights, from, r);
  }
  return { row, explained: normaliseRow(row) };
}

/** Scales a row to unit length in place; returns its former length, at most 1. */
function normaliseRow(row: Float64Array): number {
  let norm = 0;
  for (const x of row) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let c = 0; c < row.length; c++) row[c]! /= norm;
  return Math.min(1, norm);
}

interface Decomposition {
  width: number;
  /** Q: n × width, orthonormal columns spanning the sketch of A's range. */
  range: Float64Array;
  /** AᵀQ: dimensions × width. */
  projected: Float64Array;
  /** Eigenvalues and eigenvectors (columns, width × width) of QᵀAAᵀQ. */
  values: number[];
  eigen: Float64Array;
  /** Eigenvalue indices of the kept themes, largest first. */
  order: number[];
}

/** The eigenvectors of the kept themes as rows (rank × width), for reading in order. */
function keptEigenvectors({ width, eigen, order }: Decomposition): Float64Array {
  const rows = new Float64Array(order.length * width);
  order.forEach((e, c) => {
    for (let j = 0; j < width; j++) rows[c * width + j] = eigen[j * width + e]!;
  });
  return rows;
}

function decompose(
  vectors: readonly SparseVector[],
  dimensions: number,
  rank: number,
  seed: number,
): Decomposition | undefined {
  const n = vectors.length;
  const width = Math.min(rank + OVERSAMPLING, n, dimensions);
  if (width <= 0) return undefined;

  const random = gaussian(seededRandom(seed));
  const sketch = Float64Array.from({ length: dimensions * width }, random);
  let range = orthonormalColumns(multiply(vectors, sketch, width), width);
  const iterations = n <= LARGE_CORPUS ? POWER_ITERATIONS_SMALL : POWER_ITERATIONS_LARGE;
  for (let i = 0; i < iterations; i++) {
    // Re-orthonormalising the paper side only is enough to keep a couple of iterations stable.
    range = orthonormalColumns(
      multiply(vectors, multiplyTransposed(vectors, range, width, dimensions), width),
      width,
    );
  }
  // A ≈ Q B with B = Qᵀ A; the eigenvectors of B Bᵀ = (AᵀQ)ᵀ(AᵀQ) give A's top singular directions.
  const projected = multiplyTransposed(vectors, range, width, dimensions);
  const { values, vectors: eigen } = symmetricEigen(columnGram(projected, width), width);
  const order = [...values.keys()]
    .sort((a, b) => values[b]! - values[a]! || a - b)
    .slice(0, Math.min(rank, width));
  return { width, range, projected, values, eigen, order };
}

/** A · X: sparse rows A (n × d) times X (d × width); result n × width. */
function multiply(rows: readonly SparseVector[], x: Float64Array, width: number): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((v, i) => {
    const base = i * width;
    for (let t = 0; t < v.indices.length; t++) {
      const from = v.indices[t]! * width;
      const w = v.values[t]!;
      addScaled(out, base, w, x, from, width);
    }
  });
  return out;
}

/** Aᵀ · Y: sparse rows A (n × d), Y (n × width); result d × width. */
function multiplyTransposed(
  rows: readonly SparseVector[],
  y: Float64Array,
  width: number,
  d: number,
): Float64Array {
  const out = new Float64Array(d * width);
  rows.forEach((v, i) => {
    const base = i * width;
    for (let t = 0; t < v.indices.length; t++) {
      const to = v.indices[t]! * width;
      const w = v.values[t]!;
      addScaled(out, to, w, y, base, width);
    }
  });
  return out;
}

/** out[at + j] += w × x[from + j] for j < width, four at a time (the inner loop of every product here). */
function addScaled(
  out: Float64Array,
  at: number,
  w: number,
  x: Float64Array,
  from: number,
  width: number,
): void {
  let j = 0;
  for (; j + 4 <= width; j += 4) {
    out[at + j]! += w * x[from + j]!;
    out[at + j + 1]! += w * x[from + j + 1]!;
    out[at + j + 2]! += w * x[from + j + 2]!;
    out[at + j + 3]! += w * x[from + j + 3]!;
  }
  for (; j < width; j++) out[at + j]! += w * x[from + j]!;
}

/** Σ x[a + j] × y[b + j] over j < width, summed in order (four terms a step). */
function dotFrom(x: Float64Array, a: number, y: Float64Array, b: number, width: number): number {
  let sum = 0;
  let j = 0;
  for (; j + 4 <= width; j += 4) {
    sum += x[a + j]! * y[b + j]!;
    sum += x[a + j + 1]! * y[b + j + 1]!;
    sum += x[a + j + 2]! * y[b + j + 2]!;
    sum += x[a + j + 3]! * y[b + j + 3]!;
  }
  for (; j < width; j++) sum += x[a + j]! * y[b + j]!;
  return sum;
}

/** Mᵀ M for a row-major m × width matrix. */
function columnGram(m: Float64Array, width: number): Float64Array {
  const gram = new Float64Array(width * width);
  for (let r = 0; r < m.length; r += width) {
    for (let a = 0; a < width; a++) {
      const ma = m[r + a]!;
      if (ma === 0) continue;
      addScaled(gram, a * width + a, ma, m, r + a, width - a);
    }
  }
  for (let a = 0; a < width; a++) for (let b = 0; b < a; b++) gram[a * width + b] = gram[b * width + a]!;
  return gram;
}

/**
 * Orthonormal basis of the column space of a tall row-major matrix M, via the eigen-decomposition of
 * MᵀM = V Λ Vᵀ: Q = M V Λ^(-1/2). Directions with (near) zero eigenvalue become zero columns.
 */
function orthonormalColumns(m: Float64Array, width: number): Float64Array {
  const { values, vectors } = symmetricEigen(columnGram(m, width), width);
  const largest = Math.max(0, ...values);
  const scale = Float64Array.from(values, (v) =>
    v > largest * RELATIVE_TOLERANCE && v > 0 ? 1 / Math.sqrt(v) : 0,
  );
  // Eigenvectors as rows, so that the inner loop reads both operands in order.
  const columns = new Float64Array(width * width);
  for (let j = 0; j < width; j++)
    for (let c = 0; c < width; c++) columns[c * width + j] = vectors[j * width + c]!;
  const out = new Float64Array(m.length);
  for (let r = 0; r < m.length; r += width) {
    for (let c = 0; c < width; c++) {
      if (scale[c] === 0) continue;
      out[r + c] = dotFrom(m, r, columns, c * width, width) * scale[c]!;
    }
  }
  return out;
}

/** Standard normal samples from a uniform generator (Box–Muller). */
function gaussian(uniform: () => number): () => number {
  return () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}
