import * as vscode from 'vscode';
import {
  loadReviewerSet,
  reviewerFileName,
  type LoadedReviewer,
  type ReviewerDecisions,
  type ReviewerProblem,
} from '../../core/team';
import type { TriageState } from '../../core/triage';
import { primaryFolder } from '../settings';
import { resolveReviewer } from './reviewerIdentity';
import { jsonFiles, oneAtATime, readFolder, watchJsonFiles, writeGitIgnore } from './teamFolder';

/** Where each reviewer's file lives, relative to the first workspace folder. */
export const REVIEWERS_FOLDER = 'literature-triage/reviewers';

/**
 * Team screening in this workspace. It is on when the reviewers folder holds a reviewer file (or the user
 * started it); this window's reviewer then screens into their own file there, which the triage store keeps,
 * and every other file in the folder is read (never written) and re-read when git or a teammate changes it.
 */
export class TeamSession implements vscode.Disposable {
  private me: string | undefined;
  private on = false;
  /** Left with stop(): a reviewer file that appears later does not turn team mode on again by itself. */
  private left = false;
  private joining = false;
  /** The others' files and the problems as last read. */
  private lastRead: string | undefined;
  private files: readonly LoadedReviewer[] = [];
  private problemList: readonly ReviewerProblem[] = [];
  private watcher: vscode.Disposable | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Team mode, the reviewer or the other reviewers' files changed. */
  readonly onDidChange = this.changed.event;

  /** The folder of reviewer files; undefined without a workspace folder (team screening needs one). */
  folder(): vscode.Uri | undefined {
    const root = primaryFolder();
    return root && vscode.Uri.joinPath(root, ...REVIEWERS_FOLDER.split('/'));
  }

  get active(): boolean {
    return this.on;
  }

  /** This window's reviewer while team mode is on. */
  get reviewer(): string | undefined {
    return this.on ? this.me : undefined;
  }

  /** This window's reviewer file while team mode is on: where the triage store keeps the decisions. */
  myFile(): vscode.Uri | undefined {
    const folder = this.folder();
    return this.on && this.me && folder ? vscode.Uri.joinPath(folder, reviewerFileName(this.me)) : undefined;
  }

  /** The reviewer files that could not be read, by name and why (they are never written over). */
  get problems(): readonly ReviewerProblem[] {
    return this.problemList;
  }

  /** Every reviewer file as last read (the same array until the folder is read again). */
  get loaded(): readonly LoadedReviewer[] {
    return this.files;
  }

  /** The other reviewers' decisions as their files hold them. */
  others(): readonly LoadedReviewer[] {
    return this.files.filter((f) => f.reviewer !== this.me);
  }

  /** Every reviewer, with this window's decisions as they are now (`mine`, possibly not saved yet). */
  everyone(mine: TriageState): ReviewerDecisions[] {
    const others = this.others().map((f) => ({ reviewer: f.reviewer, state: f.state }));
    return this.me === undefined ? others : [{ reviewer: this.me, state: mine }, ...others];
  }

  /**
   * At activation, before the store opens: team mode is on when the folder holds a reviewer file and this
   * window knows (or is told) who screens here.
   */
  async open(): Promise<void> {
    const folder = this.folder();
    if (!folder) return;
    this.left = false;
    this.watch(folder);
    await this.reload();
    await this.joinIfFiles(folder);
  }

  /** Team mode turns on when the folder holds a reviewer file: at activation, or when one arrives (a pull). */
  private async joinIfFiles(folder: vscode.Uri): Promise<void> {
    if (this.on || this.left || this.joining) return;
    const names = await jsonFiles(folder);
    if (names.length === 0) return;
    this.joining = true;
    try {
      const me = await resolveReviewer(folder, true);
      if (me === undefined || this.on || this.left) return;
      this.me = me;
      this.on = true;
      this.changed.fire();
    } finally {
      this.joining = false;
    }
  }

  /** Start Team Screening: from now on this window's decisions go to its reviewer's file. */
  async start(): Promise<'started' | 'already' | 'no-folder' | 'no-reviewer'> {
    const folder = this.folder();
    if (!folder) return 'no-folder';
    if (this.on) return 'already';
    const me = await resolveReviewer(folder, true);
    if (me === undefined) return 'no-reviewer';
    await writeGitIgnore(folder);
    this.me = me;
    this.on = true;
    this.left = false;
    this.watch(folder);
    await this.reload();
    this.changed.fire();
    return 'started';
  }

  /**
   * Leaves team mode in this window: the store goes back to the state file, taking this window's decisions
   * along (the reviewer file stays as it is).
   */
  stop(): void {
    this.left = true;
    if (!this.on) return;
    this.on = false;
    this.changed.fire();
  }

  /** Reads every reviewer file again (one read at a time, so the last one read is what stays). */
  readonly reload = oneAtATime(() => this.read());

  private async read(): Promise<void> {
    const folder = this.folder();
    if (!folder) return;
    const { sources, unreadable } = await readFolder(folder);
    const set = loadReviewerSet(sources);
    const problems = [...set.problems, ...unreadable].sort((a, b) => (a.name < b.name ? -1 : 1));
    // Each save of my own file comes back here through the watcher: nothing that shows the others changes
    // then (my decisions are the store's), so the views are not rebuilt for it.
    const mine = this.me === undefined ? undefined : reviewerFileName(this.me);
    const read = JSON.stringify([sources.filter((s) => s.name !== mine), problems]);
    if (read === this.lastRead) return;
    this.lastRead = read;
    this.files = set.reviewers;
    this.problemList = problems;
    this.changed.fire();
  }

  private watch(folder: vscode.Uri): void {
    const root = primaryFolder();
    if (!root) return;
    this.watcher ??= watchJsonFiles(root, REVIEWERS_FOLDER, () => {
      void this.reload().then(() => this.joinIfFiles(folder));
    });
  }

  dispose(): void {
    this.watcher?.dispose();
    this.changed.dispose();
  }
}
