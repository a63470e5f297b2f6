import * as vscode from 'vscode';
import type { Paper, ReadWarning } from '../../core/model/paper';
import { readCorpus } from '../../core/readers';
import { mergePapers } from '../../core/identity/merge';
import { settings } from '../settings';
import { corpusFiles, corpusWatchPatterns } from './corpusFiles';

export const BUNDLED_SEED = 'seeds/hf-daily-papers-seed.txt';

export interface CorpusLoad {
  papers: Paper[];
  files: string[];
  warnings: ReadWarning[];
  errors: { file: string; message: string }[];
}

/**
 * Reads the bundled seed and the corpora named in `literatureTriage.corpora`, merges them into one list of
 * papers, and reloads when a corpus file or the setting changes. Warnings go to the output channel, errors
 * to a notification naming the file; a broken file never hides the others.
 */
export class CorpusService implements vscode.Disposable {
  private papers: Paper[] = [];
  private index = new Map<string, Paper>();
  private readonly changed = new vscode.EventEmitter<CorpusLoad>();
  readonly onDidChange = this.changed.event;
  private watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  private loading: Promise<CorpusLoad> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.OutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affects(e, 'corpora') || settings.affects(e, 'includeBundledSeed'))
          this.scheduleReload();
      }),
    );
  }

  get all(): readonly Paper[] {
    return this.papers;
  }

  byId(id: string): Paper | undefined {
    return this.index.get(id);
  }

  /** Loads (or reloads) every corpus; concurrent calls share one load. */
  load(): Promise<CorpusLoad> {
    this.loading ??= this.readAll().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async readAll(): Promise<CorpusLoad> {
    const sources: { uri: vscode.Uri; label: string }[] = [];
    if (settings.includeBundledSeed()) {
      sources.push({ uri: vscode.Uri.joinPath(this.extensionUri, BUNDLED_SEED), label: BUNDLED_SEED });
    }
    sources.push(...(await corpusFiles(settings.corpora())));
    const load: CorpusLoad = { papers: [], files: [], warnings: [], errors: [] };
    const lists: Paper[][] = [];
    for (const source of sources) {
      try {
        const bytes = await vscode.workspace.fs.readFile(source.uri);
        const result = readCorpus(bytes, source.label);
        lists.push(result.papers);
        load.warnings.push(...result.warnings);
        load.files.push(source.label);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        load.errors.push({ file: source.label, message });
      }
    }
    load.papers = mergePapers(lists);
    this.papers = load.papers;
    this.index = new Map(load.papers.map((p) => [p.id, p]));
    this.report(load);
    this.watch();
    this.changed.fire(load);
    return load;
  }

  private report(load: CorpusLoad): void {
    this.log.appendLine(
      `Loaded ${load.papers.length} papers from ${load.files.length} corpus file(s)` +
        (load.warnings.length ? `, ${load.warnings.length} warning(s):` : '.'),
    );
    for (const w of load.warnings) {
      const where = w.line !== undefined ? `:${w.line}` : w.record !== undefined ? ` record ${w.record}` : '';
      this.log.appendLine(`  ${w.file}${where}: ${w.message}`);
    }
    for (const e of load.errors) {
      this.log.appendLine(`  ERROR ${e.message}`);
      void vscode.window
        .showErrorMessage(`Literature Triage: cannot read corpus ${e.file}: ${e.message}`, 'Show Output')
        .then((choice) => choice && this.log.show(true));
    }
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = corpusWatchPatterns(settings.corpora()).map((pattern) => {
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
