import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../commands';
import { ContextKey } from '../contextKey';
import { SETTINGS_SECTION } from '../settings';
import type { TeamSession } from './teamSession';

/**
 * Blind screening: while on, nothing of the other reviewers' decisions is shown (not even counts).
 * `literatureTriage.blind` (default true) sets it for team mode; Reveal Decisions turns it off for this
 * window only.
 */
export class BlindMode implements vscode.Disposable {
  private revealed = false;
  private readonly key = new ContextKey(CONTEXT_KEYS.blind);
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly team: TeamSession) {
    this.update();
    this.disposables.push(
      team.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.blind`)) this.update();
      }),
    );
  }

  /** In team mode with the setting on and not revealed in this window. */
  get on(): boolean {
    const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('blind', true) !== false;
    return this.team.active && setting && !this.revealed;
  }

  reveal(): void {
    this.revealed = true;
    this.update();
  }

  private last: boolean | undefined;
  private update(): void {
    // Revealing lasts while this window screens as a team member; leaving team mode blinds it again.
    if (!this.team.active) this.revealed = false;
    const on = this.on;
    this.key.set(on);
    if (on !== this.last) {
      this.last = on;
      this.changed.fire();
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
