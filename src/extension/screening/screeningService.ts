import * as vscode from 'vscode';
import type { Library } from '../library';
import { RequestCancelled } from '../library';
import type { PaperSummary } from '../../worker/protocol';
import type { Ranking } from '../../worker/protocol';
import { screeningProgress, type ScreeningProgress } from '../../core/screening/progress';
import type { TriageState } from '../../core/triage';
import { settings } from '../settings';
import type { UiText } from '../shared/uiText';
import { stoppingVerdict } from './progressText';

/**
 * Prioritised screening: "Next Untriaged" shows the paper most likely to be included, learned from the include
 * and exclude decisions so far. The ranker lives in the library worker; the host keeps its latest ranking.
 *
 * Screening mode starts when Next Untriaged opens a paper; while the reader stays on papers it was sent to, a
 * decision (and `j`) moves on to the next paper of the ranking instead of the tree order.
 */
export class ScreeningService implements vscode.Disposable {
  private ranking: { stamp: string; ids: string[]; mode: Ranking['mode'] } | undefined;
  private pending: { stamp: string; done: Promise<void> } | undefined;
  private screeningPaper: string | undefined;
  private readonly prepared = new vscode.EventEmitter<void>();
  /** Fires when a new ranking has arrived from the worker. */
  readonly onDidPrepare = this.prepared.event;
  private progressCache:
    | { state: TriageState; papers: readonly PaperSummary[]; settings: string; progress: ScreeningProgress }
    | undefined;
  private readonly progressChanged = new vscode.EventEmitter<void>();
  /** Fires when progress() may have changed: a decision, new papers, or the stopping settings. */
  readonly onDidChangeProgress = this.progressChanged.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly library: Library) {
    this.subscriptions = [
      this.progressChanged,
      library.onDidChange(() => this.progressChanged.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affects(e, 'screening')) this.progressChanged.fire();
      }),
    ];
  }

  /**
   * Where screening stands: the decisions in the order they were made (see screeningOrder), the gain curve and
   * the stopping test with the `literatureTriage.screening.*` settings. Recomputed only when the triage, the
   * papers or the settings changed.
   */
  progress(): ScreeningProgress {
    const state = this.library.store.state;
    const papers = this.library.papers;
    const options = {
      recallTarget: settings.screeningRecallTarget(),
      confidence: settings.screeningConfidence(),
    };
    const key = `${options.recallTarget}:${options.confidence}`;
    const cached = this.progressCache;
    if (cached?.state === state && cached.papers === papers && cached.settings === key)
      return cached.progress;
    const entries = papers.map((paper) => {
      const { status, updated } = this.library.triage(paper);
      return { id: paper.id, status, updated };
    });
    const progress = screeningProgress(entries, papers.length, options);
    this.progressCache = { state, papers, settings: key, progress };
    return progress;
  }

  /** The stopping test's verdict in one sentence ("… you may stop" / "Not yet: about N more to screen"). */
  stoppingVerdict(): UiText {
    return stoppingVerdict(this.progress());
  }

  /** Resolves once the ranking reflects every decision made so far. */
  async ready(): Promise<void> {
    while (!this.isReady) {
      const stamp = this.library.triageStamp;
      if (this.pending?.stamp !== stamp) this.pending = { stamp, done: this.fetch(stamp) };
      await this.pending.done;
      // The corpus changed meanwhile and the ranking was dropped: ask again, unless nothing is loaded.
      if (this.library.triageStamp === stamp && !this.isReady) return;
    }
  }

  /** Whether the ranking at hand reflects every decision made so far. */
  get isReady(): boolean {
    return this.ranking?.stamp === this.library.triageStamp;
  }

  /** Whether anything has been learned: the ranking follows the decisions, not the topic order. */
  get modelBuilt(): boolean {
    return this.ranking !== undefined && this.ranking.mode !== 'none';
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

  /** Untriaged papers, most likely inclusion first (the latest ranking; see ready()). */
  rankedUntriaged(): string[] {
    return (this.ranking?.ids ?? []).filter((id) => {
      const paper = this.library.paper(id);
      return paper !== undefined && this.library.triage(paper).status === 'untriaged';
    });
  }

  /** The best-ranked untriaged paper other than `skip`. */
  next(skip?: string): PaperSummary | undefined {
    const id = this.rankedUntriaged().find((candidate) => candidate !== skip);
    return id === undefined ? undefined : this.library.paper(id);
  }

  private async fetch(stamp: string): Promise<void> {
    try {
      const ranking = await this.library.ranking();
      if (!ranking) return;
      this.ranking = { stamp, ...ranking };
      this.prepared.fire();
    } catch (error) {
      if (!(error instanceof RequestCancelled)) throw error;
    }
  }

  dispose(): void {
    this.prepared.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
