import * as vscode from 'vscode';
import { checkHighlightSetting } from '../../core/review/highlightSetting';
import { compileHighlighter, type Highlighter } from '../../core/review/highlight';
import {
  checkCriteria,
  checkExclusionReasons,
  checkReasonRequirement,
  cleanReason,
  type ReasonRequirement,
} from '../../core/review/protocolSettings';
import { SETTINGS_SECTION } from '../settings';
import { showWarning } from './notifications';
import type { OutputLog } from './outputLog';
import { inline, ui } from './uiText';

export { cleanReason, MAX_REASON_LENGTH, type ReasonRequirement } from '../../core/review/protocolSettings';

const WATCHED = ['highlight', 'criteria', 'exclusionReasons', 'requireExclusionReason'] as const;

/**
 * The review protocol from the workspace settings: highlight terms (compiled once per change), criteria,
 * exclusion reasons and when a reason is required. Reading never throws; a bad value of any of them is
 * reported once per setting and distinct set of problems (in the log and one warning), never again for the
 * same value.
 */
export class ReviewProtocol implements vscode.Disposable {
  private compiled: { highlighter: Highlighter; has: { include: boolean; exclude: boolean } } | undefined;
  /** The problems reported last, per setting. */
  private readonly reported = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after any of the protocol's settings changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly log: OutputLog) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!WATCHED.some((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`))) return;
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.highlight`)) this.compiled = undefined;
      this.changed.fire();
    });
  }

  /** The compiled highlight terms, and which lists have any (the count line names only those). */
  highlighting(): { highlighter: Highlighter; has: { include: boolean; exclude: boolean } } {
    if (this.compiled) return this.compiled;
    const { setting, problems } = checkHighlightSetting(config().get<unknown>('highlight'));
    this.report('highlight', problems);
    this.compiled = {
      highlighter: compileHighlighter(setting),
      has: { include: setting.include.length > 0, exclude: setting.exclude.length > 0 },
    };
    return this.compiled;
  }

  /** The criteria Markdown, or '' (a value that is not text counts as none). */
  criteria(): string {
    const { value, problems } = checkCriteria(config().get<unknown>('criteria'));
    this.report('criteria', problems);
    return value;
  }

  /** The exclusion reasons in order: trimmed, non-empty, each once (the first spelling kept). */
  exclusionReasons(): string[] {
    const { value, problems } = checkExclusionReasons(config().get<unknown>('exclusionReasons'));
    this.report('exclusionReasons', problems);
    return value;
  }

  reasonRequirement(): ReasonRequirement {
    const { value, problems } = checkReasonRequirement(config().get<unknown>('requireExclusionReason'));
    this.report('requireExclusionReason', problems);
    return value;
  }

  /** True when excluding at `stage` must give a reason. */
  reasonRequired(stage: 'titleAbstract' | 'fullText'): boolean {
    const requirement = this.reasonRequirement();
    return requirement === 'always' || (requirement === 'fullText' && stage === 'fullText');
  }

  /** Adds a reason to the end of the list (nothing when it is there already, case aside). */
  async addExclusionReason(reason: string): Promise<void> {
    const clean = cleanReason(reason);
    const current = this.exclusionReasons();
    if (!clean || current.some((r) => r.toLocaleLowerCase() === clean.toLocaleLowerCase())) return;
    // The protocol is the team's: it goes to the workspace settings when there is a workspace.
    const target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await config().update('exclusionReasons', [...current, clean], target);
  }

  private report(setting: string, problems: readonly string[]): void {
    const key = problems.join('\n');
    if (key === (this.reported.get(setting) ?? '')) return;
    this.reported.set(setting, key);
    if (problems.length === 0) return;
    for (const problem of problems) this.log.appendLine(ui`Settings: ${problem}`);
    const first = problems[0]!;
    const more = problems.length > 1 ? ui` (and ${problems.length - 1} more in the output log)` : ui``;
    void showWarning(ui`Literature Triage: ${first}${inline(more)}`);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION);
}
