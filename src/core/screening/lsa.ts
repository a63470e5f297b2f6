import { symmetricEigen } from '../math/symmetricEigen';
import { SeededRandom } from './prng';
import type { FeatureMatrix } from './tfidf';

/**
 * Latent semantic analysis: a truncated SVD X ≈ U Σ Vᵀ of the TF-IDF matrix, by randomised range finding with
 * power iterations (Halko, Martinsson & Tropp 2011). Papers that use different words for the same subject get
 * nearby vectors, which lets the classifier reach inclusions that share few exact terms with earlier ones.
 */
export interface LatentSpace {
  dims: number;
  /** Row-major nDocs × dims: U Σ, each row L2-normalised (zero rows stay zero). */
  docVectors: Float64Array;
  /** Row-major nTerms × dims: V, so that the unnormalised doc vector is Σ_j x_dj · V[j]. */
  termVectors: Float32Array;
  /** ‖x_d V‖ before normalisation, per doc (to map a doc vector back onto its terms). */
  docNorms: Float64Array;
}

/**
 * The latent space of the single-word columns only: phrases add little to the subject structure but more than
 * double the vocabulary, and the SVD's cost grows with it. Phrase columns get zero term vectors.
 */
export function wordLatentSpace(
  m: FeatureMatrix,
  dims: number,
  seed: number,
  powerIterations = 2,
): LatentSpace {
  const keep = m.terms.map((t) => !t.includes(' '));
  const newIndex = new Int32Array(m.nCols).fill(-1);
  const kept: string[] = [];
  keep.forEach((k, j) => {
    if (k) newIndex[j] = kept.push(m.terms[j]!) - 1;
  });
  const rowStart = new Int32Array(m.nDocs + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let d = 0; d < m.nDocs; d++) {
    for (let p = m.rowStart[d]!, end = m.rowStart[d + 1]!; p < end; p++) {
      const j = newIndex[m.cols[p]!]!;
      if (j === -1) continue;
      cols.push(j);
      vals.push(m.vals[p]!);
    }
    rowStart[d + 1] = cols.length;
  }
  const sub: FeatureMatrix = {
    nDocs: m.nDocs,
    nCols: kept.length,
    terms: kept,
    rowStart,
    cols: Int32Array.from(cols),
    vals: Float64Array.from(vals),
  };
  const space = latentSpace(sub, dims, seed, powerIterations);
  const termVectors = new Float32Array(m.terms.length * space.dims);
  for (let j = 0; j < m.terms.length; j++) {
    const i = newIndex[j]!;
    if (i !== -1)
      termVectors.set(space.termVectors.subarray(i * space.dims, (i + 1) * space.dims), j * space.dims);
  }
  return { ...space, termVectors };
}

export function latentSpace(m: FeatureMatrix, dims: number, seed: number, powerIterations = 2): LatentSpace {
  const n = m.nDocs;
  const nTerms = m.terms.length;
  const k = Math.max(1, Math.min(dims, n - 1, nTerms - 1));
  const l = Math.min(k + 10, n, nTerms);
  const random = new SeededRandom(seed);

  // Y = X Ω with a Gaussian test matrix Ω (nTerms × l).
  const omega = new Float64Array(nTerms * l);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(random);
  let q = orthonormalize(multiply(m, omega, l), n, l);
  for (let it = 0; it < powerIterations; it++) {
    const z = orthonormalize(multiplyTransposed(m, q, l), nTerms, l);
    q = orthonormalize(multiply(m, z, l), n, l);
  }
  // Bᵀ = Xᵀ Q (nTerms × l); B Bᵀ = (XᵀQ)ᵀ(XᵀQ) is small (l × l).
  const bt = multiplyTransposed(m, q, l);
  const gram = new Float64Array(l * l);
  for (let j = 0; j < nTerms; j++) {
    const row = j * l;
    for (let a = 0; a < l; a++) {
      const va = bt[row + a]!;
      if (va === 0) continue;
      for (let b = a; b < l; b++) gram[a * l + b]! += va * bt[row + b]!;
    }
  }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) gram[a * l + b] = gram[b * l + a]!;
  const { values, vectors } = symmetricEigen(gram, l);
  const order = Array.from({ length: l }, (_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const top = order.slice(0, k);

  // V = Bᵀ W Σ⁻¹ (top k columns of W); doc vectors are the exact projections X V (≈ U Σ).
  const termVectors = new Float32Array(nTerms * k);
  for (let j = 0; j < nTerms; j++) {
    for (let c = 0; c < k; c++) {
      const col = top[c]!;
      const sigma = Math.sqrt(Math.max(values[col]!, 0));
      if (sigma === 0) continue;
      let s = 0;
      for (let a = 0; a < l; a++) s += bt[j * l + a]! * vectors[a * l + col]!;
      termVectors[j * k + c] = s / sigma;
    }
  }
  const docVectors = new Float64Array(n * k);
  for (let d = 0; d < n; d++) {
    for (let p = m.rowStart[d]!, end = m.rowStart[d + 1]!; p < end; p++) {
      const v = m.vals[p]!;
      const r = m.cols[p]! * k;
      for (let c = 0; c < k; c++) docVectors[d * k + c]! += v * termVectors[r + c]!;
    }
  }
  const docNorms = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    let norm = 0;
    for (let c = 0; c < k; c++) norm += docVectors[d * k + c]! ** 2;
    norm = Math.sqrt(norm);
    docNorms[d] = norm;
    if (norm > 0) for (let c = 0; c < k; c++) docVectors[d * k + c]! /= norm;
  }
  return { dims: k, docVectors, termVectors, docNorms };
}

