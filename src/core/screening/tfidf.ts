import { tokenize, tokenizeLikeScikit, type Token, type TokenizeOptions } from './tokenize';

export interface TextRecord {
  title: string;
  abstract: string;
}

export interface FeatureOptions extends TokenizeOptions {
  /** Each title word counts this many times (titles are short and dense). */
  titleWeight: number;
  /**
   * The longest phrase counted, in words: 1 = single words, 2 adds two-word phrases, 3 three-word ones.
   * Only words that stand next to each other in the text (no stop word or punctuation between) make a phrase.
   */
  ngrams: number;
  /** Terms in fewer documents are dropped: they cannot generalise from one paper to another. */
  minDocFreq: number;
  /** Terms in more than this share of documents are dropped as uninformative. */
  maxDocShare: number;
  /** Term frequency as 1 + ln(count) instead of the raw count. */
  sublinearTf: boolean;
  /** Dimensions of the latent semantic space (0 = none); see lsa.ts. */
  latentDims: number;
  /**
   * `scikit`: title and abstract joined by a space and split as scikit-learn's CountVectorizer does
   * (tokenize.ts `tokenizeLikeScikit`), as ASReview's TF-IDF sees a record; a `titleWeight` above 1 then
   * counts the title's own terms that many times in all.
   * Default `words`: `tokenize`.
   */
  tokens?: 'words' | 'scikit';
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  titleWeight: 2,
  ngrams: 2,
  minDocFreq: 2,
  maxDocShare: 0.6,
  sublinearTf: true,
  foldPlurals: false,
  latentDims: 0,
};

/**
 * TF-IDF document vectors in compressed sparse rows: row `d` holds columns `cols[rowStart[d] .. rowStart[d+1])`
 * with `vals`, columns ascending. Weights: sublinear tf (1 + ln count) × smoothed idf, L2-normalised rows.
 */
export interface FeatureMatrix {
  nDocs: number;
  /** Columns: the terms first, then any latent dimensions appended by `withLatentColumns`. */
  nCols: number;
  terms: string[];
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

/**
 * Builds the TF-IDF matrix. Term ids follow the sorted vocabulary, so the matrix (and every sum over a row) does
 * not depend on the order of the records.
 */
export function buildFeatures(records: readonly TextRecord[], options: FeatureOptions): FeatureMatrix {
  const docCounts = records.map((r) => countTerms(r, options));
  const docFreq = new Map<string, number>();
  for (const counts of docCounts) {
    for (const term of counts.keys()) docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
  }
  const nDocs = records.length;
  const maxDf = Math.max(options.minDocFreq, Math.floor(options.maxDocShare * nDocs));
  const terms = [...docFreq.entries()]
    .filter(([, df]) => df >= options.minDocFreq && df <= maxDf)
    .map(([term]) => term)
    .sort();
  const termId = new Map(terms.map((t, i) => [t, i]));
  const idf = terms.map((t) => Math.log((1 + nDocs) / (1 + (docFreq.get(t) ?? 0))) + 1);

  const rowStart = new Int32Array(nDocs + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let d = 0; d < nDocs; d++) {
    const entries: [number, number][] = [];
    for (const [term, count] of docCounts[d]!) {
      const id = termId.get(term);
      if (id !== undefined)
        entries.push([id, (options.sublinearTf ? 1 + Math.log(count) : count) * idf[id]!]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [, v] of entries) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (const [id, v] of entries) {
      cols.push(id);
      vals.push(v / norm);
    }
    rowStart[d + 1] = cols.length;
  }
  return {
    nDocs,
    nCols: terms.length,
    terms,
    rowStart,
    cols: Int32Array.from(cols),
    vals: Float64Array.from(vals),
  };
}

/** Term counts of one record; title words weighted by `titleWeight`. */
function countTerms(record: TextRecord, options: FeatureOptions): Map<string, number> {
  const counts = new Map<string, number>();
  if (options.tokens === 'scikit') {
    addTokens(counts, tokenizeLikeScikit(`${record.title} ${record.abstract}`), 1, options.ngrams);
    if (options.titleWeight > 1) {
      addTokens(counts, tokenizeLikeScikit(record.title), options.titleWeight - 1, options.ngrams);
    }
    return counts;
  }
  addTokens(counts, tokenize(record.title, options), options.titleWeight, options.ngrams);
  addTokens(counts, tokenize(record.abstract, options), 1, options.ngrams);
  return counts;
}

function addTokens(counts: Map<string, number>, tokens: Token[], weight: number, ngrams: number): void {
  forEachPhrase(tokens, ngrams, (first, last) => {
    let term = tokens[first]!.term;
    for (let k = first + 1; k <= last; k++) term += ` ${tokens[k]!.term}`;
    counts.set(term, (counts.get(term) ?? 0) + weight);
  });
}

/**
 * Calls `visit(first, last)` for every word (first = last) and every phrase of up to `ngrams` adjacent
 * words tokens[first..last], in text order.
 */
export function forEachPhrase(
  tokens: readonly Token[],
  ngrams: number,
  visit: (first: number, last: number) => void,
): void {
  for (let last = 0; last < tokens.length; last++) {
    visit(last, last);
    for (let first = last - 1; first >= 0 && last - first < ngrams; first--) {
      if (tokens[first + 1]!.phraseBreak) break;
      visit(first, last);
    }
  }
}

/** Dot product of row `d` with a dense weight vector. */
export function rowDot(m: FeatureMatrix, d: number, weights: Float64Array): number {
  let sum = 0;
  for (let k = m.rowStart[d]!, end = m.rowStart[d + 1]!; k < end; k++)
    sum += m.vals[k]! * weights[m.cols[k]!]!;
  return sum;
}

/** weights += scale × row `d`. */
export function addRow(m: FeatureMatrix, d: number, scale: number, weights: Float64Array): void {
  for (let k = m.rowStart[d]!, end = m.rowStart[d + 1]!; k < end; k++)
    weights[m.cols[k]!]! += scale * m.vals[k]!;
}

/**
 * The same matrix by columns (compressed sparse columns): column `j` holds the documents
 * `docs[colStart[j] .. colStart[j+1])`, ascending, with `vals`; `rowSums[d]` is the sum of row `d`'s values.
 */
export interface ColumnIndex {
  colStart: Int32Array;
  docs: Int32Array;
  vals: Float64Array;
  rowSums: Float64Array;
}

const columnIndexes = new WeakMap<FeatureMatrix, ColumnIndex>();

/** The column index of `m`, built on the first call and kept while `m` lives. */
export function columnIndex(m: FeatureMatrix): ColumnIndex {
  let index = columnIndexes.get(m);
  if (index) return index;
  const nnz = m.rowStart[m.nDocs]!;
  const colStart = new Int32Array(m.nCols + 1);
  for (let k = 0; k < nnz; k++) colStart[m.cols[k]! + 1]!++;
  for (let j = 0; j < m.nCols; j++) colStart[j + 1]! += colStart[j]!;
  const next = colStart.slice(0, m.nCols);
  const docs = new Int32Array(nnz);
  const vals = new Float64Array(nnz);
  const rowSums = new Float64Array(m.nDocs);
  for (let d = 0; d < m.nDocs; d++) {
    let sum = 0;
    for (let k = m.rowStart[d]!, end = m.rowStart[d + 1]!; k < end; k++) {
      const at = next[m.cols[k]!]!++;
      docs[at] = d;
      vals[at] = m.vals[k]!;
      sum += m.vals[k]!;
    }
    rowSums[d] = sum;
  }
  index = { colStart, docs, vals, rowSums };
  columnIndexes.set(m, index);
  return index;
}
