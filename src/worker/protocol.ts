/**
 * The one protocol between the extension host and the library worker (library.worker.ts), in both directions.
 *
 * Every request names a method of `LibraryMethods` and carries an id; the worker answers it with exactly one
 * `result`, `error` or `cancelled` message of that id, possibly preceded by `progress` messages and, for
 * methods with a `batch` type, by `batch` messages that the host acknowledges with `next` (so neither one large
 * message nor many queued ones block the host while it copies them in). Papers are addressed by id, or by
 * their position in the order of the latest `load` (`Int32Array`s: copied in no time) together with that
 * load's `generation`.
 */
import type { FileDecision, Paper, ReadWarning } from '../core/model/paper';
import type { MatchRange } from '../core/search';
import type { ScoringMode } from '../core/screening/relevanceModel';
import type { TriageStatus } from '../core/triage';

/** What the host keeps of a paper: enough for the tree, the palette, the status bar and the pickers. */
export interface PaperSummary {
  readonly id: string;
  readonly title: string;
  readonly aliases?: readonly string[];
  /** "A, B, C et al. · 2024": for pickers. */
  readonly byline?: string;
}

/** A corpus file: a local path the worker reads itself, or the bytes the host read (remote file systems). */
export type CorpusFileSource =
  { readonly label: string; readonly path: string } | { readonly label: string; readonly bytes: Uint8Array };

/** A file that could not be read; `corpusError` keeps where its input was unreadable. */
export interface ReadFailure {
  readonly label: string;
  readonly message: string;
  readonly corpusError?: { readonly file: string; readonly line?: number; readonly detail: string };
}

export interface LoadResult {
  /** Identifies this list of papers: every later answer that uses positions names it. */
  readonly generation: number;
  readonly papers: number;
  /** Each file's papers before merging across files, and its records (for PRISMA's records identified). */
  readonly files: readonly { label: string; papers: number; records: number }[];
  readonly warnings: readonly ReadWarning[];
  /** Screening decisions the files carry (a CSV's labels), under the loaded papers' ids, in file order. */
  readonly decisions: readonly FileDecision[];
  readonly failures: readonly ReadFailure[];
  readonly ms: number;
}

export interface TopicInfo {
  readonly id: string;
  readonly label: string;
  readonly user: boolean;
}

export type IndexPhase = 'hashing' | 'loading' | 'indexing' | 'topics' | 'saving';

export interface IndexResult {
  readonly generation: number;
  /** The topics, each with how many papers it holds. */
  readonly topics: readonly (TopicInfo & { readonly size: number })[];
  /** The papers' positions, topic after topic, each topic's papers in its own order (by title). */
  readonly members: Int32Array;
  /** Where the index and topics came from. */
  readonly source: 'prebuilt' | 'cache' | 'built';
  readonly indexFromCache: boolean;
  readonly topicsFromCache: boolean;
  readonly ms: number;
  readonly phases: Partial<Record<IndexPhase, number>>;
}

export interface HitView {
  readonly id: string;
  readonly matches: readonly MatchRange[];
  /** A line of the abstract around the first match (see matchSnippet). */
  readonly snippet: string;
}

export interface FilterView {
  readonly generation: number;
  /** Positions of the papers the filter keeps. */
  readonly positions: Int32Array;
  /** Where the query matched the titles, for the first papers it keeps (tree rows highlight them). */
  readonly titleMatches: readonly (readonly [position: number, matches: readonly MatchRange[]])[];
}

export interface PaperDetail {
  readonly paper: Paper;
  /** Where `highlight` matched the title and abstract. */
  readonly highlights: readonly MatchRange[];
  /** The most similar papers' ids. */
  readonly similar: readonly string[];
  /** The terms that pull the paper up in the screening ranking; empty until something was learned. */
  readonly suggestedBecause: readonly string[];
}

export interface Ranking {
  readonly generation: number;
  /** Positions of the undecided papers, most likely inclusion first. */
  readonly order: Int32Array;
  readonly mode: ScoringMode;
  /** Whether the screening features were built for this ranking (seconds at 10k papers). */
  readonly featuresBuilt: boolean;
}

