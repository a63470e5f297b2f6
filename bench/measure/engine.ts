/**
 * The product's code, seen through the operations the benchmark times: build and serialise an index (what the
 * cache stores), load a corpus from the cache, query, and the palette's combined ranking.
 */
import type { Paper } from '../../src/core/model/paper';
import type { SearchIndex } from '../../src/core/search';
import { runIndexJob } from '../../src/worker/indexJob';

/** How many items the palette shows. */
export const PALETTE_ITEMS = 50;
/** How many hits of a full-text query a results list shows with highlights. */
export const SHOWN_HITS = 20;

export const engine = {
  /** A cache hit as the library worker has it: hash the corpus, read index and topics, load the index. */
  cachedLoad: async (papers: readonly Paper[], cacheDir: string, codeVersion: string) => {
    const result = await runIndexJob(papers, cacheSettings(cacheDir, false, codeVersion));
    if (result.source !== 'cache') throw new Error('the cache was not used');
    return { index: result.index, topics: result.topics };
  },

  /** Fills the cache unless it holds this corpus already (a cold build: index and topics). */
  fillCache: (papers: readonly Paper[], cacheDir: string, codeVersion: string) =>
    runIndexJob(papers, cacheSettings(cacheDir, false, codeVersion)),

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
