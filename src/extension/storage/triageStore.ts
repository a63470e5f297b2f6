import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  canUndo,
  changesBetween,
  commit,
  createHistory,
  emptyState,
  merge,
  parse,
  serialize,
  undo,
  type History,
  type TriageState,
} from '../../core/triage';
import { parseReviewerFile, serializeReviewerFile } from '../../core/team';
import { readTextIfExists, writeWorkspaceFileAtomically } from '../shared/workspaceFiles';
import { DiskFullError, FolderInTheWayError, isDiskFull } from '../shared/atomicWrite';
import { EditJournal, orphanJournals } from './editJournal';
import { replayOrphanJournals } from './journalRecovery';
import { withFileLock } from '../shared/fileLock';
import { rebaseHistory } from './rebaseHistory';

/**
 * Why the state file is not in step with this window. `unreadable` (corrupt, a newer version, not UTF-8, an I/O
 * error on read) blocks every save until the file reads again; `write-failed` (read-only, a folder in the way,
 * disk full) is retried on the next change.
 */
type StoreProblem =
  { kind: 'unreadable'; message: string } | { kind: 'write-failed'; message: string } | undefined;

/**
 * The triage state of this window, with undo, persisted to the state file.
 *
 * - Every edit is appended to this window's journal beside the file (see EditJournal) and flushed to the disk
 *   before it is reported, so a reported edit survives a crash; the file itself is written a moment later
 *   (durably, under the lock every writer takes) and the journal emptied. Journals left by a window that
 *   closed or crashed with unsaved edits are replayed when the store opens, and the user is told.
 * - The file is created on the first decision and written through a temp file + rename.
 * - Changes made elsewhere (another window, git pull, a hand edit) arrive through a file watcher and are merged
 *   with this window's state, using the last state read from or written to disk as the common base; the undo
 *   steps are rebased too, so undo never reverts the other side's changes.
 * - A corrupt or future-version file is never overwritten: edits stay in memory and in the journal until the
 *   file is fixed, and a window that opens the fixed file replays them if this one was closed meanwhile.
 * - A failed write (read-only file, full disk) keeps the edits in memory and retries on the next change.
 * - A file deleted while open is written again from memory: a deletion never loses decisions.
 *
 * Reads and writes run one at a time, so a reload never interleaves with a save.
 */
export class TriageStore implements vscode.Disposable {
  private history: History = createHistory(emptyState());
  /** The state the file holds as far as we know: the base of three-way merges. */
  private diskState: TriageState = emptyState();
  /** The file's text as last read or written; undefined when there is no file (as far as we know). */
  private diskText: string | undefined;
  private dirty = false;
  private problemState: StoreProblem;
  private saveTimer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private watcher: vscode.FileSystemWatcher | undefined;
  private watchedFile: string | undefined;
  private focusListener: vscode.Disposable | undefined;
  private disposed = false;
  private journal: EditJournal | undefined;
  /** Set when an edit could not be journaled: the next append then carries every change since this state. */
  private unjournaledSince: TriageState | undefined;
  private readonly changed = new vscode.EventEmitter<TriageState>();
  readonly onDidChange = this.changed.event;
  private readonly problemChanged = new vscode.EventEmitter<StoreProblem>();
  readonly onDidChangeProblem = this.problemChanged.event;
  private readonly reported = new vscode.EventEmitter<string>();
  /** Things worth a line in the output channel. */
  readonly onDidReport = this.reported.event;
  private readonly recoveredEdits = new vscode.EventEmitter<number>();
  /** Edits recovered from journals a closed or crashed window left behind: how many. */
  readonly onDidRecover = this.recoveredEdits.event;

  /**
   * `reviewer` names whose reviewer file `locate` points at in team screening (the file then carries
   * `"reviewer"` and must name that reviewer); undefined: a plain state file.
   */
  constructor(
    private readonly locate: () => vscode.Uri,
    private readonly saveDelayMs = 150,
    private readonly reviewer: () => string | undefined = () => undefined,
  ) {}

  private toText(state: TriageState): string {
    const reviewer = this.reviewer();
    return reviewer === undefined ? serialize(state) : serializeReviewerFile({ reviewer, state });
  }

