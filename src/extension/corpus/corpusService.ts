import * as vscode from 'vscode';
import { showError } from '../shared/notifications';
import { CorpusError, type Paper, type ReadWarning } from '../../core/model/paper';
import { settings } from '../settings';
import { corpusFiles, corpusWatchPatterns, type CorpusSource } from './corpusFiles';
import { withProgressWhenLong } from '../shared/longWork';
import { CORPUS_WORKER_SCRIPT, readsOffThread } from './offThreadPolicy';
import { readCorporaOffThread } from './readOffThread';
import { readCorpora, type CorporaRead, type CorpusFileBytes } from './readCorpora';
import { quoted, shownText, ui, uiJoin } from '../shared/uiText';

export const BUNDLED_SEED = 'seeds/hf-daily-papers-seed.txt';

export interface CorpusLoad {
  papers: Paper[];
  /** The files read, in reading order, with how many papers each gave (before merging across files). */
  files: { label: string; papers: number }[];
  warnings: ReadWarning[];
  errors: { file: string; message: string }[];
  /** Whether the files were parsed on the corpus reader worker (large corpora) rather than in place. */
  readInBackground: boolean;
}

/**
 * Reads the bundled seed and the corpora named in `literatureTriage.corpora`, merges them into one list of
 * papers, and reloads when a corpus file or the setting changes. Warnings go to the output channel, errors
 * to a notification naming the file; a broken file never hides the others.
 */
export class CorpusService implements vscode.Disposable {
  private papers: Paper[] = [];
  private index = new Map<string, Paper>();
  private last: CorpusLoad | undefined;
  private readonly changed = new vscode.EventEmitter<CorpusLoad>();
  readonly onDidChange = this.changed.event;
  private watchers: vscode.Disposable[] = [];
  private watchedEntries: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  private loading: Promise<CorpusLoad> | undefined;
  private rerun: Promise<CorpusLoad> | undefined;
  /** Errors already shown as a notification: shown again only after the file was fine once. */
  private notified = new Set<string>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.OutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affects(e, 'corpora') || settings.affects(e, 'includeBundledSeed'))
          this.scheduleReload(0);
      }),
    );
  }

  get all(): readonly Paper[] {
    return this.papers;
  }

  /** The outcome of the last completed load. */
  get lastLoad(): CorpusLoad | undefined {
    return this.last;
  }

  byId(id: string): Paper | undefined {
    return this.index.get(id);
  }

  /**
   * Loads (or reloads) every corpus. A call made while a load runs gets a fresh load once that one ends (the
   * running one may have read a file before it changed); calls made meanwhile share it.
   */
  load(): Promise<CorpusLoad> {
    if (!this.loading) {
      this.loading = this.readAllWithProgress().finally(() => (this.loading = undefined));
      return this.loading;
    }
    this.rerun ??= this.loading
      .catch(() => undefined)
      .then(() => {
        this.rerun = undefined;
        return this.load();
      });
    return this.rerun;
  }

  private readAllWithProgress(): Promise<CorpusLoad> {
    return withProgressWhenLong(ui`Literature Triage: reading corpora`, (report) =>
      this.readAll((label) => report(shownText(label))),
    );
  }

  private async readAll(report: (message: string) => void): Promise<CorpusLoad> {
    const sources: CorpusSource[] = [];
    if (settings.includeBundledSeed()) {
      sources.push({ uri: vscode.Uri.joinPath(this.extensionUri, BUNDLED_SEED), label: BUNDLED_SEED });
    }
    const entries = settings.corpora();
    const named = await corpusFiles(entries);
    sources.push(...named.sources);
    const load: CorpusLoad = { papers: [], files: [], warnings: [], errors: [], readInBackground: false };
    for (const problem of named.problems) load.errors.push({ file: problem.entry, message: problem.message });
    const files: CorpusFileBytes[] = [];
    for (const source of sources) {
      try {
        files.push({ label: source.label, bytes: await vscode.workspace.fs.readFile(source.uri) });
      } catch (error) {
        load.errors.push({ file: source.label, message: describeReadError(error) });
      }
    }
    const read = await this.parse(files, report, load);
    load.papers = read.papers;
    load.files = read.files;
    load.warnings = read.warnings;
    for (const { label, error } of read.failures)
      load.errors.push({ file: label, message: describeReadError(error) });
    this.papers = load.papers;
    this.index = new Map(load.papers.map((p) => [p.id, p]));
    this.last = load;
    this.report(load);
    this.watch(entries);
    this.changed.fire(load);
    return load;
  }

  /** Parses and merges the files: on the worker thread when that takes long, in place when it is quick. */
  private async parse(
    files: CorpusFileBytes[],
    report: (message: string) => void,
    load: CorpusLoad,
  ): Promise<CorporaRead> {
    if (!readsOffThread(files)) return readCorpora(files, report);
    load.readInBackground = true;
    report(files.map((f) => f.label).join(', '));
    const script = vscode.Uri.joinPath(this.extensionUri, CORPUS_WORKER_SCRIPT).fsPath;
    try {
      return await readCorporaOffThread(script, files);
    } catch (error) {
      this.log.appendLine(
        ui`The corpus reader worker failed (${String(error)}); reading in the extension host.`,
      );
      load.readInBackground = false;
      return readCorpora(files, report);
    }
  }

  private report(load: CorpusLoad): void {
    this.log.appendLine(
      uiJoin(
        ui`Loaded ${load.papers.length} papers from ${load.files.length} corpus file(s)`,
        load.readInBackground ? ui` (read in the background)` : ui``,
        load.warnings.length ? ui`, ${load.warnings.length} warning(s):` : ui`.`,
      ),
    );
    for (const w of load.warnings) {
      const where = w.line !== undefined ? `:${w.line}` : w.record !== undefined ? ` record ${w.record}` : '';
      const level = w.severity === 'info' ? 'info' : 'warning';
      this.log.appendLine(ui`  ${level} ${w.file}${where}: ${w.message}`);
    }
    const current = new Set<string>();
    for (const e of load.errors) {
      this.log.appendLine(ui`  error ${e.file}: ${e.message}`);
      const id = `${e.file}\n${e.message}`;
      current.add(id);
      if (this.notified.has(id)) continue;
      void showError(
        ui`Literature Triage: cannot read corpus ${quoted(e.file, 120)}: ${e.message}`,
        {},
        ui`Show Output`,
      ).then((choice) => choice && this.log.show(true));
    }
    this.notified = current;
  }

  private watch(entries: readonly string[]): void {
    const signature = JSON.stringify(entries);
    if (signature === this.watchedEntries) return;
    this.watchedEntries = signature;
    for (const w of this.watchers) w.dispose();
    this.watchers = corpusWatchPatterns(entries).map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidChange(() => this.scheduleReload());
      watcher.onDidCreate(() => this.scheduleReload());
      watcher.onDidDelete(() => this.scheduleReload());
      return watcher;
    });
  }

  /** File events come in bursts (save, git checkout): reload once they settle. */
  scheduleReload(delayMs = 300): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.load(), delayMs);
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
    this.changed.dispose();
  }
}

/** The reader's message without the file name it starts with (the notification names the file already). */
function describeReadError(error: unknown): string {
  if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound')
    return 'the file does not exist';
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CorpusError) {
    return error.line !== undefined ? `line ${error.line}: ${error.detail}` : error.detail;
  }
  return message;
}
