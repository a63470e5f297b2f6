/**
 * What the library worker holds and answers from: the merged papers, their index and topics, the triage the
 * host sent (tags for tag search, decisions for the ranker) and the screening ranker. No threads here: the
 * worker's entry (library.worker.ts) feeds it requests, and unit tests call it directly.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { formatReferences } from '../core/export/formattedCitation';
import { bylineOf } from '../core/model/byline';
import { CorpusError, type Paper } from '../core/model/paper';
import { SearchIndex, type MatchRange, type SearchHit } from '../core/search';
import { matchSnippet } from '../core/search/snippet';
import { ScreeningRanker } from '../core/screening/ranker';
import type { Topic } from '../core/topics';
import type { TriageStatus } from '../core/triage';
import { runIndexJob } from './indexJob';
import {
  FILTER_TITLE_MATCHES,
  type FilterView,
  type HitView,
  type IndexPhase,
  type IndexResult,
  type LoadResult,
  type PaperDetail,
  type PaperSummary,
  type Params,
  type Ranking,
  type ReadFailure,
  type WorkerSettings,
} from './protocol';
import { readCorpora, type CorpusFileBytes } from './readCorpora';

const PHASE_MESSAGES: Record<IndexPhase, string> = {
  hashing: 'checking the cache',
  loading: 'reading the cache',
  indexing: 'building the search index',
  topics: 'finding topics',
  saving: 'saving the index',
};

export class LibraryEngine {
  private settings: WorkerSettings = { codeVersion: 'unset' };
  private generation = 0;
  private papers: Paper[] = [];
  private positionOf = new Map<string, number>();
  private byId = new Map<string, Paper>();
  private base: SearchIndex | undefined;
  private tagged: { base: SearchIndex; version: number; index: SearchIndex } | undefined;
  private topics: Topic[] = [];
  private statuses = new Map<string, TriageStatus>();
  private tags = new Map<string, readonly string[]>();
  private tagsVersion = 0;
  private ranker:
    { generation: number; ranker: ScreeningRanker; taught: Map<string, TriageStatus> } | undefined;

  configure(settings: WorkerSettings): null {
    this.settings = settings;
    this.generation = Math.max(this.generation, settings.firstGeneration ?? 0);
    return null;
  }

  /** Reads and merges the files; returns the result and the summaries in load order. */
  async load(
    { files }: Params<'load'>,
    progress: (message: string) => void,
  ): Promise<{ result: LoadResult; summaries: PaperSummary[] }> {
    const start = performance.now();
    const bytes: CorpusFileBytes[] = [];
    const unreadable: ReadFailure[] = [];
    for (const file of files) {
      if ('bytes' in file) bytes.push({ label: file.label, bytes: file.bytes });
      else {
        try {
          const data = await readFile(file.path);
          bytes.push({
            label: file.label,
            bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
          });
        } catch (error) {
          unreadable.push({ label: file.label, message: fileErrorMessage(error) });
        }
      }
    }
    const read = readCorpora(bytes, (label) => progress(label));
    this.generation++;
    this.papers = read.papers;
    this.byId = new Map(read.papers.map((p) => [p.id, p]));
    this.positionOf = new Map(read.papers.map((p, i) => [p.id, i]));
    for (const paper of read.papers)
      for (const alias of paper.aliases ?? [])
        if (!this.positionOf.has(alias)) this.positionOf.set(alias, this.positionOf.get(paper.id)!);
    this.base = undefined;
    this.tagged = undefined;
    this.topics = [];
    this.ranker = undefined;
    const result: LoadResult = {
      generation: this.generation,
      papers: read.papers.length,
      files: read.files,
      warnings: read.warnings,
      decisions: read.decisions,
      failures: [...unreadable, ...read.failures.map(failure)],
      ms: performance.now() - start,
    };
    return { result, summaries: read.papers.map(summaryOf) };
  }

  async index(
    { userTopics, force }: Params<'index'>,
    progress: (message: string) => void,
  ): Promise<IndexResult> {
    const start = performance.now();
    const generation = this.generation;
    const papers = this.papers;
    // Requests run one at a time, so no load replaces the papers while this job runs.
    const job = await runIndexJob(papers, { ...this.settings, userTopics, force }, (phase) =>
      progress(PHASE_MESSAGES[phase]),
    );
    this.base = job.index;
    this.tagged = undefined;
    this.topics = job.topics;
    // The ranker follows the topic order until something is learned: new topics, a new ranker.
    this.ranker = undefined;
    const members: number[] = [];
    const topics = job.topics.map(({ id, label, user, paperIds }) => {
      const before = members.length;
      for (const paperId of paperIds) {
        const position = this.positionOf.get(paperId);
        if (position !== undefined) members.push(position);
      }
      return { id, label, user, size: members.length - before };
    });
    return {
      generation,
      topics,
      members: Int32Array.from(members),
      source: job.source,
      indexFromCache: job.indexFromCache,
      topicsFromCache: job.topicsFromCache,
      ms: performance.now() - start,
      phases: job.timings,
    };
  }

  triage({ reset, changes }: Params<'triage'>): null {
    if (reset) {
      this.statuses = new Map();
      this.tags = new Map();
      this.tagsVersion++;
    }
    for (const { id, status, tags } of changes) {
      if (status === 'untriaged') this.statuses.delete(id);
      else this.statuses.set(id, status);
      const before = this.tags.get(id) ?? [];
      if (before.length !== tags.length || before.some((tag, i) => tag !== tags[i])) {
        if (tags.length) this.tags.set(id, tags);
        else this.tags.delete(id);
        this.tagsVersion++;
      }
    }
    return null;
  }

  palette({ query, limit }: Params<'palette'>): HitView[] {
    return this.searchIndex()
      .combined(query, { limit })
      .map((hit) => this.hitView(hit));
  }

  filter({ query }: Params<'filter'>): FilterView {
    const index = this.searchIndex();
    let hits: readonly SearchHit[] = index.search(query, { requireAll: true });
    if (hits.length === 0) hits = index.fuzzyTitles(query, { limit: 200 });
    const positions: number[] = [];
    const titleMatches: [number, MatchRange[]][] = [];
    for (const hit of hits) {
      const position = this.positionOf.get(hit.id);
      if (position === undefined) continue;
      positions.push(position);
      if (titleMatches.length < FILTER_TITLE_MATCHES) {
        const inTitle = hit.matches.filter((m) => m.field === 'title').map(copyRange);
        if (inTitle.length) titleMatches.push([position, inTitle]);
      }
    }
    return { generation: this.generation, positions: Int32Array.from(positions), titleMatches };
  }

  papersById({ ids }: Params<'papers'>): Paper[] {
    return ids.flatMap((id) => {
      const paper = this.byId.get(id) ?? this.papers[this.positionOf.get(id) ?? -1];
      return paper ? [paper] : [];
    });
  }

  references({ ids, style, locale }: Params<'references'>): string {
    return formatReferences(this.papersById({ ids }), style, locale);
  }

  detail({ id, highlight, similar, explain }: Params<'detail'>): PaperDetail | null {
    const paper = this.byId.get(id) ?? this.papers[this.positionOf.get(id) ?? -1];
    if (!paper) return null;
    const index = this.searchIndex();
    let highlights: MatchRange[] = [];
    if (highlight?.trim()) {
      const hit =
        index.search(highlight).find((h) => h.id === paper.id) ??
        index.combined(highlight).find((h) => h.id === paper.id);
      highlights = (hit?.matches ?? []).map(copyRange);
    }
    return {
      paper,
      highlights,
      similar: index.similarPapers(paper.id, similar).map((hit) => hit.id),
      suggestedBecause: this.statuses.has(paper.id) ? [] : this.explain(paper.id, explain),
    };
  }

  rank(): Ranking {
    const built = this.rankerFor();
    const order = Int32Array.from(built.ranker.rank(), (id) => this.positionOf.get(id)!);
    return { generation: this.generation, order, mode: built.ranker.mode, featuresBuilt: true };
  }

  /** The index with the current tags: a tag edit adds a small tag segment, it rebuilds nothing. */
  private searchIndex(): SearchIndex {
    const base = (this.base ??= SearchIndex.build(this.papers));
    if (this.tagged?.base !== base || this.tagged.version !== this.tagsVersion) {
      const tags = this.tags;
      const index = tags.size ? base.withTags((id) => tags.get(id) ?? []) : base;
      this.tagged = { base, version: this.tagsVersion, index };
    }
    return this.tagged.index;
  }

  /**
   * Why the ranking suggests a paper, once a ranking was asked for: the reader must not wait for the ranker's
   * features (seconds at 10k papers) just to show a paper.
   */
  private explain(id: string, terms: number): string[] {
    if (terms <= 0 || this.ranker?.generation !== this.generation) return [];
    const { ranker } = this.rankerFor();
    return ranker.mode === 'none' ? [] : ranker.explain(id, terms).map((t) => t.term);
  }

  /** The ranker of the current papers, taught every decision sent so far (`maybe` teaches nothing). */
  private rankerFor(): NonNullable<LibraryEngine['ranker']> {
    if (this.ranker?.generation !== this.generation) {
      const order = this.topics.flatMap((t) => t.paperIds);
      this.ranker = {
        generation: this.generation,
        ranker: new ScreeningRanker(this.papers, { defaultOrder: order }),
        taught: new Map(),
      };
    }
    const { ranker, taught } = this.ranker;
    for (const [id, status] of taught) {
      if (this.statuses.get(id) !== status) {
        ranker.setLabel(id, undefined);
        taught.delete(id);
      }
    }
    for (const [id, status] of this.statuses) {
      if ((status !== 'include' && status !== 'exclude') || taught.get(id) === status) continue;
      const paper = this.byId.get(id) ?? this.papers[this.positionOf.get(id) ?? -1];
      if (!paper) continue;
      ranker.setLabel(paper.id, status);
      taught.set(id, status);
    }
    return this.ranker;
  }

  private hitView(hit: SearchHit): HitView {
    const paper = this.byId.get(hit.id);
    const matches = hit.matches.map(copyRange);
    return { id: hit.id, matches, snippet: paper ? matchSnippet(paper.abstract, matches) : '' };
  }
}

function summaryOf(paper: Paper): PaperSummary {
  const byline = bylineOf(paper);
  return {
    id: paper.id,
    title: paper.title,
    ...(paper.aliases?.length ? { aliases: paper.aliases } : {}),
    ...(byline ? { byline } : {}),
  };
}

function copyRange({ field, start, end }: MatchRange): MatchRange {
  return { field, start, end };
}

function failure({ label, error }: { label: string; error: unknown }): ReadFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof CorpusError)) return { label, message };
  return { label, message, corpusError: { file: error.file, line: error.line, detail: error.detail } };
}

function fileErrorMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
