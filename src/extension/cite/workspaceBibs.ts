import * as vscode from 'vscode';
import { parseBibFile, type BibEntry, type BibProblem } from '../../core/bibtex/bibFile';
import type { OutputLog } from '../shared/outputLog';
import { ui } from '../shared/uiText';

export interface WorkspaceBib {
  uri: vscode.Uri;
  /** Workspace-relative, as shown to the user. */
  name: string;
  entries: readonly BibEntry[];
}

const BIB_GLOB = '**/*.bib';
const EXCLUDE = '**/{node_modules,.git}/**';
const MAX_FILES = 2000;
const RELOAD_DELAY_MS = 150;

/**
 * Every `.bib` in the workspace, read with the core BibTeX reader and read again when it changes on disk or in
 * an editor (unsaved edits count: they are what the user sees). A file with a syntax error still gives its other
 * entries; its problems go to the log once per version of the file.
 */
export class WorkspaceBibs implements vscode.Disposable {
  private readonly files = new Map<string, WorkspaceBib>();
  private readonly reported = new Map<string, string>();
  private loaded: Promise<void> | undefined;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: OutputLog) {
    const watcher = vscode.workspace.createFileSystemWatcher(BIB_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.reloadSoon(uri)),
      watcher.onDidChange((uri) => this.reloadSoon(uri)),
      watcher.onDidDelete((uri) => {
        if (this.files.delete(uri.toString())) this.changed.fire();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isBib(e.document.uri) && e.contentChanges.length) this.reloadSoon(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // Unsaved edits were dropped: the file on disk is what counts again.
        if (isBib(d.uri) && this.files.has(d.uri.toString())) this.reloadSoon(d.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.loaded = undefined;
        this.files.clear();
        this.changed.fire();
      }),
      this.changed,
    );
  }

  /** The files, read the first time they are asked for. */
  async all(): Promise<readonly WorkspaceBib[]> {
    this.loaded ??= this.loadAll();
    await this.loaded;
    return [...this.files.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  byName(name: string): WorkspaceBib | undefined {
    for (const bib of this.files.values()) if (bib.name === name) return bib;
    return undefined;
  }

  private async loadAll(): Promise<void> {
    const uris = await vscode.workspace.findFiles(BIB_GLOB, EXCLUDE, MAX_FILES);
    await Promise.all(uris.map((uri) => this.read(uri)));
  }

  private reloadSoon(uri: vscode.Uri): void {
    if (!this.loaded || !isInWorkspace(uri)) return;
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.read(uri).then(() => this.changed.fire());
      }, RELOAD_DELAY_MS),
    );
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const name = vscode.workspace.asRelativePath(uri);
    let text: string;
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      this.files.delete(uri.toString());
      if ((error as { code?: string }).code !== 'FileNotFound')
        this.log.appendLine(ui`Citations: cannot read ${name}: ${String(error)}`);
      return;
    }
    const parsed = parseBibFile(text.replace(/^\uFEFF/, ''));
    this.files.set(uri.toString(), { uri, name, entries: parsed.entries });
    this.report(uri, name, parsed.problems);
  }

  private report(uri: vscode.Uri, name: string, problems: readonly BibProblem[]): void {
    const summary = problems.map((p) => `${p.line}: ${p.message}`).join('\n');
    if (this.reported.get(uri.toString()) === summary) return;
    this.reported.set(uri.toString(), summary);
    for (const p of problems)
      this.log.appendLine(
        ui`Citations: ${name}:${p.line}: ${p.message} (the entry is skipped, the rest is used)`,
      );
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}

const isBib = (uri: vscode.Uri): boolean => uri.path.toLowerCase().endsWith('.bib');

const isInWorkspace = (uri: vscode.Uri): boolean =>
  vscode.workspace.getWorkspaceFolder(uri) !== undefined && !/\/(node_modules|\.git)\//.test(uri.path);
