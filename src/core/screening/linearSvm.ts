import type { FeatureMatrix } from './tfidf';
import { addRow, rowDot } from './tfidf';
import { SeededRandom } from './prng';

export interface LinearSvmOptions {
  /** Misclassification cost of an excluded paper (larger = less regularisation). */
  cost: number;
  /** Inclusions cost cost × (excluded / included)^balance: 0 = unweighted, 1 = balanced classes. */
  balance: number;
  /**
   * When > 0, replaces `balance` by ASReview 2's class weights: an inclusion costs `cost`, an exclusion
   * cost × n₁ / (ratio · n₀), so all exclusions together weigh 1 / ratio of all inclusions. The model then
   * fits every label, without resampling.
   */
  classRatio?: number;
  /** Passes over the labelled papers per refit (the fit is warm-started, so few are needed). */
  maxPasses: number;
  /** Stop early when the projected-gradient spread falls below this. */
  tolerance: number;
  /**
   * Cost of an undecided paper treated as a presumed exclusion (0 = undecided papers are not used). Most of the
   * pool is irrelevant, and the labelled exclusions are a biased sample (the model picked them because they
   * looked relevant); a weak pull of the whole pool towards "exclude" keeps the general topic in the model.
   */
  poolCost: number;
}

/**
 * L2-regularised linear SVM with squared hinge loss, fitted by dual coordinate descent (Hsieh et al. 2008).
 * The dual variables persist between fits: after one more label the previous solution is nearly optimal, so a
 * refit takes a pass or two over the labelled papers. A label that changes or is withdrawn has its dual
 * variable (and its share of the weights) removed first, so the fit always matches the current labels.
 */
export class LinearSvm {
  /** Column weights; the last entry is the bias (an implicit feature of value 1 on every row). */
  readonly weights: Float64Array;
  private readonly alpha: Float64Array;
  private readonly fittedLabel: Int8Array;
  /** ‖x_d‖² + 1 (the bias feature), the diagonal of the dual's Gram matrix. */
  private readonly rowNormSq: Float64Array;
  private readonly random: SeededRandom;

  constructor(
    private readonly m: FeatureMatrix,
    private readonly options: LinearSvmOptions,
    seed: number,
  ) {
    this.weights = new Float64Array(m.nCols + 1);
    this.alpha = new Float64Array(m.nDocs);
    this.fittedLabel = new Int8Array(m.nDocs).fill(-1);
    this.rowNormSq = new Float64Array(m.nDocs);
    for (let d = 0; d < m.nDocs; d++) {
      let sum = 1;
      for (let k = m.rowStart[d]!, end = m.rowStart[d + 1]!; k < end; k++) sum += m.vals[k]! ** 2;
      this.rowNormSq[d] = sum;
    }
    this.random = new SeededRandom(seed);
  }

  get bias(): number {
    return this.weights[this.m.nCols]!;
  }

  /**
   * Refits to the labels. `docWeights` (optional) scales each labelled paper's cost instead of the class
   * balance (e.g. resampling copies; 0 = left out this time, or only in the pool when the pool is used).
   */
  fit(labels: Int8Array, docWeights?: Float64Array): void {
    const { m, alpha, weights } = this;
    const biasIndex = m.nCols;
    const usePool = this.options.poolCost > 0;
    const training: number[] = [];
    let n1 = 0;
    let n0 = 0;
    for (let d = 0; d < m.nDocs; d++) {
      const label = labels[d]!;
      // Pool papers are fitted as exclusions (code 0); only a change of side needs forgetting.
      const left = docWeights !== undefined && docWeights[d] === 0;
      const side = label === 1 && !left ? 1 : (label === 0 && !left) || usePool ? 0 : -1;
      if (this.fittedLabel[d] !== -1 && this.fittedLabel[d] !== side) this.forget(d);
      if (side !== -1) {
        training.push(d);
        this.fittedLabel[d] = side;
      }
      if (label === 1) n1++;
      else if (label === 0) n0++;
    }
    if (n1 === 0 || n0 === 0) return;
    const ratio = this.options.classRatio ?? 0;
    const cost1 = this.options.cost * (docWeights || ratio > 0 ? 1 : Math.pow(n0 / n1, this.options.balance));
    const cost0 = this.options.cost * (!docWeights && ratio > 0 ? n1 / (ratio * n0) : 1);
    const costPool = this.options.poolCost;

    for (let pass = 0; pass < this.options.maxPasses; pass++) {
      this.random.shuffle(training);
      let maxPg = -Infinity;
      let minPg = Infinity;
      for (const d of training) {
        const label = this.fittedLabel[d] === 1 ? 1 : labels[d] === 0 && docWeights?.[d] !== 0 ? 0 : -1;
        const y = label === 1 ? 1 : -1;
        const scale = docWeights && label !== -1 ? docWeights[d]! : 1;
        const diag = 0.5 / (scale * (label === 1 ? cost1 : label === 0 ? cost0 : costPool));
        const a = alpha[d]!;
        const g = y * (rowDot(m, d, weights) + weights[biasIndex]!) - 1 + diag * a;
        const pg = a === 0 ? Math.min(g, 0) : g;
        maxPg = Math.max(maxPg, pg);
        minPg = Math.min(minPg, pg);
        if (Math.abs(pg) < 1e-12) continue;
        const next = Math.max(a - g / (this.rowNormSq[d]! + diag), 0);
        const step = (next - a) * y;
        alpha[d] = next;
        addRow(m, d, step, weights);
        weights[biasIndex]! += step;
      }
      if (maxPg - minPg < this.options.tolerance) break;
    }
  }

  private forget(d: number): void {
    const a = this.alpha[d]!;
    if (a !== 0) {
      const step = -a * (this.fittedLabel[d] === 1 ? 1 : -1);
      addRow(this.m, d, step, this.weights);
      this.weights[this.m.nCols]! += step;
    }
    this.alpha[d] = 0;
    this.fittedLabel[d] = -1;
  }
}
