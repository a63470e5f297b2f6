import { ASREVIEW_DOUBLE_BALANCE, doubleBalanceWeights, type DoubleBalanceOptions } from './balance';
import type { FeatureSpace } from './featureSpace';
import { LinearSvm, type LinearSvmOptions } from './linearSvm';
import { withLatentColumns } from './lsa';
import { NaiveBayes, type NaiveBayesOptions } from './naiveBayes';
import { SeededRandom } from './prng';
import { addRow, columnIndex, rowDot, type FeatureMatrix } from './tfidf';

type ClassifierKind = 'svm' | 'nb' | 'svm+nb' | 'svm|nb';

/** The k of reciprocal rank fusion, as in Cormack et al. (2009). */
const FUSION_K = 60;

export interface ModelOptions {
  /**
   * `svm+nb` adds both models' scores, each standardised over the corpus; `svm|nb` fuses their rankings
   * (reciprocal rank fusion: Σ 1 / (60 + rank)). Explanations of either ensemble use the standardised sum.
   */
  classifier: ClassifierKind;
  svm: LinearSvmOptions;
  nb: NaiveBayesOptions;
  /** Scale of the latent semantic columns next to the TF-IDF columns in the SVM (when the space has them). */
  latentWeight: number;
  /**
   * Resample the training set before each fit (balance.ts: inclusions weighted up, a random part of the
   * exclusions left out) instead of fixed class weights.
   */
  resample: boolean;
  /** The constants of the resampling (balance.ts); default ASReview's own. */
  balance?: DoubleBalanceOptions;
}

/**
 * For tests only: `byColumns` false scores naive Bayes like every other model (a dot product over each
 * document's terms) instead of through the column index; the scores agree up to rounding.
 */
export const nbScoringForTests = { byColumns: true };

/** Label codes of a document: 1 include, 0 exclude, -1 undecided. */
type LabelCode = 1 | 0 | -1;

/**
 * How scores are produced: `none` before any inclusion (no signal yet), `similarity` with inclusions but no
 * exclusions (cosine similarity to the centroid of the included papers), `classifier` with both.
 */
export type ScoringMode = 'none' | 'similarity' | 'classifier';

/**
 * The learning part of the ranker, on document indices: labels in, a relevance score per document out.
 * Scores are refreshed lazily (after the labels changed, on the next read). Every score is linear in the
 * document's TF-IDF vector — the latent columns are a linear map of it too, scaled per document — so each
 * score splits exactly into per-term shares (`contributions`).
 */
export class RelevanceModel {
  readonly labels: Int8Array;
  private readonly terms: FeatureMatrix;
  /** The SVM's columns: the terms, then the latent dimensions (if any). */
  private readonly columns: FeatureMatrix;
  private readonly scoreValues: Float64Array;
  /** Weights over `columns` that produce the current scores. */
  private readonly weights: Float64Array;
  private readonly svm: LinearSvm | undefined;
  private readonly nb: NaiveBayes | undefined;
  private readonly random: SeededRandom;
  private dirty = true;
  private currentMode: ScoringMode = 'none';
  private includeCount = 0;
  private excludeCount = 0;

  constructor(
    private readonly space: FeatureSpace,
    private readonly options: ModelOptions,
    seed: number,
  ) {
    this.terms = space.matrix;
    this.columns =
      space.latent && options.latentWeight > 0 && options.classifier !== 'nb'
        ? withLatentColumns(space.matrix, space.latent, options.latentWeight)
        : space.matrix;
    const n = this.terms.nDocs;
    this.labels = new Int8Array(n).fill(-1);
    this.scoreValues = new Float64Array(n);
    this.weights = new Float64Array(this.columns.nCols);
    this.svm = options.classifier !== 'nb' ? new LinearSvm(this.columns, options.svm, seed) : undefined;
    this.nb = options.classifier !== 'svm' ? new NaiveBayes(this.terms, options.nb) : undefined;
    this.random = new SeededRandom(seed ^ 0x6a09e667);
  }

  /** Feature keys of the TF-IDF columns (lower-case words and "word word" phrases). */
  get termNames(): readonly string[] {
    return this.terms.terms;
  }

  get mode(): ScoringMode {
    this.refresh();
    return this.currentMode;
  }

  setLabel(doc: number, label: LabelCode): void {
    const previous = this.labels[doc] as LabelCode;
    if (previous === label) return;
    if (previous === 1) this.includeCount--;
    if (previous === 0) this.excludeCount--;
    if (label === 1) this.includeCount++;
    if (label === 0) this.excludeCount++;
    this.labels[doc] = label;
    this.dirty = true;
  }

  /** Scores of all documents (decided ones included), higher = more likely to be included. */
  scores(): Float64Array {
    this.refresh();
    return this.scoreValues;
  }

