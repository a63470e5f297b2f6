import * as vscode from 'vscode';
import {
  finalDecisionAt,
  finalState,
  loadResolutionSet,
  openConflictsAt,
  parseResolutionFile,
  reviewerFileName,
  serializeResolutionFile,
  withResolution,
  type AgreementCategory,
  type Conflict,
  type FinalDecision,
  type LoadedResolutions,
  type ResolutionFile,
  type ReviewerDecisions,
  type ReviewerProblem,
} from '../../core/team';
import type { PaperRef, ReviewStage, TriageState } from '../../core/triage';
import type { TriageStore } from '../storage';
import { primaryFolder, SETTINGS_SECTION } from '../settings';
import { readTextIfExists, writeWorkspaceFileAtomically } from '../shared/workspaceFiles';
import type { BlindMode } from './blindMode';
import { oneAtATime, readFolder, watchJsonFiles, writeGitIgnore } from './teamFolder';
import type { TeamSession } from './teamSession';

/** Where each resolver's final decisions live, relative to the first workspace folder. */
export const FINAL_FOLDER = 'literature-triage/final';

/**
 * What the team decided, as the window's features need it: the reviewers' decisions side by side, the open
 * conflicts, the final decisions (which export, PRISMA and citation use in team mode) and the decisions the
 * ranker learns from. Outside team mode it is simply the window's own decisions.
 */
export class TeamDecisions implements vscode.Disposable {
  private resolutions: readonly LoadedResolutions[] = [];
  private problemList: readonly ReviewerProblem[] = [];
  private watcher: vscode.Disposable | undefined;
  private cache: { key: unknown[]; state: TriageState } | undefined;
  private trainingCache: { key: unknown[]; state: TriageState } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** The reviewers' files, the final decisions, blind mode or the team setting changed (not my own decisions). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    readonly session: TeamSession,
    private readonly store: TriageStore,
    readonly blind: BlindMode,
  ) {
    this.disposables.push(
      session.onDidChange(() => void this.reload()),
      blind.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.reviewersPerPaper`)) this.changed.fire();
      }),
    );
  }

  get active(): boolean {
    return this.session.active;
  }

  /** Team mode with blind mode off: the other reviewers' decisions may be shown. */
  get revealed(): boolean {
    return this.session.active && !this.blind.on;
  }

  /** Final-decision files that could not be read, by name and why (never written over). */
  get problems(): readonly ReviewerProblem[] {
    return this.problemList;
  }

  folder(): vscode.Uri | undefined {
    const root = primaryFolder();
    return root && vscode.Uri.joinPath(root, ...FINAL_FOLDER.split('/'));
  }

  /** Every reviewer's decisions, mine as they are now. */
  reviewers(): ReviewerDecisions[] {
    return this.session.everyone(this.store.state);
  }

  /** The conflicts nobody has resolved at a stage; none while blind (they would show others' decisions). */
  openConflicts(stage: ReviewStage): Conflict[] {
    if (!this.revealed) return [];
    return openConflictsAt(this.reviewers(), this.resolutions, stage);
  }

  finalDecision(id: string, stage: ReviewStage): FinalDecision | undefined {
    return finalDecisionAt(this.reviewers(), this.resolutions, id, stage, reviewersPerPaper());
  }

  /** The decisions export, PRISMA and citation use: the team's final ones in team mode, else mine. */
  decisions(): TriageState {
    if (!this.active) return this.store.state;
    const key = [
      this.store.state,
      this.session.loaded,
      this.session.reviewer,
      this.resolutions,
      reviewersPerPaper(),
    ];
    if (!sameKey(this.cache?.key, key)) {
      const state = finalState(this.reviewers(), this.resolutions, {
        mine: this.session.reviewer,
        reviewersPerPaper: reviewersPerPaper(),
      });
      this.cache = { key, state };
    }
    return this.cache!.state;
  }

  /**
   * What the ranker learns from: my decisions while blind; revealed, a paper's final title/abstract decision
   * where the team has one, else mine. Tags stay mine (they are what tag search finds).
   */
  trainingState(): TriageState {
    if (!this.revealed) return this.store.state;
    const final = this.decisions();
    const key = [this.store.state, final];
    if (!sameKey(this.trainingCache?.key, key)) {
      const papers = new Map(this.store.state.papers);
      for (const [id, entry] of final.papers) {
        if (entry.status === 'untriaged') continue;
        const own = papers.get(id);
        papers.set(id, own ? { ...own, status: entry.status } : { ...entry, tags: [] });
      }
      this.trainingCache = { key, state: { papers } };
    }
    return this.trainingCache!.state;
  }

  /**
   * Records my final decision on a paper at a stage in my resolutions file (read again just before, so a
   * second window of mine loses nothing), then reads the folder again.
   */
  async resolve(
    paper: PaperRef,
    stage: ReviewStage,
    decision: AgreementCategory,
    reason: string | undefined,
    now: string,
  ): Promise<void> {
    const folder = this.folder();
    const me = this.session.reviewer;
    if (!folder || !me) throw new Error('final decisions are made in team screening');
    await writeGitIgnore(folder);
    const file = vscode.Uri.joinPath(folder, reviewerFileName(me));
    const text = await readTextIfExists(file);
    // A file of mine that cannot be read is refused here, naming it and the line: never written over.
    let before: ResolutionFile = { resolver: me, resolutions: new Map() };
    if (text !== undefined) {
      try {
        before = parseResolutionFile(text);
      } catch (error) {
        throw new Error(
          `${FINAL_FOLDER}/${reviewerFileName(me)}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      if (before.resolver !== me) {
        throw new Error(
          `${FINAL_FOLDER}/${reviewerFileName(me)} holds the final decisions of "${before.resolver}"`,
        );
      }
    }
    const after = withResolution(before, paper.id, paper.title, stage, {
      decision,
      ...(reason ? { reason } : {}),
      resolved: now,
    });
    await writeWorkspaceFileAtomically(file, serializeResolutionFile(after));
    await this.reload();
  }

  /** Reads every resolutions file again (one read at a time, so the last one read is what stays). */
  readonly reload = oneAtATime(() => this.read());

  private async read(): Promise<void> {
    const folder = this.folder();
    if (!folder || !this.session.active) {
      this.resolutions = [];
      this.problemList = [];
      this.changed.fire();
      return;
    }
    const root = primaryFolder();
    if (root) this.watcher ??= watchJsonFiles(root, FINAL_FOLDER, () => void this.reload());
    const { sources, unreadable } = await readFolder(folder);
    const set = loadResolutionSet(sources);
    this.resolutions = set.files;
    this.problemList = [...set.problems, ...unreadable];
    this.changed.fire();
  }

  dispose(): void {
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** `literatureTriage.reviewersPerPaper`: how many must have decided alike before a decision is final. */
function reviewersPerPaper(): number {
  const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('reviewersPerPaper', 2);
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : 2;
}

function sameKey(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}
