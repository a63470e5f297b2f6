import * as vscode from 'vscode';
import { showError } from '../shared/notifications';
import { performance } from 'node:perf_hooks';
import type { Paper } from '../../core/model/paper';
import { SearchIndex } from '../../core/search';
import { computeTopics, type Topic } from '../../core/topics';
import { triageOf, type PaperTriage } from '../../core/triage';
import type { CorpusService } from '../corpus/corpusService';
import type { ReportProgress } from '../shared/longWork';
import { IN_HOST_LIMIT, isCancellation, type IndexingService } from '../indexing/indexingService';
import type { TriageStore } from '../storage/triageStore';
import { settings } from '../settings';
import { tagsSignature, userTopicsKey, type DerivedSnapshot } from './snapshot';
import { ui } from '../shared/uiText';

export interface LibraryChange {
  papers: boolean;
  triage: boolean;
}

/** When the library got its data: for the performance report. */
export interface IndexingTimes {
  /** performance.now() when the library was created (the extension's activation). */
  readonly createdAt: number;
  /** When the index and topics of a non-empty corpus were first in place. */
  firstIndexedAt?: number;
  /** How the latest index was obtained. */
  last?: { papers: number; ms: number; indexFromCache: boolean; topicsFromCache: boolean; inWorker: boolean };
}

/**
 * What every feature reads: the merged papers, their triage, the search index and the topics.
 *
 * The index and the topics are derived in the background after every corpus change (IndexingService: from
 * the cache when the corpus is unchanged, on a worker thread for large corpora), and `onDidChange` reports
 * new papers once they are in place, so listeners never wait for them. The synchronous getters always
 * answer: for a small corpus whose background work has not finished they compute in place; for a large one
 * they answer from the previous corpus's data until the new one is ready.
 */
