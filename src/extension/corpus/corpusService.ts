import * as vscode from 'vscode';
import { showError } from '../shared/notifications';
import type { FileDecision, ReadWarning } from '../../core/model/paper';
import type { CorpusFileSource, PaperSummary, ReadFailure } from '../../worker/protocol';
import type { LibraryClient } from '../library';
import { settings } from '../settings';
import { corpusFiles, corpusWatchPatterns, type CorpusSource } from './corpusFiles';
import { withProgressWhenLong } from '../shared/longWork';
import { quoted, shownText, ui, uiJoin } from '../shared/uiText';

export const BUNDLED_SEED = 'seeds/hf-daily-papers-seed.txt';

export interface CorpusLoad {
  /** What the host keeps of each paper; the papers themselves are in the library worker. */
  papers: PaperSummary[];
  /** The worker's name for this list of papers (see LoadResult). */
  generation: number;
  /**
   * The files read, in reading order, with how many papers each gave (before merging across files) and how
   * many records it held (duplicates inside the file included).
   */
  files: { label: string; papers: number; records: number }[];
  warnings: ReadWarning[];
  /** Screening decisions the files carry (a CSV's labels), under the papers' ids. */
  decisions: FileDecision[];
  errors: { file: string; message: string }[];
}

/**
 * Has the library worker read the bundled seed and the corpora named in `literatureTriage.corpora` and merge
 * them into one list of papers, keeps their summaries, and reloads when a corpus file or the setting changes. Warnings go to the output channel, errors
 * to a notification naming the file; a broken file never hides the others.
 */
export class CorpusService implements vscode.Disposable {
  private papers: PaperSummary[] = [];
  private index = new Map<string, PaperSummary>();
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
    private readonly worker: LibraryClient,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affects(e, 'corpora') || settings.affects(e, 'includeBundledSeed'))
          this.scheduleReload(0);
      }),
    );
  }

  get all(): readonly PaperSummary[] {
    return this.papers;
  }

  /** The outcome of the last completed load. */
  get lastLoad(): CorpusLoad | undefined {
    return this.last;
  }

  /** A line in the output channel (the library's indexing report). */
  logLine(text: string): void {
    this.log.appendLine(ui`${text}`);
  }

  byId(id: string): PaperSummary | undefined {
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
    const errors: CorpusLoad['errors'] = named.problems.map((p) => ({ file: p.entry, message: p.message }));
    const files: CorpusFileSource[] = [];
    for (const source of sources) {
      // The worker reads local files itself; other file systems' bytes are read here and handed over.
      if (source.uri.scheme === 'file') {
        files.push({ label: source.label, path: source.uri.fsPath });
        continue;
      }
      try {
        files.push({ label: source.label, bytes: await vscode.workspace.fs.readFile(source.uri) });
      } catch (error) {
        errors.push({ file: source.label, message: describeReadError(error) });
      }
    }
    const papers: PaperSummary[] = [];
    const read = await this.worker.request(
      'load',
      { files },
      { onBatch: (items) => papers.push(...items), onProgress: (label) => report(label) },
    );
    for (const failure of read.failures)
      errors.push({ file: failure.label, message: describeFailure(failure) });
    const load: CorpusLoad = {
      papers,
      generation: read.generation,
      files: [...read.files],
      warnings: [...read.warnings],
      decisions: [...read.decisions],
      errors,
    };
    this.papers = papers;
    this.index = new Map(papers.map((p) => [p.id, p]));
    this.last = load;
    this.report(load);
    this.watch(entries);
    this.changed.fire(load);
    return load;
  }

  private report(load: CorpusLoad): void {
    this.log.appendLine(
      uiJoin(
        ui`Loaded ${load.papers.length} papers from ${load.files.length} corpus file(s)`,
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

/** The message without the file name it starts with (the notification names the file already). */
function describeReadError(error: unknown): string {
  if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound')
    return 'the file does not exist';
  return error instanceof Error ? error.message : String(error);
}

function describeFailure(failure: ReadFailure): string {
  const corpusError = failure.corpusError;
  if (!corpusError) return failure.message;
  return corpusError.line !== undefined
    ? `line ${corpusError.line}: ${corpusError.detail}`
    : corpusError.detail;
}
