import * as vscode from 'vscode';
import { showError, showWarning } from '../shared/notifications';
import type { Paper } from '../../core/model/paper';
import type { MatchRange } from '../../core/search';
import type { Topic } from '../../core/topics';
import { triageOf, type PaperTriage, type TriageState } from '../../core/triage';
import type { HitView, PaperDetail, PaperSummary, Ranking, TriageDelta } from '../../worker/protocol';
import type { CorpusService } from '../corpus';
import { withProgressWhenLong, type ReportProgress } from '../shared/longWork';
import type { TriageStore } from '../storage';
import { settings } from '../settings';
import { ui } from '../shared/uiText';
import { RequestCancelled, type LibraryClient } from './libraryClient';
import { topicsOf } from './topicsView';

export interface LibraryChange {
  papers: boolean;
  triage: boolean;
}

/** How the latest index was obtained: for the performance report and tests. */
export interface IndexingTimes {
  /** How the latest index was obtained. */
  last?: { papers: number; ms: number; indexFromCache: boolean; topicsFromCache: boolean; source: string };
}

/** Which papers a tree filter keeps, with where it matched their titles. */
export interface FilterResult {
  readonly query: string;
  readonly size: number;
  has(id: string): boolean;
  matchesOf(id: string): readonly MatchRange[] | undefined;
}

const PAPERS_PER_REQUEST = 500;
/** A progress notification appears when indexing takes longer than this. */
const NOTIFY_AFTER_MS = 500;
/** New papers whose topics take longer than this are shown without them meanwhile. */
const INTERIM_AFTER_MS = 250;
const SIMILAR_PAPERS = 5;
const EXPLANATION_TERMS = 4;

/**
 * What every feature reads, as the host keeps it: the papers' summaries (CorpusService), their triage (the
 * store), the topics; and what it asks the library worker for: searches, full papers, the screening ranking.
 *
 * The worker indexes every new corpus in the background; `onDidChange` reports the new papers once their topics
 * are in place, and before that too when indexing takes longer than a moment. Triage changes go to the worker as deltas (tags for tag search,
 * decisions for the ranker). After a worker crash the corpus is sent again; triage never leaves the host.
 */