  private fromText(text: string): TriageState {
    const reviewer = this.reviewer();
    if (reviewer === undefined) return parse(text);
    const file = parseReviewerFile(text);
    if (file.reviewer !== reviewer) {
      throw new Error(`the file holds the decisions of reviewer "${file.reviewer}", not "${reviewer}"`);
    }
    return file.state;
  }

  get state(): TriageState {
    return this.history.present;
  }

  get file(): vscode.Uri {
    return this.locate();
  }

  get problem(): StoreProblem {
    return this.problemState;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  get canUndo(): boolean {
    return canUndo(this.history);
  }

  /**
   * Reads the state file (if any) and starts watching it. The file is also read again whenever the window
   * gets the focus back: a change made while a watcher was not yet (or no longer) running is still merged.
   */
  async open(): Promise<void> {
    this.watch();
    this.focusListener ??= vscode.window.onDidChangeWindowState((window) => {
      if (window.focused) void this.reloadFromDisk();
    });
    await this.enqueue(async () => {
      await this.reload();
      await this.recoverJournals();
    });
  }

  /** Applies a pure state operation as one undoable step and schedules a save. */
  apply(operation: (state: TriageState) => TriageState): void {
    const previous = this.history.present;
    const next = operation(previous);
    if (next === previous) return;
    this.history = commit(this.history, next);
    this.journalEdit(previous, next);
    this.afterLocalChange();
  }

  undo(): boolean {
    if (!canUndo(this.history)) return false;
    const previous = this.history.present;
    this.history = undo(this.history);
    this.journalEdit(previous, this.history.present);
    this.afterLocalChange();
    return true;
  }

  /** Tries again to save edits a failed write left in memory. */
  retrySave(): void {
    if (this.dirty) this.scheduleSave(0);
  }

  /** Resolves once every scheduled read and save has been attempted. */
  async flush(): Promise<void> {
    for (;;) {
      if (this.saveTimer) {
        clearTimeout(this.saveTimer);
        this.saveTimer = undefined;
        void this.enqueue(() => this.save());
      }
      const pending = this.queue;
      await pending;
      if (pending === this.queue && !this.saveTimer) return;
    }
  }

  /** Re-reads the file, e.g. after it was fixed or changed elsewhere, and merges it in. */
  reloadFromDisk(): Promise<void> {
    return this.enqueue(async () => {
      await this.reload();
      // Also picks up what another window left since (it crashed, or closed while the file was corrupt).
      await this.recoverJournals();
    });
  }

  /** Points the store at another file (the setting or the folders changed): watch it and merge what it holds. */
  async relocate(): Promise<void> {
    if (this.locate().toString() === this.watchedFile) return;
    this.watch();
    await this.enqueue(async () => {
      this.diskText = undefined;
      this.diskState = emptyState();
      this.dirty = this.history.present.papers.size > 0;
      if (this.problemState) this.setProblem(undefined);
      this.moveJournal();
      await this.reload();
      await this.recoverJournals();
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async reload(): Promise<void> {
    const file = this.locate();
    let text: string | undefined;
    try {
      text = await readTextIfExists(file);
    } catch (error) {
      if (isDirectoryError(error)) {
        this.setProblem({ kind: 'write-failed', message: `${file.fsPath} is a folder, not a file` });
      } else {
        this.setProblem({ kind: 'unreadable', message: describe(error) });
      }
      return;
    }
    if (text === undefined) return this.fileIsMissing();
    if (text === this.diskText) {
      if (this.problemState?.kind === 'unreadable') this.setProblem(undefined);
      if (this.dirty) this.scheduleSave();
      return;
    }
    let disk: TriageState;
    try {
      disk = this.fromText(text);
    } catch (error) {
      this.setProblem({ kind: 'unreadable', message: describe(error) });
      return;
    }
    if (this.problemState?.kind === 'unreadable') this.setProblem(undefined);
    const base = this.diskState;
    const merged = merge(this.history.present, disk, base);
    this.history = rebaseHistory(this.history, base, disk);
    this.diskState = disk;
    this.diskText = text;
    const mergedText = this.toText(merged);
    if (mergedText !== this.toText(this.history.present)) {
      this.history = { ...this.history, present: merged };
      this.changed.fire(merged);
    }
    this.dirty = mergedText !== text;
    if (!this.dirty) this.journalSaved();
    if (this.dirty) this.scheduleSave();
    else if (this.problemState?.kind === 'write-failed') this.setProblem(undefined);
  }

  /** No file: never created yet, or deleted while open (then what memory holds is written back). */
  private fileIsMissing(): void {
    const hadFile = this.diskText !== undefined;
    this.diskText = undefined;
    this.diskState = emptyState();
    if (this.problemState?.kind === 'unreadable') this.setProblem(undefined);
    if (this.history.present.papers.size === 0) {
      this.dirty = false;
      this.journalSaved();
      return;
    }
    if (hadFile)
      this.reported.fire(`${this.locate().fsPath} was deleted; writing the decisions kept in memory back.`);
    this.dirty = true;
    this.scheduleSave();
  }

  /** A corrupt or future-version file is never written over. */
  private isBlocked(): boolean {
    return this.problemState?.kind === 'unreadable';
  }

  private afterLocalChange(): void {
    this.dirty = true;
    this.changed.fire(this.history.present);
    this.scheduleSave();
  }

  private scheduleSave(delayMs = this.saveDelayMs): void {
    if (this.disposed) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.enqueue(() => this.save());
    }, delayMs);
  }

  private async save(): Promise<void> {
    if (!this.dirty || this.isBlocked()) return;
    const file = this.locate();
    try {
      // Every writer (each window, the CLI) checks and writes the file under its lock, so nothing written
      // between our last look at the file and our rename can be overwritten.
      if (file.scheme === 'file') await withFileLock(file.fsPath, () => this.saveLocked(file));
      else await this.saveLocked(file);
    } catch (error) {
      const message = isDirectoryError(error) ? `${file.fsPath} is a folder, not a file` : describe(error);
      this.setProblem({ kind: 'write-failed', message });
    }
  }

  private async saveLocked(file: vscode.Uri): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await readTextIfExists(file);
      const state = this.history.present;
      if (current === undefined && this.diskText === undefined && state.papers.size === 0) {
        // Nothing decided yet and no file: do not create an empty one.
        this.dirty = false;
        this.journalSaved();
        return;
      }
      if (current !== undefined && current !== this.diskText) {
        // Changed since our last read: merge it first (nobody else can write it while we hold the lock).
        await this.reload();
        if (this.isBlocked() || !this.dirty) return;
        continue;
      }
      const text = this.toText(state);
      await writeWorkspaceFileAtomically(file, text);
      this.diskText = text;
      this.diskState = state;
      this.dirty = this.toText(this.history.present) !== text;
      if (this.dirty) this.journalSavedUpTo(state);
      else this.journalSaved();
      if (this.problemState?.kind === 'write-failed') this.setProblem(undefined);
      return;
    }
    this.scheduleSave();
  }