/** One paper's triage as the worker needs it: the decision (ranker) and the tags (tag search). */
export interface TriageDelta {
  readonly id: string;
  readonly status: TriageStatus;
  readonly tags: readonly string[];
}

export interface WorkerSettings {
  /** Where indexes and topics are cached; undefined: no cache. */
  readonly cacheDir?: string;
  /** Changes with every build of the code, so a cache never outlives the code that wrote it. */
  readonly codeVersion: string;
  /** The bundled seed's prebuilt index and topics (see scripts/build.mjs), used when the corpus is the seed. */
  readonly prebuiltDir?: string;
  /** Generations count from here: a restarted worker must not reuse the numbers of the one before. */
  readonly firstGeneration?: number;
}

/** Every method: its parameters, its result and, for streamed answers, the items of a batch. */
export interface LibraryMethods {
  configure: { params: WorkerSettings; result: null };
  /** Reads and merges the corpus files; the papers' summaries arrive in batches, in load order. */
  load: { params: { files: readonly CorpusFileSource[] }; result: LoadResult; batch: PaperSummary };
  /** Builds (or finds in the cache) the index and topics of the loaded papers. */
  index: {
    params: { userTopics: Readonly<Record<string, string>>; force: boolean };
    result: IndexResult;
  };
  /** Triage changes (all of it with `reset`); a tag change re-indexes the tags only, nothing else. */
  triage: { params: { reset: boolean; changes: readonly TriageDelta[] }; result: null };
  /** The palette: full-text and fuzzy titles fused, best first. */
  palette: { params: { query: string; limit: number }; result: readonly HitView[] };
  /** The tree filter: every word must match, else fuzzy titles. */
  filter: { params: { query: string }; result: FilterView };
  /** Full papers, for the reader, export and citations. */
  papers: { params: { ids: readonly string[] }; result: readonly Paper[] };
  /**
   * The papers' references formatted in a CSL style (the style's and the locale's XML), one line each: here, so
   * the CSL processor never loads on the extension host.
   */
  references: { params: { ids: readonly string[]; style: string; locale: string }; result: string };
  /** What the reader shows beside the paper itself. */
  detail: {
    params: { id: string; highlight?: string; similar: number; explain: number };
    result: PaperDetail | null;
  };
  /** The screening ranking from the decisions sent so far. */
  rank: { params: Record<string, never>; result: Ranking };
  /** For tests: the worker exits at once, as a crash would. */
  crash: { params: Record<string, never>; result: null };
}

export type Method = keyof LibraryMethods;
export type Params<M extends Method> = LibraryMethods[M]['params'];
export type Result<M extends Method> = LibraryMethods[M]['result'];
export type BatchItem<M extends Method> = LibraryMethods[M] extends { batch: infer B } ? B : never;

/** Host → worker. */
export type HostMessage =
  | {
      [M in Method]: { type: 'request'; id: number; method: M; params: Params<M>; supersedes?: string };
    }[Method]
  /** The host no longer wants the answer (a newer query replaced it). */
  | { type: 'cancel'; id: number }
  /** The host has taken in the last batch of request `id` and wants the next. */
  | { type: 'next'; id: number };

/** An error as it crosses the thread: a corpus error keeps its file and line. */
export interface WorkerError {
  readonly name: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly detail?: string;
}

/** Worker → host. */
export type WorkerMessage =
  | { [M in Method]: { type: 'result'; id: number; method: M; result: Result<M> } }[Method]
  | { type: 'batch'; id: number; items: readonly unknown[] }
  | { type: 'progress'; id: number; message: string }
  | { type: 'error'; id: number; error: WorkerError }
  | { type: 'cancelled'; id: number };

/** Summaries per batch message: the host copies one in about a millisecond. */
export const SUMMARIES_PER_BATCH = 2000;
/** Title matches sent with a filter result (the tree shows far fewer rows at a time). */
export const FILTER_TITLE_MATCHES = 2000;
