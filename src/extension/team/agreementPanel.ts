import * as vscode from 'vscode';
import { agreementAt, type StageAgreement } from '../../core/team';
import type { TriageStore } from '../storage';
import { WEBVIEW_PANELS } from '../commands';
import { createSafeWebviewPanel, type SafeWebviewPanel } from '../shared/webviewPanel';
import { ui } from '../shared/uiText';
import { agreementHtml } from './agreementHtml';
import type { TeamSession } from './teamSession';
import type { BlindMode } from './blindMode';

/** Agreement per stage over every reviewer (this window's decisions as they are now). */
export function teamAgreement(team: TeamSession, store: TriageStore): StageAgreement[] {
  const everyone = team.everyone(store.state);
  const stages: StageAgreement[] = [agreementAt(everyone, 'titleAbstract')];
  const recordsFullText = everyone.some((r) => [...r.state.papers.values()].some((t) => t.fullText?.status));
  if (recordsFullText) stages.push(agreementAt(everyone, 'fullText'));
  return stages;
}

/** The Reviewer Agreement panel: one per window, re-rendered when any reviewer's decisions change. */
export class AgreementPanel implements vscode.Disposable {
  private panel: SafeWebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The figures shown last (tests read them). */
  shown: StageAgreement[] | undefined;

  constructor(
    private readonly team: TeamSession,
    private readonly store: TriageStore,
    private readonly blind: BlindMode,
  ) {
    const refresh = () => this.render();
    this.disposables.push(team.onDidChange(refresh), store.onDidChange(refresh), blind.onDidChange(refresh));
  }

  show(): void {
    if (!this.panel) {
      this.panel = createSafeWebviewPanel(
        WEBVIEW_PANELS.agreementPanel,
        ui`Reviewer Agreement`,
        vscode.ViewColumn.Active,
        {
          enableScripts: false,
        },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
      });
    }
    this.render();
    this.panel.reveal();
  }

  private render(): void {
    if (!this.panel) return;
    const stages = this.blind.on ? [] : teamAgreement(this.team, this.store);
    this.shown = this.blind.on ? undefined : stages;
    this.panel.webview.html = agreementHtml(stages, this.team.problems, this.blind.on);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
