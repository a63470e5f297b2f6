/**
 * One indexing job: the corpus's index and topics from the bundled seed's prebuilt files, from the cache, or
 * computed (and then cached). Runs in the library worker; uses Node but not the editor API.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Paper } from '../core/model/paper';
import { SearchIndex, SearchIndexLoadError } from '../core/search';
import { computeTopics, type Topic } from '../core/topics';
import { indexKey, topicsKey } from './cacheKey';
import { IndexCache } from './indexCache';
import type { IndexPhase } from './protocol';

export interface IndexJobSettings {
  /** Where cached indexes live; undefined: no cache. */
  cacheDir?: string;
  /** Named saved queries (`literatureTriage.topics`); they shape the topics. */
  userTopics: Readonly<Record<string, string>>;
  /** Changes with every build of the code, so a cache never outlives the code that wrote it. */
  codeVersion: string;
  /** Rebuild even when the cache has the index ("Rebuild Index"). */
  force: boolean;
  /** The bundled seed's prebuilt index and topics. */
  prebuiltDir?: string;
}

export interface IndexJobResult {
  index: SearchIndex;
  topics: Topic[];
  source: 'prebuilt' | 'cache' | 'built';
  indexFromCache: boolean;
  topicsFromCache: boolean;
  /** Milliseconds spent in the job, by phase. */
  timings: Partial<Record<IndexPhase, number>>;
}

/** The prebuilt files' key: a hash of the papers' searchable text and the index format, not of the code. */
export const PREBUILT_VERSION = 'prebuilt-seed';
export const PREBUILT_FILES = { manifest: 'manifest.json', index: 'index.bin', topics: 'topics.json' };

export interface PrebuiltManifest {
  key: string;
  papers: number;
}

export async function runIndexJob(
  papers: readonly Paper[],
  settings: IndexJobSettings,
  progress: (phase: IndexPhase) => void = () => undefined,
): Promise<IndexJobResult> {
  const timings: Partial<Record<IndexPhase, number>> = {};
  const phase = async <T>(name: IndexPhase, work: () => T | Promise<T>): Promise<T> => {
    progress(name);
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = (timings[name] ?? 0) + performance.now() - start;
    }
  };
  const prebuilt = await phase('loading', () => readPrebuilt(papers, settings));
  if (prebuilt)
    return { ...prebuilt, source: 'prebuilt', indexFromCache: true, topicsFromCache: true, timings };

  const cache = settings.cacheDir ? new IndexCache(settings.cacheDir) : undefined;
  const key = await phase('hashing', () => indexKey(papers, settings.codeVersion));
  const userTopicsKey = topicsKey(key, settings.userTopics);

  let index: SearchIndex | undefined;
  const cachedBytes =
    cache && !settings.force ? await phase('loading', () => cache.read(cache.indexFile(key))) : undefined;
  if (cachedBytes) {
    try {
      index = await phase('loading', () => SearchIndex.fromBytes(cachedBytes, papers));
    } catch (error) {
      // A damaged cache file is rebuilt and overwritten; anything else is a real failure.
      if (!(error instanceof SearchIndexLoadError)) throw error;
    }
  }
  const indexFromCache = index !== undefined;
  let bytes: Uint8Array | undefined;
  if (!index) {
    index = await phase('indexing', () => SearchIndex.build(papers));
    if (cache) bytes = index.toBytes();
  }

  let topics =
    cache && !settings.force ? await phase('loading', () => readTopics(cache, userTopicsKey)) : undefined;
  const topicsFromCache = topics !== undefined;
  if (!topics) {
    // Saved queries run on the index at hand instead of a second one built for them.
    const search = index;
    topics = await phase('topics', () =>
      computeTopics(papers, {
        userTopics: settings.userTopics,
        search: (query) => search.search(query, { requireAll: true }),
      }),
    );
  }

  if (cache && (!indexFromCache || !topicsFromCache)) {
    const written = topics;
    await phase('saving', async () => {
      if (bytes) await cache.write(cache.indexFile(key), bytes);
      if (!topicsFromCache) await cache.write(cache.topicsFile(userTopicsKey), JSON.stringify(written));
      await cache.prune();
    });
  }
  const source = indexFromCache && topicsFromCache ? 'cache' : 'built';
  return { index, topics, source, indexFromCache, topicsFromCache, timings };
}

/** The seed's prebuilt index and topics, when the corpus is exactly the seed and no user topics apply. */
async function readPrebuilt(
  papers: readonly Paper[],
  settings: IndexJobSettings,
): Promise<{ index: SearchIndex; topics: Topic[] } | undefined> {
  const dir = settings.prebuiltDir;
  if (!dir || settings.force || Object.keys(settings.userTopics).length > 0) return undefined;
  try {
    const manifest = JSON.parse(
      await readFile(join(dir, PREBUILT_FILES.manifest), 'utf8'),
    ) as PrebuiltManifest;
    if (manifest.papers !== papers.length || manifest.key !== indexKey(papers, PREBUILT_VERSION))
      return undefined;
    const [bytes, topicsText] = await Promise.all([
      readFile(join(dir, PREBUILT_FILES.index)),
      readFile(join(dir, PREBUILT_FILES.topics), 'utf8'),
    ]);
    const topics = parseTopics(topicsText);
    if (!topics) return undefined;
    return { index: SearchIndex.fromBytes(new Uint8Array(bytes), papers), topics };
  } catch {
    // Missing or damaged: the seed is indexed like any corpus.
    return undefined;
  }
}

async function readTopics(cache: IndexCache, key: string): Promise<Topic[] | undefined> {
  const bytes = await cache.read(cache.topicsFile(key));
  return bytes ? parseTopics(new TextDecoder().decode(bytes)) : undefined;
}

function parseTopics(text: string): Topic[] | undefined {
  try {
    const topics = JSON.parse(text) as unknown;
    return Array.isArray(topics) && topics.every(isTopic) ? topics : undefined;
  } catch {
    return undefined;
  }
}

function isTopic(value: unknown): value is Topic {
  const t = value as Partial<Topic> | null;
  return (
    !!t &&
    typeof t.id === 'string' &&
    typeof t.label === 'string' &&
    typeof t.user === 'boolean' &&
    Array.isArray(t.paperIds) &&
    t.paperIds.every((id) => typeof id === 'string')
  );
}

/** Writes the seed's prebuilt files (the build script calls this). */
export function prebuiltFiles(
  papers: readonly Paper[],
): Record<keyof typeof PREBUILT_FILES, Uint8Array | string> {
  const index = SearchIndex.build(papers);
  const topics = computeTopics(papers, { search: (query) => index.search(query, { requireAll: true }) });
  const manifest: PrebuiltManifest = { key: indexKey(papers, PREBUILT_VERSION), papers: papers.length };
  return { manifest: JSON.stringify(manifest), index: index.toBytes(), topics: JSON.stringify(topics) };
}