  /** Appends the edit to the journal (on disk when this returns) before the change is reported. */
  private journalEdit(previous: TriageState, next: TriageState): void {
    const file = this.locate();
    if (file.scheme !== 'file') return;
    const changes = changesBetween(this.unjournaledSince ?? previous, next);
    if (changes.length === 0) return;
    try {
      this.journal ??= new EditJournal(file.fsPath);
      this.journal.append({ at: new Date().toISOString(), changes });
      this.unjournaledSince = undefined;
    } catch (error) {
      this.unjournaledSince ??= previous;
      const message = `the edit could not be recorded on disk (${describe(error)}); it is kept in memory`;
      this.reported.fire(message);
      // An unreadable file stays the problem: it must keep blocking saves.
      if (!this.isBlocked()) this.setProblem({ kind: 'write-failed', message: describe(error) });
    }
  }

  /** The file holds everything this window has: its journal can go. */
  private journalSaved(): void {
    this.unjournaledSince = undefined;
    try {
      this.journal?.trim();
    } catch (error) {
      this.reported.fire(`could not empty the journal ${this.journal?.path}: ${describe(error)}`);
    }
  }

  /** The file holds `saved`, and edits made during the write are not in it: the journal keeps only those. */
  private journalSavedUpTo(saved: TriageState): void {
    const journal = this.journal;
    if (!journal?.hasEdits && !this.unjournaledSince) return;
    try {
      this.journal = journal ?? new EditJournal(this.locate().fsPath);
      this.journal.replace({
        at: new Date().toISOString(),
        changes: changesBetween(saved, this.history.present),
      });
      this.unjournaledSince = undefined;
    } catch (error) {
      // The old journal still holds these edits, with some the file has too: a replay merges those again.
      this.reported.fire(`could not shorten the journal of unsaved edits: ${describe(error)}`);
    }
  }

