/**
 * One indexing job: find the corpus's index and topics in the cache, or compute them and cache them. Runs
 * in the indexing worker for large corpora and in the extension host for small ones; uses Node but not the
 * editor API.
 */
import { performance } from 'node:perf_hooks';
import type { Paper } from '../../core/model/paper';
import { SearchIndex } from '../../core/search';
import { computeTopics, type Topic } from '../../core/topics';
import { indexKey, topicsKey } from './cacheKey';
import { IndexCache } from './indexCache';
import type { IndexedPaper, IndexJobResult, IndexJobSettings, IndexPhase } from './protocol';

export async function runIndexJob(
  indexed: readonly IndexedPaper[],
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
  const papers = indexed.map(asPaper);
  const cache = settings.cacheDir ? new IndexCache(settings.cacheDir) : undefined;
  const key = await phase('hashing', () => indexKey(indexed, settings.codeVersion));
  const userTopicsKey = topicsKey(key, settings.userTopics);

  let index: SearchIndex | undefined;
  // A cached index is passed on as it is; whoever loads it checks it (and asks again with `force` if damaged).
  let bytes =
    cache && !settings.force ? await phase('loading', () => cache.read(cache.indexFile(key))) : undefined;
  let indexFromCache = bytes !== undefined;
  if (!bytes) {
    bytes = await phase('indexing', () => {
      index = SearchIndex.build(papers);
      return index.toBytes();
    });
  }

  let topics =
    cache && !settings.force ? await phase('loading', () => readTopics(cache, userTopicsKey)) : undefined;
  const topicsFromCache = topics !== undefined;
  if (!topics) {
    topics = await phase('topics', () => {
      if (!index) {
        try {
          index = SearchIndex.fromBytes(bytes!, papers);
        } catch {
          index = SearchIndex.build(papers);
          bytes = index.toBytes();
          indexFromCache = false;
        }
      }
      // Saved queries run on the index at hand instead of a second one built for them.
      const search = index;
      return computeTopics(papers, {
        userTopics: settings.userTopics,
        search: (query) => search.search(query, { requireAll: true }),
      });
    });
  }

  if (cache && (!indexFromCache || !topicsFromCache)) {
    await phase('saving', async () => {
      if (!indexFromCache) await cache.write(cache.indexFile(key), bytes!);
      if (!topicsFromCache) await cache.write(cache.topicsFile(userTopicsKey), JSON.stringify(topics));
      await cache.prune();
    });
  }
  return { bytes, topics, indexFromCache, topicsFromCache, key, timings };
}

/** The job's result when the cache has both the index and the topics; undefined otherwise. Builds nothing. */
export async function cachedJob(
  indexed: readonly IndexedPaper[],
  settings: IndexJobSettings,
): Promise<IndexJobResult | undefined> {
  if (!settings.cacheDir || settings.force) return undefined;
  const start = performance.now();
  const cache = new IndexCache(settings.cacheDir);
  const key = indexKey(indexed, settings.codeVersion);
  const topics = await readTopics(cache, topicsKey(key, settings.userTopics));
  const bytes = topics && (await cache.read(cache.indexFile(key)));
  if (!topics || !bytes) return undefined;
  const timings = { loading: performance.now() - start };
  return { bytes, topics, indexFromCache: true, topicsFromCache: true, key, timings };
}

async function readTopics(cache: IndexCache, key: string): Promise<Topic[] | undefined> {
  const bytes = await cache.read(cache.topicsFile(key));
  if (!bytes) return undefined;
  try {
    const topics = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
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

/** The fields the index and the topics read, as a Paper. */
function asPaper(p: IndexedPaper): Paper {
  return {
    id: p.id,
    title: p.title,
    abstract: p.abstract,
    ...(p.authors ? { authors: p.authors } : {}),
    links: [],
    sources: [],
  };
}

/** The searchable part of a paper: what is sent to the worker and hashed for the cache. */
export function indexedPaper(p: Pick<Paper, 'id' | 'title' | 'abstract' | 'authors'>): IndexedPaper {
  return {
    id: p.id,
    title: p.title,
    abstract: p.abstract,
    ...(p.authors?.length ? { authors: p.authors } : {}),
  };
}
