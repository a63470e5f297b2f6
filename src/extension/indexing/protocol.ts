/** Messages between the extension host and the indexing worker (indexer.worker.ts). */
import type { Topic } from '../../core/topics';

/** What the index and the topics are computed from: the papers' searchable text. */
export interface IndexedPaper {
  id: string;
  title: string;
  abstract: string;
  authors?: string[];
}

export interface IndexJobSettings {
  /** Where cached indexes live; undefined: no cache. */
  cacheDir: string | undefined;
  /** Named saved queries (`literatureTriage.topics`); they shape the topics. */
  userTopics: Record<string, string>;
  /** Changes with every release, so a cache never outlives the code that wrote it. */
  codeVersion: string;
  /** Rebuild even when the cache has the index ("Rebuild Index"). */
  force: boolean;
  /** Run the worker below the host's priority (for long jobs; where the platform allows it per thread). */
  lowPriority?: boolean;
}

/** Jobs of this many papers take seconds: their worker runs below the host's priority. */
export const LOW_PRIORITY_FROM = 2000;

export type IndexPhase = 'hashing' | 'loading' | 'indexing' | 'topics' | 'saving';

export interface IndexJobResult {
  /** The search index, as SearchIndex.toBytes() wrote it. */
  bytes: Uint8Array;
  topics: Topic[];
  indexFromCache: boolean;
  topicsFromCache: boolean;
  /** The cache key of the index (a hash of the papers and the format). */
  key: string;
  /** Milliseconds spent in the job, by phase. */
  timings: Partial<Record<IndexPhase, number>>;
}

export type HostMessage =
  { type: 'papers'; papers: IndexedPaper[] } | { type: 'run'; settings: IndexJobSettings };

export type WorkerMessage =
  | { type: 'progress'; phase: IndexPhase }
  | { type: 'done'; result: IndexJobResult }
  | { type: 'failed'; message: string };
