import * as vscode from 'vscode';
import type { Library } from '../library';
import { RequestCancelled } from '../library';
import type { PaperSummary } from '../../worker/protocol';
import type { Ranking } from '../../worker/protocol';

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

  constructor(private readonly library: Library) {}

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
  }
}