/** X M for a dense row-major M (nTerms × width). */
function multiply(m: FeatureMatrix, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(m.nDocs * width);
  for (let d = 0; d < m.nDocs; d++) {
    const o = d * width;
    for (let p = m.rowStart[d]!, end = m.rowStart[d + 1]!; p < end; p++) {
      const v = m.vals[p]!;
      const r = m.cols[p]! * width;
      for (let c = 0; c < width; c++) out[o + c]! += v * dense[r + c]!;
    }
  }
  return out;
}

/** Xᵀ M for a dense row-major M (nDocs × width). */
function multiplyTransposed(m: FeatureMatrix, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(m.terms.length * width);
  for (let d = 0; d < m.nDocs; d++) {
    const r = d * width;
    for (let p = m.rowStart[d]!, end = m.rowStart[d + 1]!; p < end; p++) {
      const v = m.vals[p]!;
      const o = m.cols[p]! * width;
      for (let c = 0; c < width; c++) out[o + c]! += v * dense[r + c]!;
    }
  }
  return out;
}

/**
 * Orthonormal columns spanning the same space, in place on a row-major rows × width matrix, by Cholesky QR done
 * twice (CholeskyQR2: the second pass repairs the first one's loss of orthogonality). Row-major friendly: both
 * the Gram matrix and the triangular solve walk the matrix row by row.
 */
function orthonormalize(a: Float64Array, rows: number, width: number): Float64Array {
  for (let round = 0; round < 2; round++) {
    const gram = new Float64Array(width * width);
    for (let r = 0; r < rows; r++) {
      const o = r * width;
      for (let i = 0; i < width; i++) {
        const v = a[o + i]!;
        if (v === 0) continue;
        for (let j = i; j < width; j++) gram[i * width + j]! += v * a[o + j]!;
      }
    }
    // Upper-triangular R with RᵀR = gram; a rank-deficient column gets a zero row (and becomes zero).
    const chol = new Float64Array(width * width);
    for (let i = 0; i < width; i++) {
      let diag = gram[i * width + i]!;
      for (let k = 0; k < i; k++) diag -= chol[k * width + i]! ** 2;
      const rii = diag > 1e-12 * (gram[i * width + i]! || 1) ? Math.sqrt(diag) : 0;
      chol[i * width + i] = rii;
      for (let j = i + 1; j < width; j++) {
        let s = gram[i * width + j]!;
        for (let k = 0; k < i; k++) s -= chol[k * width + i]! * chol[k * width + j]!;
        chol[i * width + j] = rii > 0 ? s / rii : 0;
      }
    }
    // Each row x of A becomes the solution q of q R = x (forward substitution).
    for (let r = 0; r < rows; r++) {
      const o = r * width;
      for (let j = 0; j < width; j++) {
        const rjj = chol[j * width + j]!;
        if (rjj === 0) {
          a[o + j] = 0;
          continue;
        }
        let s = a[o + j]!;
        for (let k = 0; k < j; k++) s -= a[o + k]! * chol[k * width + j]!;
        a[o + j] = s / rjj;
      }
    }
  }
  return a;
}

function gaussian(random: SeededRandom): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * The TF-IDF matrix with the latent doc vectors (scaled by `weight`) appended as extra columns after the terms,
 * so a linear model can weigh exact terms and latent subjects together.
 */
export function withLatentColumns(m: FeatureMatrix, space: LatentSpace, weight: number): FeatureMatrix {
  const k = space.dims;
  const rowStart = new Int32Array(m.nDocs + 1);
  const cols = new Int32Array(m.cols.length + m.nDocs * k);
  const vals = new Float64Array(cols.length);
  let p = 0;
  for (let d = 0; d < m.nDocs; d++) {
    for (let q = m.rowStart[d]!, end = m.rowStart[d + 1]!; q < end; q++, p++) {
      cols[p] = m.cols[q]!;
      vals[p] = m.vals[q]!;
    }
    for (let c = 0; c < k; c++, p++) {
      cols[p] = m.terms.length + c;
      vals[p] = weight * space.docVectors[d * k + c]!;
    }
    rowStart[d + 1] = p;
  }
  return { nDocs: m.nDocs, nCols: m.terms.length + k, terms: m.terms, rowStart, cols, vals };
}
