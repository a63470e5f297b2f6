import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import type { FeatureSpace } from '../../core/screening/featureSpace';
import { ScreeningRanker, type Decision } from '../../core/screening/ranker';
import type { TriageState } from '../../core/triage';
import type { Library } from '../library/library';
import { buildFeaturesOffThread, type FeaturesJob } from './featuresOffThread';

/** The compiled screening features worker, relative to the extension's root. */
export const SCREENING_WORKER_SCRIPT = 'dist/screening.worker.js';
const EXPLANATION_TERMS = 4;
/** Corpora of this many papers get their features built on a worker thread (1k papers take ~0.3 s). */
const BACKGROUND_FROM = 1000;

/**
 * Prioritised screening: "Next Untriaged" shows the paper most likely to be included, learned from the include
 * and exclude decisions so far (see ScreeningRanker), and says why.
 *
 * Screening mode starts when Next Untriaged opens a paper; while the reader stays on papers it was sent to, a
 * decision (and `j`) moves on to the next paper of the ranking instead of the tree order.
 */
export class ScreeningService implements vscode.Disposable {
  private ranker: ScreeningRanker | undefined;
  /** The papers the ranker was built for: the library's list changes before its change event (indexing). */
  private rankerPapers: readonly Paper[] | undefined;
  private labels = new Map<string, Decision>();
  private screeningPaper: string | undefined;
  /** The features of a large corpus, built on a worker thread as soon as the corpus is known. */
  private features:
    { papers: readonly Paper[]; space?: FeatureSpace; job?: FeaturesJob; done: Promise<void> } | undefined;
  private readonly prepared = new vscode.EventEmitter<void>();
  /** Fires when a large corpus's features, built in the background, are ready: the ranking is cheap now. */
  readonly onDidPrepare = this.prepared.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly library: Library,
    /** The features worker's script; without it the ranker is always built in place. */
    private readonly workerScript?: string,
  ) {
    this.subscriptions = [
      library.onDidChange(({ papers }) => {
        if (!papers) return;
        this.ranker = undefined;
        this.labels = new Map();
        this.prepare();
      }),
      // The papers are known before they are indexed: start on the features meanwhile.
      library.corpus.onDidChange(() => this.prepare()),
    ];
    this.prepare();
  }

  /** Resolves once ranking needs no long computation on the host (a large corpus's features are ready). */
  async ready(): Promise<void> {
    this.prepare();
    await this.features?.done;
  }

  /** Whether the ranking can be had now without building the features in place. */
  get isReady(): boolean {
    const features = this.currentFeatures();
    return this.hasRanker || features === undefined || features.space !== undefined;
  }

  private get hasRanker(): boolean {
    return this.ranker !== undefined && this.rankerPapers === this.library.papers;
  }

  /** Whether the ranking model of the current corpus has been built (it is built on first use). */
  get modelBuilt(): boolean {
    return this.hasRanker;
  }

  /** True while the reader shows a paper that screening chose. */
  isScreening(currentId: string | undefined): boolean {
    return currentId !== undefined && currentId === this.screeningPaper;
  }

  /** Marks the paper the reader is about to show as chosen by screening. */
  enterScreening(paperId: string): void {
    this.screeningPaper = paperId;
  }

  leaveScreening(): void {
    this.screeningPaper = undefined;
  }

  /** Untriaged papers, most likely inclusion first; `maybe` papers count as triaged but teach nothing. */
  rankedUntriaged(): string[] {
    const ranker = this.sync();
    return ranker.rank().filter((id) => {
      const paper = this.library.paper(id);
      return paper !== undefined && this.library.triage(paper).status === 'untriaged';
    });
  }

  /** The best-ranked untriaged paper other than `skip`. */
  next(skip?: string): Paper | undefined {
    const id = this.rankedUntriaged().find((candidate) => candidate !== skip);
    return id === undefined ? undefined : this.library.paper(id);
  }

  /** Terms of the paper that raise its predicted relevance most; empty until something has been learned. */
  explain(paperId: string): string[] {
    if (!this.library.paper(paperId)) return [];
    // Nothing is learned before the first inclusion: answer without building the ranker, which takes seconds
    // for a corpus of 10k papers (the reader asks for every untriaged paper it shows). Nor while its features
    // are still being built in the background.
    if (!this.hasRanker && (!hasInclusion(this.library.store.state) || !this.isReady)) return [];
    const ranker = this.sync();
    if (ranker.mode === 'none') return [];
    return ranker.explain(paperId, EXPLANATION_TERMS).map((t) => t.term);
  }

  private sync(): ScreeningRanker {
    if (!this.hasRanker) {
      const papers = this.library.papers;
      const order = this.library.topics().flatMap((t) => t.paperIds);
      const features = this.currentFeatures()?.space;
      this.ranker = new ScreeningRanker(papers, { defaultOrder: order, features });
      this.rankerPapers = papers;
      this.labels = new Map();
    }
    const ranker = this.ranker!;
    for (const paper of this.library.papers) {
      const status = this.library.triage(paper).status;
      const decision = status === 'include' || status === 'exclude' ? status : undefined;
      if (this.labels.get(paper.id) !== decision) {
        ranker.setLabel(paper.id, decision);
        if (decision) this.labels.set(paper.id, decision);
        else this.labels.delete(paper.id);
      }
    }
    return ranker;
  }

  /** Starts building a large corpus's features on the worker thread (once per corpus). */
  private prepare(): void {
    const papers = this.library.papers;
    if (this.features?.papers === papers) return;
    this.features?.job?.cancel();
    this.features = undefined;
    if (!this.workerScript || papers.length < BACKGROUND_FROM) return;
    const job = buildFeaturesOffThread(this.workerScript, papers);
    const features: NonNullable<ScreeningService['features']> = {
      papers,
      job,
      done: job.result.then(
        (space) => {
          features.space = space;
          features.job = undefined;
          if (this.features === features) this.prepared.fire();
        },
        () => {
          // Cancelled, or the worker failed: the ranker builds its features in place when it is needed.
          features.job = undefined;
          if (this.features === features) this.features = undefined;
        },
      ),
    };
    this.features = features;
  }

  private currentFeatures(): ScreeningService['features'] {
    return this.features?.papers === this.library.papers ? this.features : undefined;
  }

  dispose(): void {
    this.features?.job?.cancel();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.prepared.dispose();
  }
}

function hasInclusion(state: TriageState): boolean {
  for (const triage of state.papers.values()) if (triage.status === 'include') return true;
  return false;
}
