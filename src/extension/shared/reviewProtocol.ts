import * as vscode from 'vscode';
import { checkHighlightSetting } from '../../core/review/highlightSetting';
import { compileHighlighter, type Highlighter } from '../../core/review/highlight';
import { SETTINGS_SECTION } from '../settings';
import { showWarning } from './notifications';
import type { OutputLog } from './outputLog';
import { inline, ui } from './uiText';

/** When an exclusion must give a reason (`literatureTriage.requireExclusionReason`). */
export type ReasonRequirement = 'never' | 'fullText' | 'always';

const REQUIREMENTS: readonly ReasonRequirement[] = ['never', 'fullText', 'always'];
const WATCHED = ['highlight', 'criteria', 'exclusionReasons', 'requireExclusionReason'] as const;
/** A reason longer than this is cut: it is a label in pickers, the tree and the PRISMA diagram. */
export const MAX_REASON_LENGTH = 200;

/**
 * The review protocol from the workspace settings: highlight terms (compiled once per change), criteria,
 * exclusion reasons and when a reason is required. Reading never throws; a bad highlight value is reported once
 * per distinct set of problems (in the log and one warning), never again for the same value.
 */
export class ReviewProtocol implements vscode.Disposable {
  private compiled: { highlighter: Highlighter; has: { include: boolean; exclude: boolean } } | undefined;
  private reported = '';
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
    this.report(problems);
    this.compiled = {
      highlighter: compileHighlighter(setting),
      has: { include: setting.include.length > 0, exclude: setting.exclude.length > 0 },
    };
    return this.compiled;
  }

  /** The criteria Markdown, or '' (a value that is not text counts as none). */
  criteria(): string {
    const value = config().get<unknown>('criteria', '');
    return typeof value === 'string' ? value : '';
  }

  /** The exclusion reasons in order: trimmed, non-empty, each once (the first spelling kept). */
  exclusionReasons(): string[] {
    const value = config().get<unknown>('exclusionReasons', []);
    if (!Array.isArray(value)) return [];
    const reasons: string[] = [];
    const seen = new Set<string>();
    for (const item of value) {
      if (typeof item !== 'string') continue;
      const reason = cleanReason(item);
      if (!reason || seen.has(reason.toLocaleLowerCase())) continue;
      seen.add(reason.toLocaleLowerCase());
      reasons.push(reason);
    }
    return reasons;
  }

  reasonRequirement(): ReasonRequirement {
    const value = config().get<unknown>('requireExclusionReason', 'fullText');
    return REQUIREMENTS.includes(value as ReasonRequirement) ? (value as ReasonRequirement) : 'fullText';
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

  private report(problems: readonly string[]): void {
    const key = problems.join('\n');
    if (key === this.reported) return;
    this.reported = key;
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

/** A reason as stored: white space collapsed, trimmed, at most MAX_REASON_LENGTH characters. */
export function cleanReason(text: string): string {
  return [...text.replace(/\s+/g, ' ').trim()].slice(0, MAX_REASON_LENGTH).join('');
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION);
}
