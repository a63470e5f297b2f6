import * as vscode from 'vscode';
import {
  canUndo,
  commit,
  createHistory,
  emptyState,
  merge,
  parse,
  serialize,
  StateFileError,
  undo,
  type History,
  type TriageState,
} from '../../core/triage';
import { readTextIfExists, writeFileAtomically } from './atomicWrite';

export type StoreProblem =
  { kind: 'unreadable'; message: string } | { kind: 'write-failed'; message: string } | undefined;

/**
 * The triage state of this window, with undo, persisted to the state file.
 *
 * - The file is created on the first decision and written through a temp file + rename.
 * - Changes made elsewhere (another window, git pull, a hand edit) arrive through a file watcher and are merged
 *   with this window's state, using the last state read from or written to disk as the common base.
 * - A corrupt or future-version file is never overwritten: edits stay in memory until the file is fixed.
 * - A failed write (read-only file, full disk) keeps the edits in memory and retries on the next change.
 */
export class TriageStore implements vscode.Disposable {
  private history: History = createHistory(emptyState());
  /** The state the file holds as far as we know: the base of three-way merges. */
  private diskState: TriageState = emptyState();
  private lastWrittenText: string | undefined;
  private dirty = false;
  private problemState: StoreProblem;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly changed = new vscode.EventEmitter<TriageState>();
  readonly onDidChange = this.changed.event;
  private readonly problemChanged = new vscode.EventEmitter<StoreProblem>();
  readonly onDidChangeProblem = this.problemChanged.event;

  constructor(
    private readonly locate: () => vscode.Uri,
    private readonly saveDelayMs = 150,
  ) {}

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

  /** Reads the state file (if any) and starts watching it. */
  async open(): Promise<void> {
    this.watch();
    await this.reloadFromDisk();
  }

  /** Applies a pure state operation as one undoable step and schedules a save. */
  apply(operation: (state: TriageState) => TriageState): void {
    const next = operation(this.history.present);
    if (next === this.history.present) return;
    this.history = commit(this.history, next);
    this.afterLocalChange();
  }

  undo(): boolean {
    if (!canUndo(this.history)) return false;
    this.history = undo(this.history);
    this.afterLocalChange();
    return true;
  }

  /** Tries again to save edits a failed write left in memory. */
  retrySave(): void {
    if (this.dirty) this.scheduleSave();
  }

  /** Resolves once every scheduled save has been attempted. */
  async flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.saving = this.saving.then(() => this.save());
    }
    await this.saving;
  }

  /** Re-reads the file, e.g. after it was fixed or changed elsewhere, and merges it in. */
  async reloadFromDisk(): Promise<void> {
    const file = this.locate();
    let text: string | undefined;
    try {
      text = await readTextIfExists(file);
    } catch (error) {
      this.setProblem({ kind: 'unreadable', message: describe(error) });
      return;
    }
    if (text === undefined) {
      if (this.problemState?.kind === 'unreadable') this.setProblem(undefined);
      this.diskState = emptyState();
      if (this.dirty) this.scheduleSave();
      return;
    }
    if (text === this.lastWrittenText) return;
    let disk: TriageState;
    try {
      disk = parse(text);
    } catch (error) {
      const message = error instanceof StateFileError ? error.message : describe(error);
      this.setProblem({ kind: 'unreadable', message });
      return;
    }
    const wasBlocked = this.problemState?.kind === 'unreadable';
    if (wasBlocked) this.setProblem(undefined);
    const merged = merge(this.history.present, disk, this.diskState);
    this.diskState = disk;
    this.lastWrittenText = text;
    if (serialize(merged) !== serialize(this.history.present)) {
      this.history = { ...this.history, present: merged };
      this.changed.fire(merged);
    }
    if (this.dirty || serialize(merged) !== text) {
      this.dirty = true;
      this.scheduleSave();
    }
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

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saving = this.saving.then(() => this.save());
    }, this.saveDelayMs);
  }

  private async save(): Promise<void> {
    if (!this.dirty || this.isBlocked()) return;
    const file = this.locate();
    const state = this.history.present;
    const text = serialize(state);
    if (state.papers.size === 0 && this.lastWrittenText === undefined) {
      // Nothing decided yet and no file: do not create an empty one.
      const existing = await readTextIfExists(file).catch(() => undefined);
      if (existing === undefined) {
        this.dirty = false;
        return;
      }
    }
    try {
      // Last look at the file: an edit made since our last read must be merged, not overwritten.
      const current = await readTextIfExists(file);
      if (current !== undefined && current !== this.lastWrittenText) {
        await this.reloadFromDisk();
        if (this.isBlocked()) return;
        return this.save();
      }
      await writeFileAtomically(file, text);
      this.lastWrittenText = text;
      this.diskState = state;
      this.dirty = serialize(this.history.present) !== text;
      if (this.problemState?.kind === 'write-failed') this.setProblem(undefined);
    } catch (error) {
      this.setProblem({ kind: 'write-failed', message: describe(error) });
    }
  }

  private watch(): void {
    this.watcher?.dispose();
    const file = this.locate();
    const slash = file.path.lastIndexOf('/');
    const folder = file.with({ path: file.path.slice(0, slash) || '/' });
    this.watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(folder, file.path.slice(slash + 1)),
    );
    const onEvent = () => void this.reloadFromDisk();
    this.watcher.onDidChange(onEvent);
    this.watcher.onDidCreate(onEvent);
    this.watcher.onDidDelete(() => {
      this.lastWrittenText = undefined;
      this.diskState = emptyState();
    });
  }

  /** Points the store at another file (the setting changed): watch it and merge what it holds. */
  async relocate(): Promise<void> {
    this.lastWrittenText = undefined;
    this.diskState = emptyState();
    this.dirty = this.history.present.papers.size > 0;
    await this.open();
  }

  private setProblem(problem: StoreProblem): void {
    if (problem?.kind === this.problemState?.kind && problem?.message === this.problemState?.message) return;
    this.problemState = problem;
    this.problemChanged.fire(problem);
  }

  dispose(): void {
    clearTimeout(this.saveTimer);
    this.watcher?.dispose();
    this.changed.dispose();
    this.problemChanged.dispose();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
