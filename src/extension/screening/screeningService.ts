import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import { ScreeningRanker, type Decision } from '../../core/screening/ranker';
import type { TriageState } from '../../core/triage';
import type { Library } from '../library/library';

const EXPLANATION_TERMS = 4;

/**
 * Prioritised screening: "Next Untriaged" shows the paper most likely to be included, learned from the include
 * and exclude decisions so far (see ScreeningRanker), and says why.
 *
 * Screening mode starts when Next Untriaged opens a paper; while the reader stays on papers it was sent to, a
 * decision (and `j`) moves on to the next paper of the ranking instead of the tree order.
 */
export class ScreeningService implements vscode.Disposable {
  private ranker: ScreeningRanker | undefined;
  private labels = new Map<string, Decision>();
  private screeningPaper: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly library: Library) {
    this.subscription = library.onDidChange(({ papers }) => {
      if (!papers) return;
      this.ranker = undefined;
      this.labels = new Map();
    });
  }

  /** Whether the ranking model of the current corpus has been built (it is built on first use). */
  get modelBuilt(): boolean {
    return this.ranker !== undefined;
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
    // for a corpus of 10k papers (the reader asks for every untriaged paper it shows).
    if (!this.ranker && !hasInclusion(this.library.store.state)) return [];
    const ranker = this.sync();
    if (ranker.mode === 'none') return [];
    return ranker.explain(paperId, EXPLANATION_TERMS).map((t) => t.term);
  }

  private sync(): ScreeningRanker {
    if (!this.ranker) {
      const order = this.library.topics().flatMap((t) => t.paperIds);
      this.ranker = new ScreeningRanker(this.library.papers, { defaultOrder: order });
      this.labels = new Map();
    }
    for (const paper of this.library.papers) {
      const status = this.library.triage(paper).status;
      const decision = status === 'include' || status === 'exclude' ? status : undefined;
      if (this.labels.get(paper.id) !== decision) {
        this.ranker.setLabel(paper.id, decision);
        if (decision) this.labels.set(paper.id, decision);
        else this.labels.delete(paper.id);
      }
    }
    return this.ranker;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

function hasInclusion(state: TriageState): boolean {
  for (const triage of state.papers.values()) if (triage.status === 'include') return true;
  return false;
}