  /**
   * Per-term shares of document `doc`'s score (term = TF-IDF column); they add up to the score. Latent
   * columns are attributed to the terms they are made of.
   */
  contributions(doc: number): { term: number; weight: number }[] {
    this.refresh();
    const out: { term: number; weight: number }[] = [];
    if (this.currentMode === 'none') return out;
    const m = this.terms;
    const latent = this.columns !== m ? this.space.latent : undefined;
    // Latent part of the score: (latentWeight / ‖x V‖) Σ_j x_j (V w_latent)_j.
    const norm = latent ? latent.docNorms[doc]! : 0;
    const latentScale = latent && norm > 0 ? this.options.latentWeight / norm : 0;
    for (let k = m.rowStart[doc]!, end = m.rowStart[doc + 1]!; k < end; k++) {
      const term = m.cols[k]!;
      let termWeight = this.weights[term]!;
      if (latent && latentScale !== 0) {
        let projected = 0;
        for (let c = 0; c < latent.dims; c++) {
          projected += latent.termVectors[term * latent.dims + c]! * this.weights[m.nCols + c]!;
        }
        termWeight += latentScale * projected;
      }
      out.push({ term, weight: m.vals[k]! * termWeight });
    }
    return out;
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.weights.fill(0);
    if (this.includeCount === 0) {
      this.currentMode = 'none';
    } else if (this.excludeCount === 0) {
      this.currentMode = 'similarity';
      for (let d = 0; d < this.terms.nDocs; d++) {
        if (this.labels[d] === 1) addRow(this.terms, d, 1 / this.includeCount, this.weights);
      }
    } else {
      this.currentMode = 'classifier';
      this.fitClassifier();
    }
    if (this.currentMode === 'classifier' && this.scoresByColumns()) {
      this.scoreNaiveBayesByColumns(this.nb!);
    } else {
      for (let d = 0; d < this.columns.nDocs; d++)
        this.scoreValues[d] = rowDot(this.columns, d, this.weights);
    }
    if (this.currentMode === 'classifier' && this.options.classifier === 'svm|nb') this.fuseRankings();
  }

  /** Replaces the scores by the reciprocal rank fusion of the SVM's and naive Bayes' rankings. */
  private fuseRankings(): void {
    const n = this.columns.nDocs;
    const fused = this.scoreValues.fill(0);
    const order = Array.from({ length: n }, (_, d) => d);
    for (const [m, w] of [
      [this.columns, this.svm!.weights],
      [this.terms, this.nb!.weights],
    ] as const) {
      const scores = new Float64Array(n);
      for (let d = 0; d < n; d++) scores[d] = rowDot(m, d, w);
      // Equal scores share the better rank, so the fusion does not depend on document order.
      order.sort((a, b) => scores[b]! - scores[a]! || a - b);
      let rank = 0;
      for (let i = 0; i < n; i++) {
        if (i > 0 && scores[order[i]!] !== scores[order[i - 1]!]) rank = i;
        fused[order[i]!]! += 1 / (FUSION_K + rank + 1);
      }
    }
  }

  private fitClassifier(): void {
    const weights = this.weights;
    const sampleWeights = this.options.resample
      ? doubleBalanceWeights(this.labels, this.random, this.options.balance ?? ASREVIEW_DOUBLE_BALANCE)
      : undefined;
    if (this.svm) {
      // ASReview 2's class weights replace the resampling for the SVM (naive Bayes may still resample).
      this.svm.fit(this.labels, (this.options.svm.classRatio ?? 0) > 0 ? undefined : sampleWeights);
      const scale = this.nb ? 1 / this.spread(this.columns, this.svm.weights) : 1;
      for (let j = 0; j < this.columns.nCols; j++) weights[j]! += scale * this.svm.weights[j]!;
    }
    if (this.nb) {
      this.nb.fit(this.labels, sampleWeights);
      const nbWeights = this.nb.weights;
      if (!this.svm) {
        weights.set(nbWeights);
      } else {
        const scale = 1 / this.spread(this.terms, nbWeights);
        for (let j = 0; j < this.terms.nCols; j++) weights[j]! += scale * nbWeights[j]!;
      }
    }
  }

  /**
   * Naive Bayes alone gives every term no training paper has one weight, `unseen`, so a score is
   * unseen × (sum of the row) + Σ over the seen terms of x_j (w_j − unseen): only the seen terms' columns need
   * visiting. Not with pool mass (`poolWeight` > 0), which makes every term of the pool seen.
   */
  private scoresByColumns(): boolean {
    return (
      this.options.classifier === 'nb' && this.options.nb.poolWeight === 0 && nbScoringForTests.byColumns
    );
  }

  private scoreNaiveBayesByColumns(nb: NaiveBayes): void {
    const { colStart, docs, vals, rowSums } = columnIndex(this.terms);
    const scores = this.scoreValues;
    const unseen = nb.unseen;
    for (let d = 0; d < scores.length; d++) scores[d] = unseen * rowSums[d]!;
    const seen = nb.seen;
    for (let i = 0; i < seen.length; i++) {
      const j = seen[i]!;
      const delta = nb.weights[j]! - unseen;
      if (delta === 0) continue;
      for (let k = colStart[j]!, end = colStart[j + 1]!; k < end; k++) scores[docs[k]!]! += vals[k]! * delta;
    }
  }

  /** Standard deviation of the scores a weight vector gives over all documents (to put models on one scale). */
  private spread(m: FeatureMatrix, weights: Float64Array): number {
    let sum = 0;
    let sumSq = 0;
    for (let d = 0; d < m.nDocs; d++) {
      const s = rowDot(m, d, weights);
      sum += s;
      sumSq += s * s;
    }
    const mean = sum / m.nDocs;
    return Math.sqrt(Math.max(sumSq / m.nDocs - mean * mean, 0)) || 1;
  }
}