  /**
   * Replays the journals a closed or crashed window left beside the state file onto this window's state. Not
   * while the file cannot be read: the edits are replayed onto what it holds once it reads again. Under the
   * file's lock, so two windows never both take one journal; its edits are carried into this window's own
   * journal before it is removed, so a crash now loses nothing either.
   */
  private async recoverJournals(): Promise<void> {
    const file = this.locate();
    if (file.scheme !== 'file' || this.isBlocked() || orphanJournals(file.fsPath).length === 0) return;
    try {
      await withFileLock(file.fsPath, async () => this.recoverLocked(file.fsPath));
    } catch (error) {
      this.reported.fire(`could not replay the journals of unsaved edits: ${describe(error)}`);
    }
  }

  private recoverLocked(stateFile: string): void {
    const previous = this.history.present;
    const { state, recovered, replayed, unreadable } = replayOrphanJournals(stateFile, previous);
    for (const why of unreadable)
      this.reported.fire(`A journal of unsaved edits cannot be read and is left alone: ${why}`);
    if (state !== previous) {
      // Like a change from elsewhere: undo steps keep the recovered edits.
      this.history = { ...rebaseHistory(this.history, previous, state), present: state };
      this.journalEdit(previous, state);
      this.afterLocalChange();
    }
    // Not carried into this window's journal (it cannot be written): the old ones stay until the file has them.
    if (!this.unjournaledSince) for (const path of replayed) rmSync(path, { force: true });
    if (recovered > 0) {
      this.reported.fire(`Recovered ${recovered} unsaved edits from ${replayed.join(', ')}.`);
      this.recoveredEdits.fire(recovered);
    }
  }

  /** The store moves to another file: its journal moves along. */
  private moveJournal(): void {
    const old = this.journal;
    if (!old) return;
    this.journal = undefined;
    // Unsaved edits go along (as one record of the whole state: they were relative to the old file).
    const carry = old.hasEdits || this.unjournaledSince !== undefined;
    this.unjournaledSince = undefined;
    if (carry) this.journalEdit(emptyState(), this.history.present);
    try {
      if (this.unjournaledSince) old.release();
      else old.discard();
    } catch (error) {
      this.reported.fire(`could not close the journal ${old.path}: ${describe(error)}`);
    }
  }

  private releaseJournal(): void {
    try {
      this.journal?.release();
    } catch (error) {
      this.reported.fire(`could not close the journal ${this.journal?.path}: ${describe(error)}`);
    }
    this.journal = undefined;
  }

  private watch(): void {
    this.watcher?.dispose();
    const file = this.locate();
    this.watchedFile = file.toString();
    const slash = file.path.lastIndexOf('/');
    const folder = file.with({ path: file.path.slice(0, slash) || '/' });
    this.watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(folder, file.path.slice(slash + 1)),
    );
    const onEvent = () => void this.reloadFromDisk();
    this.watcher.onDidChange(onEvent);
    this.watcher.onDidCreate(onEvent);
    this.watcher.onDidDelete(onEvent);
  }

  private setProblem(problem: StoreProblem): void {
    if (problem?.kind === this.problemState?.kind && problem?.message === this.problemState?.message) return;
    this.problemState = problem;
    this.problemChanged.fire(problem);
  }

  /** Stops watching; a save still waiting for its delay is started at once so a quick close loses nothing. */
  dispose(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      void this.enqueue(() => this.save());
    }
    void this.enqueue(async () => this.releaseJournal());
    this.disposed = true;
    this.watcher?.dispose();
    this.focusListener?.dispose();
    this.changed.dispose();
    this.problemChanged.dispose();
    this.reported.dispose();
    this.recoveredEdits.dispose();
  }
}

function describe(error: unknown): string {
  if (isDiskFull(error) && !(error instanceof DiskFullError)) {
    return new DiskFullError('', (error as NodeJS.ErrnoException).code ?? 'ENOSPC').message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A folder where the state file should be, whether Node or a VS Code file system provider found it. */
function isDirectoryError(error: unknown): boolean {
  if (error instanceof FolderInTheWayError || (error as NodeJS.ErrnoException | undefined)?.code === 'EISDIR')
    return true;
  return error instanceof vscode.FileSystemError && error.code === 'FileIsADirectory';
}