export class Library implements vscode.Disposable {
  private topicList: Topic[] = [];
  private topicOf = new Map<string, Topic>();
  /** The corpus generation the topics belong to. */
  private indexedGeneration = -1;
  private indexing: Promise<void> | undefined;
  private sent = new Map<string, TriageDelta>();
  /** Bumped when a decision or tags change (notes do not change what the worker answers). */
  private triageVersion = 0;
  /** Bumped when new topics arrive (the ranking's order before anything is learned). */
  private indexVersion = 0;
  /** Bumped per ranking received: the worker explains its suggestions once it has ranked. */
  private rankVersion = 0;
  private detailCache: { key: string; detail: Promise<PaperDetail | undefined> }[] = [];
  private crashNotified = false;
  private interimTimer: NodeJS.Timeout | undefined;
  readonly times: IndexingTimes = {};
  private readonly changed = new vscode.EventEmitter<LibraryChange>();
  /** Fires after the triage or the corpus changed (see the class comment). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly corpus: CorpusService,
    readonly store: TriageStore,
    readonly worker: LibraryClient,
    /** The decisions the ranker learns from when they are not the store's (team screening, revealed). */
    private readonly training?: {
      trainingState(): TriageState;
      readonly onDidChange: vscode.Event<void>;
    },
  ) {
    this.disposables.push(
      corpus.onDidChange(() => {
        void this.startIndexing(false);
        // Quick indexing (the seed, a cached corpus) reports the papers once, with their topics; slow indexing
        // shows them meanwhile without topics (the tree lists them under "Finding topics…").
        clearTimeout(this.interimTimer);
        this.interimTimer = setTimeout(() => {
          if (!this.indexed) this.changed.fire({ papers: true, triage: false });
        }, INTERIM_AFTER_MS);
      }),
      store.onDidChange(() => {
        this.sendTriage(false);
        this.changed.fire({ papers: false, triage: true });
      }),
      ...(training
        ? [
            training.onDidChange(() => {
              if (this.sendTriage(false)) this.changed.fire({ papers: false, triage: true });
            }),
          ]
        : []),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affects(e, 'topics')) void this.startIndexing(false);
      }),
    );
  }

  /** The worker started (first use or after a crash): it needs the whole triage state. */
  workerStarted(): void {
    this.sent = new Map();
    this.sendTriage(true);
  }

  /** The worker crashed: say so once, then have the new worker read the corpus again. */
  workerCrashed(reason: string): void {
    if (!this.crashNotified) {
      this.crashNotified = true;
      void showWarning(ui`Literature Triage: ${reason}. It was restarted; your decisions are safe.`);
    }
    this.indexedGeneration = -1;
    this.corpus.load().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      void showError(
        ui`Literature Triage: the library could not be read again (${message}). The papers shown are those read before; reload the window to retry.`,
      );
    });
  }

  get papers(): readonly PaperSummary[] {
    return this.corpus.all;
  }

  paper(id: string): PaperSummary | undefined {
    return this.corpus.byId(id);
  }

  triage(paper: PaperSummary): PaperTriage {
    return triageOf(this.store.state, paper);
  }

  /** Automatic topics plus the user's saved-query topics (`literatureTriage.topics`); empty until indexed. */
  topics(): Topic[] {
    return this.topicList;
  }

  topicOfPaper(id: string): Topic | undefined {
    return this.topicOf.get(id);
  }

  /** Whether the topics belong to the papers shown now. */
  get indexed(): boolean {
    return this.indexedGeneration === this.corpus.lastLoad?.generation;
  }

  /** Resolves once the index and topics of the current corpus are in place. */
  async whenIndexed(): Promise<void> {
    while (!this.indexed) {
      const running = this.indexing ?? this.startIndexing(false);
      await running;
      if (!this.indexing && !this.indexed) return;
    }
  }

  /** Builds the index and topics again; `force` ignores the cache. Resolves once they are in place. */
  reindex(options: { force?: boolean; report?: ReportProgress } = {}): Promise<void> {
    return this.startIndexing(options.force ?? false, options.report);
  }

  /**
   * The palette's ranking: full text and fuzzy titles fused. A newer query of the same `channel` (one search
   * picker's typing) cancels this one.
   */
  palette(query: string, limit: number, channel?: string): Promise<readonly HitView[]> {
    return this.worker.request('palette', { query, limit }, channel ? { supersedes: channel } : {});
  }

  /** The tree filter (every word must match, else fuzzy titles). A newer one of the same `channel` cancels it. */
  async filter(query: string, channel?: string): Promise<FilterResult> {
    const generation = this.corpus.lastLoad?.generation;
    const view = await this.worker.request('filter', { query }, channel ? { supersedes: channel } : {});
    const papers = this.corpus.all;
    if (view.generation !== generation) throw new RequestCancelled('filter');
    const ids = new Set<string>();
    for (const position of view.positions) {
      const paper = papers[position];
      if (paper) ids.add(paper.id);
    }
    const matches = new Map(view.titleMatches.map(([position, ranges]) => [papers[position]?.id, ranges]));
    return { query, size: ids.size, has: (id) => ids.has(id), matchesOf: (id) => matches.get(id) };
  }

  /** The full papers (abstracts, links, sources) of these ids, from the worker, in the order asked. */
  async fullPapers(ids: readonly string[]): Promise<Paper[]> {
    const chunks: Promise<readonly Paper[]>[] = [];
    for (let start = 0; start < ids.length; start += PAPERS_PER_REQUEST) {
      chunks.push(this.worker.request('papers', { ids: ids.slice(start, start + PAPERS_PER_REQUEST) }));
    }
    return (await Promise.all(chunks)).flat();
  }

  /** The papers' references in a CSL style, formatted by the worker (see core/export/formattedCitation.ts). */
  references(ids: readonly string[], style: string, locale: string): Promise<string> {
    return this.worker.request('references', { ids, style, locale });
  }

  async fullPaper(id: string): Promise<Paper | undefined> {
    return (await this.fullPapers([id]))[0];
  }

  /** The paper with what the reader shows beside it; cached until the corpus, tags or decisions change. */
  detail(id: string, highlight: string | undefined): Promise<PaperDetail | undefined> {
    const key = JSON.stringify([
      id,
      highlight ?? '',
      this.corpus.lastLoad?.generation,
      this.indexedGeneration,
      this.triageVersion,
      this.rankVersion,
    ]);
    const cached = this.detailCache.find((entry) => entry.key === key);
    if (cached) return cached.detail;
    const detail = this.worker
      .request('detail', { id, highlight, similar: SIMILAR_PAPERS, explain: EXPLANATION_TERMS })
      .then((answer) => answer ?? undefined);
    this.detailCache = [{ key, detail }, ...this.detailCache.slice(0, 7)];
    detail.catch(() => (this.detailCache = this.detailCache.filter((entry) => entry.detail !== detail)));
    return detail;
  }

  /** The screening ranking of the decisions so far, as paper ids; undefined when the corpus changed meanwhile. */
  async ranking(): Promise<{ ids: string[]; mode: Ranking['mode'] } | undefined> {
    const generation = this.corpus.lastLoad?.generation;
    const ranking = await this.worker.request('rank', {}, { supersedes: 'rank' });
    this.rankVersion++;
    if (ranking.generation !== generation) return undefined;
    const papers = this.corpus.all;
    const ids: string[] = [];
    for (const position of ranking.order) {
      const paper = papers[position];
      if (paper) ids.push(paper.id);
    }
    return { ids, mode: ranking.mode };
  }

  /** Identifies the decisions and tags the worker has: a ranking is current while this is unchanged. */
  get triageStamp(): string {
    return `${this.corpus.lastLoad?.generation}:${this.indexVersion}:${this.triageVersion}`;
  }

  private startIndexing(force: boolean, report?: ReportProgress): Promise<void> {
    const load = this.corpus.lastLoad;
    if (!load) return Promise.resolve();
    const generation = load.generation;
    const request = (progress: ReportProgress) =>
      this.worker.request(
        'index',
        { userTopics: settings.userTopics(), force },
        { supersedes: 'index', onProgress: (message) => progress(ui`${message}`) },
      );
    // A notification appears when indexing takes a while (unless the caller shows one already).
    const indexed = report
      ? request(report)
      : withProgressWhenLong(
          ui`Literature Triage: indexing ${load.papers.length.toLocaleString('en-US')} papers`,
          request,
          { delayMs: NOTIFY_AFTER_MS },
        );
    const running = indexed
      .then(
        (result) => {
          if (result.generation !== generation || this.corpus.lastLoad?.generation !== generation) return;
          const papers = this.corpus.all;
          this.topicList = topicsOf(result.topics, result.members, papers);
          this.topicOf = new Map(this.topicList.flatMap((t) => t.paperIds.map((id) => [id, t] as const)));
          this.indexedGeneration = generation;
          this.indexVersion++;
          this.times.last = {
            papers: papers.length,
            ms: result.ms,
            indexFromCache: result.indexFromCache,
            topicsFromCache: result.topicsFromCache,
            source: result.source,
          };
          this.corpus.logLine(describeIndexing(papers.length, result));
          this.changed.fire({ papers: true, triage: false });
        },
        (error: unknown) => {
          if (error instanceof RequestCancelled) return;
          const message = error instanceof Error ? error.message : String(error);
          void showError(ui`Literature Triage: indexing failed: ${message}`);
          // The papers are listed all the same, without topics.
          this.changed.fire({ papers: true, triage: false });
        },
      )
      .finally(() => {
        if (this.indexing === running) this.indexing = undefined;
      });
    this.indexing = running;
    return running;
  }

  /** Sends what changed in the decisions and tags since the last call (all of it with `reset`). */
  private sendTriage(reset: boolean): boolean {
    const changes = triageDeltas(this.training?.trainingState() ?? this.store.state, this.sent, reset);
    if (!reset && changes.length === 0) return false;
    for (const change of changes) this.sent.set(change.id, change);
    this.triageVersion++;
    this.worker.request('triage', { reset, changes }).catch(() => undefined);
    return true;
  }

  dispose(): void {
    clearTimeout(this.interimTimer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

/** The entries whose decision or tags differ from what was sent; ids no longer in the state become untriaged. */
function triageDeltas(
  state: TriageState,
  sent: ReadonlyMap<string, TriageDelta>,
  all: boolean,
): TriageDelta[] {
  const changes: TriageDelta[] = [];
  for (const [id, entry] of state.papers) {
    const before = sent.get(id);
    const same =
      before &&
      before.status === entry.status &&
      before.tags.length === entry.tags.length &&
      before.tags.every((tag, i) => tag === entry.tags[i]);
    if (all || !same) changes.push({ id, status: entry.status, tags: [...entry.tags] });
  }
  for (const [id, before] of sent) {
    if (!state.papers.has(id) && (before.status !== 'untriaged' || before.tags.length > 0))
      changes.push({ id, status: 'untriaged', tags: [] });
  }
  return changes;
}

function describeIndexing(count: number, result: { ms: number; source: string; phases: object }): string {
  const source =
    result.source === 'prebuilt'
      ? 'prebuilt index and topics of the bundled seed'
      : result.source === 'cache'
        ? 'index and topics from the cache'
        : 'built';
  const phases = Object.entries(result.phases as Record<string, number>)
    .map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`)
    .join(', ');
  return `Indexed ${count} papers in the library worker in ${Math.round(result.ms)} ms (${source}${phases ? `; ${phases}` : ''}).`;
}
