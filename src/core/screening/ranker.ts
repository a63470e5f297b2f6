import { buildFeatureSpace, type FeatureSpace } from './featureSpace';
import { resolveRankerConfig, type RankerConfig, type RankerConfigOverrides } from './rankerConfig';
import { RelevanceModel, type ScoringMode } from './relevanceModel';
import { forEachPhrase } from './tfidf';
import { tokenize, type Token } from './tokenize';

export interface RankablePaper {
  id: string;
  title: string;
  abstract: string;
}

type Decision = 'include' | 'exclude';

interface TermContribution {
  /** The word or phrase as written in the paper. */
  term: string;
  /** Its share of the paper's relevance score (positive = pulls the paper up). */
  weight: number;
}

interface ScreeningRankerOptions {
  /** Seeds the classifier's training order; the same seed and decisions give the same ranking. Default 1. */
  seed?: number;
  /**
   * The order to follow while no paper is included (e.g. topic order), and the tie-break after that. Papers
   * not listed follow the listed ones in input order. Default: input order.
   */
  defaultOrder?: readonly string[];
  config?: RankerConfigOverrides;
  /**
   * The corpus's features, when they were built elsewhere (on a worker thread): `buildFeatureSpace` of the
   * same papers, in the same order, with this config's `features` options. Building them is most of the cost
   * of a ranker.
   */
  features?: FeatureSpace;
}

/**
 * Prioritised screening: ranks the undecided papers by how likely they are to be included, learned from the
 * include/exclude decisions made so far, and says why.
 *
 * - No inclusion yet: `defaultOrder` (nothing has been learned; exclusions alone say little about what is wanted).
 * - Inclusions but no exclusion: cosine similarity to the centroid of the included papers.
 * - Both: a linear classifier (see `RankerConfig`), refitted after every decision. Each refit is warm-started
 *   from the previous one, so a decision costs milliseconds even on 10,000 papers.
 *
 * Building the ranker vectorises the corpus (and computes its latent space when configured); that is the
 * expensive part, done once per corpus.
 */
export class ScreeningRanker {
  readonly config: RankerConfig;
  private readonly papers: readonly RankablePaper[];
  private readonly indexOf = new Map<string, number>();
  private readonly orderRank: Int32Array;
  private readonly model: RelevanceModel;

  constructor(papers: readonly RankablePaper[], options: ScreeningRankerOptions = {}) {
    this.config = resolveRankerConfig(options.config);
    this.papers = papers;
    papers.forEach((p, i) => {
      if (this.indexOf.has(p.id)) throw new Error(`duplicate paper id ${JSON.stringify(p.id)}`);
      this.indexOf.set(p.id, i);
    });
    this.orderRank = defaultOrderRanks(papers, this.indexOf, options.defaultOrder ?? []);
    if (options.features && options.features.matrix.nDocs !== papers.length) {
      throw new Error(`features of ${options.features.matrix.nDocs} papers given for ${papers.length}`);
    }
    this.model = new RelevanceModel(
      options.features ?? buildFeatureSpace(papers, this.config.features),
      this.config.model,
      options.seed ?? 1,
    );
  }

  /** How the current ranking is produced (see the class comment). */
  get mode(): ScoringMode {
    return this.model.mode;
  }

  /** Records a decision; `undefined` withdraws it. The next read refits the model. */
  setLabel(id: string, decision: Decision | undefined): void {
    this.model.setLabel(this.index(id), decision === 'include' ? 1 : decision === 'exclude' ? 0 : -1);
  }

  label(id: string): Decision | undefined {
    const code = this.model.labels[this.index(id)];
    return code === 1 ? 'include' : code === 0 ? 'exclude' : undefined;
  }

  /** Ids of the undecided papers, most likely inclusion first. */
  rank(): string[] {
    const scores = this.model.scores();
    const labels = this.model.labels;
    const undecided: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === -1) undecided.push(i);
    undecided.sort((a, b) => scores[b]! - scores[a]! || this.orderRank[a]! - this.orderRank[b]!);
    return undecided.map((i) => this.papers[i]!.id);
  }

  /** The undecided paper to screen next (the head of `rank()`, without sorting), or undefined when none is left. */
  next(): string | undefined {
    const scores = this.model.scores();
    const labels = this.model.labels;
    let best = -1;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== -1) continue;
      if (
        best === -1 ||
        scores[i]! > scores[best]! ||
        (scores[i] === scores[best] && this.orderRank[i]! < this.orderRank[best]!)
      ) {
        best = i;
      }
    }
    return best === -1 ? undefined : this.papers[best]!.id;
  }

  /** Relevance score (higher = more likely included); comparable only within one ranking. 0 in `none` mode. */
  score(id: string): number {
    return this.model.scores()[this.index(id)]!;
  }

  /**
   * The words and phrases of this paper that raise its score most ("suggested because: …"), strongest first,
   * as written in the paper. Empty while nothing has been learned (`none` mode).
   */
  explain(id: string, k = 5): TermContribution[] {
    const doc = this.index(id);
    const terms = this.model.contributions(doc).filter((c) => c.weight > 0);
    terms.sort((a, b) => b.weight - a.weight);
    const surface = surfaceForms(this.papers[doc]!, this.config);
    const vocabulary = this.model.termNames;
    const out: TermContribution[] = [];
    const seen = new Set<string>();
    for (const { term, weight } of terms) {
      const key = vocabulary[term]!;
      const written = surface.get(key) ?? key;
      if (seen.has(written.toLowerCase())) continue;
      seen.add(written.toLowerCase());
      out.push({ term: written, weight });
      if (out.length === k) break;
    }
    return out;
  }

  private index(id: string): number {
    const i = this.indexOf.get(id);
    if (i === undefined) throw new Error(`unknown paper id ${JSON.stringify(id)}`);
    return i;
  }
}

function defaultOrderRanks(
  papers: readonly RankablePaper[],
  indexOf: Map<string, number>,
  order: readonly string[],
): Int32Array {
  const rank = new Int32Array(papers.length).fill(-1);
  let next = 0;
  for (const id of order) {
    const i = indexOf.get(id);
    if (i !== undefined && rank[i] === -1) rank[i] = next++;
  }
  for (let i = 0; i < papers.length; i++) if (rank[i] === -1) rank[i] = next++;
  return rank;
}

/** Feature key → its first spelling in the paper (title first), e.g. "wilson disease" → "Wilson disease". */
function surfaceForms(paper: RankablePaper, config: RankerConfig): Map<string, string> {
  const forms = new Map<string, string>();
  const texts =
    config.features.tokens === 'scikit'
      ? [`${paper.title} ${paper.abstract}`]
      : [paper.title, paper.abstract];
  for (const text of texts) {
    const tokens =
      config.features.tokens === 'scikit' ? scikitSurfaces(text) : tokenize(text, config.features);
    forEachPhrase(tokens, config.features.ngrams, (first, last) => {
      const words = tokens.slice(first, last + 1);
      const key = words.map((t) => t.term).join(' ');
      if (!forms.has(key)) forms.set(key, words.map((t) => t.surface).join(' '));
    });
  }
  return forms;
}

/** scikit-learn's words (tokenize.ts) with their spelling in the text; the key is the lower-cased word. */
function scikitSurfaces(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}_]+/gu)]
    .filter((m) => [...m[0]].length >= 2)
    .map((m) => ({ term: m[0].toLowerCase(), surface: m[0], phraseBreak: false }));
}
