/**
 * Gets a corpus indexed: the search index and the topics come from the cache in the extension's global
 * storage when the corpus is unchanged, and are otherwise computed and cached, always on the worker thread
 * (the editor stays responsive; a notification shows progress when it takes a while). A small corpus is
 * looked up in the cache in the host, where it costs less than starting a worker. A new request cancels the
 * one in progress.
 */
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import { SearchIndex, SearchIndexLoadError } from '../../core/search';
import type { Topic } from '../../core/topics';
import { withProgressWhenLong, type ReportProgress } from '../shared/longWork';
import { cachedJob, indexedPaper } from './indexJob';
import { LOW_PRIORITY_FROM, type IndexJobResult, type IndexJobSettings, type IndexPhase } from './protocol';
import { IndexCancelled, indexInWorker, type WorkerJob } from './workerClient';
import { ui, type UiText } from '../shared/uiText';

/** Corpora up to this size are looked up in the cache in the extension host, without starting a worker. */
export const IN_HOST_LIMIT = 100;
/** A progress notification appears when indexing takes longer than this. */
const NOTIFY_AFTER_MS = 500;
export const WORKER_SCRIPT = 'dist/indexer.worker.js';

export interface IndexOptions {
  userTopics: Record<string, string>;
  /** Ignore the cache ("Rebuild Index"). */
  force?: boolean;
  /** Where to report progress when the caller already shows a notification; else the service shows one. */
  report?: ReportProgress;
}

export interface IndexOutcome {
  index: SearchIndex;
  topics: Topic[];
  indexFromCache: boolean;
  topicsFromCache: boolean;
  inWorker: boolean;
  /** Wall-clock milliseconds from request to a loaded index. */
  ms: number;
  /** Milliseconds of the job's phases (in the worker or the host). */
  phases: IndexJobResult['timings'];
  key: string;
}

const PHASE_MESSAGES: Record<IndexPhase, UiText> = {
  hashing: ui`checking the cache`,
  loading: ui`reading the cache`,
  indexing: ui`building the search index`,
  topics: ui`finding topics`,
  saving: ui`saving the index`,
};

export class IndexingService implements vscode.Disposable {
  private current: WorkerJob | undefined;

  constructor(
    private readonly extension: vscode.ExtensionContext,
    private readonly log: vscode.OutputChannel,
  ) {}

  /** Where indexes are cached, or undefined when the global storage is not on a local disk. */
  get cacheDir(): string | undefined {
    const storage = this.extension.globalStorageUri;
    return storage.scheme === 'file' ? vscode.Uri.joinPath(storage, 'index-cache').fsPath : undefined;
  }

  async index(papers: readonly Paper[], options: IndexOptions): Promise<IndexOutcome> {
    this.current?.cancel();
    this.current = undefined;
    const start = performance.now();
    const settings: IndexJobSettings = {
      cacheDir: this.cacheDir,
      userTopics: options.userTopics,
      codeVersion: this.codeVersion(),
      force: options.force ?? false,
      lowPriority: papers.length >= LOW_PRIORITY_FROM,
    };
    // A small corpus is looked up in the cache right here (hashing it takes no time); anything to build, and
    // any large corpus, goes to the worker.
    const cached =
      papers.length <= IN_HOST_LIMIT ? await cachedJob(papers.map(indexedPaper), settings) : undefined;
    const inWorker = cached === undefined;
    const run = (job: IndexJobSettings) => this.inWorker(papers, job, options.report);
    let result = cached ?? (await run(settings));
    let index: SearchIndex;
    try {
      index = SearchIndex.fromBytes(result.bytes, papers);
    } catch (error) {
      if (!(error instanceof SearchIndexLoadError) || !result.indexFromCache) throw error;
      this.log.appendLine(ui`The cached search index could not be read (${error.message}); rebuilding it.`);
      result = await run({ ...settings, force: true });
      index = SearchIndex.fromBytes(result.bytes, papers);
    }
    const outcome: IndexOutcome = {
      index,
      topics: result.topics,
      indexFromCache: result.indexFromCache,
      topicsFromCache: result.topicsFromCache,
      inWorker,
      ms: performance.now() - start,
      phases: result.timings,
      key: result.key,
    };
    this.log.appendLine(describe(papers.length, outcome, result));
    return outcome;
  }

  private inWorker(
    papers: readonly Paper[],
    settings: IndexJobSettings,
    report: ReportProgress | undefined,
  ): Promise<IndexJobResult> {
    const script = vscode.Uri.joinPath(this.extension.extensionUri, WORKER_SCRIPT).fsPath;
    const work = async (progress: ReportProgress) => {
      const job = indexInWorker(script, papers, settings, (phase) => progress(PHASE_MESSAGES[phase]));
      this.current = job;
      try {
        return await job.result;
      } finally {
        if (this.current === job) this.current = undefined;
      }
    };
    if (report) return work(report);
    return withProgressWhenLong(
      ui`Literature Triage: indexing ${papers.length.toLocaleString('en-US')} papers`,
      work,
      { delayMs: NOTIFY_AFTER_MS },
    );
  }

  /** The release, plus the worker bundle's time outside production, so a rebuilt extension drops old caches. */
  private codeVersion(): string {
    const version = String((this.extension.extension.packageJSON as { version?: unknown }).version ?? '0');
    if (this.extension.extensionMode === vscode.ExtensionMode.Production) return version;
    try {
      return `${version}+${statSync(vscode.Uri.joinPath(this.extension.extensionUri, WORKER_SCRIPT).fsPath).mtimeMs}`;
    } catch {
      return `${version}+dev`;
    }
  }

  dispose(): void {
    this.current?.cancel();
  }
}

export function isCancellation(error: unknown): boolean {
  return error instanceof IndexCancelled;
}

function describe(count: number, outcome: IndexOutcome, result: IndexJobResult): string {
  const where = outcome.inWorker ? 'in the background' : 'in the host';
  const source = outcome.indexFromCache
    ? outcome.topicsFromCache
      ? 'index and topics from the cache'
      : 'index from the cache, topics computed'
    : 'index built';
  const phases = Object.entries(result.timings)
    .map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`)
    .join(', ');
  return `Indexed ${count} papers ${where} in ${Math.round(outcome.ms)} ms (${source}; ${phases}).`;
}