export class Library implements vscode.Disposable {
  private derived: DerivedSnapshot | undefined;
  private tagged: { base: SearchIndex; signature: string; index: SearchIndex } | undefined;
  private topicOf = new Map<string, Topic>();
  private pending: { papers: readonly Paper[]; topicsKey: string; done: Promise<void> } | undefined;
  private generation = 0;
  private empty: DerivedSnapshot | undefined;
  readonly times: IndexingTimes = { createdAt: performance.now() };
  private readonly changed = new vscode.EventEmitter<LibraryChange>();
  /** Fires after the corpus (once indexed) or the triage state changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly corpus: CorpusService,
    readonly store: TriageStore,
    /** Without it, everything is derived on demand in the extension host, and nothing is cached. */
    private readonly indexing?: IndexingService,
  ) {
    this.disposables.push(
      corpus.onDidChange(() => this.corpusChanged()),
      store.onDidChange(() => this.changed.fire({ papers: false, triage: true })),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affects(e, 'topics')) this.corpusChanged();
      }),
    );
  }

  get papers(): readonly Paper[] {
    return this.corpus.all;
  }

  paper(id: string): Paper | undefined {
    return this.corpus.byId(id);
  }

  triage(paper: Paper): PaperTriage {
    return triageOf(this.store.state, paper);
  }

  /** The full-text + fuzzy index, with the current tags (a tag edit re-indexes the tags only). */
  searchIndex(): SearchIndex {
    const base = this.current().index;
    const state = this.store.state;
    const signature = tagsSignature(state);
    if (this.tagged?.base !== base || this.tagged.signature !== signature) {
      const tags = (id: string) => {
        const paper = this.corpus.byId(id);
        return paper ? triageOf(state, paper).tags : [];
      };
      this.tagged = { base, signature, index: base.withTags(tags) };
    }
    return this.tagged.index;
  }

  /** Automatic topics plus the user's saved-query topics (`literatureTriage.topics`). */
  topics(): Topic[] {
    return this.current().topics;
  }

  topicOfPaper(id: string): Topic | undefined {
    this.current();
    return this.topicOf.get(id);
  }

  /** Resolves once the index and topics of the current corpus are in place. */
  async whenIndexed(): Promise<void> {
    while (!this.isCurrent(this.derived)) {
      const pending = this.pending;
      if (!pending || !this.matchesCorpus(pending)) {
        this.current();
        return;
      }
      await pending.done;
    }
  }

  /**
   * Derives the index and topics again in the background; `force` ignores the cache. Resolves once they are
   * in place (and `onDidChange` has fired).
   */
  reindex(options: { force?: boolean; report?: ReportProgress } = {}): Promise<void> {
    if (this.indexing) return this.startIndexing(options.force ?? false, options.report);
    this.derived = undefined;
    this.changed.fire({ papers: true, triage: false });
    return Promise.resolve();
  }

  private corpusChanged(): void {
    if (this.indexing) void this.startIndexing(false);
    else {
      this.derived = undefined;
      this.changed.fire({ papers: true, triage: false });
    }
  }

  private startIndexing(force: boolean, report?: ReportProgress): Promise<void> {
    const papers = this.corpus.all;
    const userTopics = settings.userTopics();
    const topicsKey = userTopicsKey(userTopics);
    if (!force && this.pending && this.pending.papers === papers && this.pending.topicsKey === topicsKey) {
      return this.pending.done;
    }
    const generation = ++this.generation;
    const done = this.indexing!.index(papers, { userTopics, force, report }).then(
      (outcome) => {
        if (generation !== this.generation) return;
        this.pending = undefined;
        this.times.last = {
          papers: papers.length,
          ms: outcome.ms,
          indexFromCache: outcome.indexFromCache,
          topicsFromCache: outcome.topicsFromCache,
          inWorker: outcome.inWorker,
        };
        this.install({ papers, topicsKey, index: outcome.index, topics: outcome.topics });
      },
      (error: unknown) => {
        if (generation !== this.generation || isCancellation(error)) return;
        this.pending = undefined;
        const message = error instanceof Error ? error.message : String(error);
        void showError(ui`Literature Triage: indexing failed: ${message}`);
        // The getters derive the data in the host instead.
        this.changed.fire({ papers: true, triage: false });
      },
    );
    this.pending = { papers, topicsKey, done };
    return done;
  }

  private install(snapshot: DerivedSnapshot): void {
    this.derived = snapshot;
    this.topicOf = new Map(snapshot.topics.flatMap((t) => t.paperIds.map((id) => [id, t] as const)));
    if (snapshot.papers.length > 0) this.times.firstIndexedAt ??= performance.now();
    this.changed.fire({ papers: true, triage: false });
  }

  /** The data to answer with now (see the class comment). */
  private current(): DerivedSnapshot {
    if (this.isCurrent(this.derived)) return this.derived!;
    const papers = this.corpus.all;
    const indexingLarge = this.indexing && papers.length > IN_HOST_LIMIT && this.pending;
    if (indexingLarge) return this.derived ?? this.emptySnapshot();
    const userTopics = settings.userTopics();
    const index = SearchIndex.build(papers);
    const topics = computeTopics(papers, {
      userTopics,
      search: (query) => index.search(query, { requireAll: true }),
    });
    const snapshot = { papers, topicsKey: userTopicsKey(userTopics), index, topics };
    this.derived = snapshot;
    this.topicOf = new Map(topics.flatMap((t) => t.paperIds.map((id) => [id, t] as const)));
    if (papers.length > 0) this.times.firstIndexedAt ??= performance.now();
    return snapshot;
  }

  private emptySnapshot(): DerivedSnapshot {
    this.empty ??= { papers: [], topicsKey: '', index: SearchIndex.build([]), topics: [] };
    return this.empty;
  }

  private isCurrent(snapshot: DerivedSnapshot | undefined): boolean {
    return !!snapshot && this.matchesCorpus(snapshot);
  }

  private matchesCorpus(data: { papers: readonly Paper[]; topicsKey: string }): boolean {
    return data.papers === this.corpus.all && data.topicsKey === userTopicsKey(settings.userTopics());
  }

  dispose(): void {
    this.generation++;
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}
