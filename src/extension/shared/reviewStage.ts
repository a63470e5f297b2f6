import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../commands';
import { ContextKey } from '../contextKey';
import { REVIEW_STAGES, type ReviewStage } from '../../core/triage';

const STORAGE_KEY = 'reviewStage';

/**
 * The stage this workspace is screening at: title/abstract or full text. The reader's decisions, its queue
 * and the status bar follow it. Kept per workspace (not in the shared settings): two reviewers of one
 * project can be at different stages.
 */
export class ReviewStageState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ReviewStage>();
  readonly onDidChange = this.changed.event;
  private readonly key = new ContextKey<ReviewStage>(CONTEXT_KEYS.stage);
  private stage: ReviewStage;

  constructor(private readonly memento: vscode.Memento) {
    const saved = memento.get<unknown>(STORAGE_KEY);
    this.stage = REVIEW_STAGES.includes(saved as ReviewStage) ? (saved as ReviewStage) : 'titleAbstract';
    this.key.set(this.stage);
  }

  get current(): ReviewStage {
    return this.stage;
  }

  async set(stage: ReviewStage): Promise<void> {
    if (stage === this.stage) return;
    this.stage = stage;
    this.key.set(stage);
    this.changed.fire(stage);
    await this.memento.update(STORAGE_KEY, stage);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function stageLabel(stage: ReviewStage): string {
  return stage === 'fullText' ? 'Full text' : 'Title/abstract';
}
