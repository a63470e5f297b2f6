/**
 * The product's code, seen through the operations the benchmark times: build and serialise an index (what the
 * cache stores), load a corpus from the cache, query, the palette's combined ranking, and the extension
 * host's part of a cold background build.
 */
import type { Paper } from '../../src/core/model/paper';
import { SearchIndex } from '../../src/core/search';
import { indexedPaper, runIndexJob } from '../../src/extension/indexing/indexJob';
import { LOW_PRIORITY_FROM } from '../../src/extension/indexing/protocol';
import { indexInWorker } from '../../src/extension/indexing/workerClient';

/** How many items the palette shows. */
export const PALETTE_ITEMS = 50;
/** How many hits of a full-text query a results list shows with highlights. */
export const SHOWN_HITS = 20;

export const engine = {
  /** A cache hit as the extension has it: hash the corpus, read index and topics, load the index. */
  cachedLoad: async (papers: readonly Paper[], cacheDir: string, codeVersion: string) => {
    const result = await runIndexJob(papers.map(indexedPaper), cacheSettings(cacheDir, false, codeVersion));
    if (!result.indexFromCache || !result.topicsFromCache) throw new Error('the cache was not used');
    return { index: SearchIndex.fromBytes(result.bytes, papers), topics: result.topics, bytes: result.bytes };
  },

  /** Fills the cache unless it holds this corpus already (a cold build: index and topics). */
  fillCache: (papers: readonly Paper[], cacheDir: string, codeVersion: string) =>
    runIndexJob(papers.map(indexedPaper), cacheSettings(cacheDir, false, codeVersion)),

  search: (index: SearchIndex, query: string) => {
    const hits = index.search(query);
    touchMatches(hits.slice(0, SHOWN_HITS));
    return hits.length;
  },

  palette: (index: SearchIndex, typed: string) => {
    const hits = index.combined(typed, { limit: PALETTE_ITEMS });
    touchMatches(hits);
    return hits.length;
  },

  /**
   * The extension host's side of a cold build: hand the papers to the indexing worker in batches, receive the
   * index bytes and topics, load the index.
   */
  hostBuild: async (papers: readonly Paper[], workerScript: string) => {
    // As the extension does: a large corpus's worker runs below the host thread's priority.
    const job = indexInWorker(workerScript, papers, {
      ...cacheSettings(undefined, true, 'bench'),
      lowPriority: papers.length >= LOW_PRIORITY_FROM,
    });
    const result = await job.result;
    return { index: SearchIndex.fromBytes(result.bytes, papers), topics: result.topics };
  },
};

function cacheSettings(cacheDir: string | undefined, force: boolean, codeVersion: string) {
  return { cacheDir, userTopics: {}, codeVersion, force };
}

/** Shown hits need their match positions (highlights, snippets): read them so lazy ones are computed. */
function touchMatches(hits: readonly { matches: readonly unknown[] }[]): number {
  let n = 0;
  for (const hit of hits) n += hit.matches.length;
  return n;
}
