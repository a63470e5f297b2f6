/**
 * The extension host's side of the library, played by this process with the product's own client: a new
 * library worker reads the corpus file, builds the index and topics on a cold cache, ranks for screening
 * after a few decisions, and answers palette keystrokes. Measured here: each step's longest event-loop block
 * on this (the host's) thread, the palette's end-to-end latency (request → worker → answer), and the heap the
 * host keeps (summaries and topics only).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LibraryClient, RequestCancelled } from '../../src/extension/library/libraryClient';
import { topicsOf } from '../../src/extension/library/topicsView';
import type { PaperSummary } from '../../src/worker/protocol';
import { longestBlockMs } from './hostBlock';
import { keystrokes } from './queries';
import { percentile } from './stats';

export interface HostFigures {
  host_heap_mb: number;
  load_ms: number;
  max_load_block_ms: number;
  cold_index_ms: number;
  max_build_block_ms: number;
  max_screening_block_ms: number;
  max_palette_block_ms: number;
  max_host_block_ms: number;
  palette_e2e_p50_ms: number;
  palette_p95_ms: number;
}

const BURST = 50;

export async function playHost(workerScript: string, corpus: string): Promise<HostFigures> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'litriage-bench-cache-'));
  const client = new LibraryClient(workerScript);
  try {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    await client.request('configure', { cacheDir, codeVersion: `bench-${Date.now()}` });

    let summaries: PaperSummary[] = [];
    let loadMs = 0;
    const maxLoadBlock = await longestBlockMs(async () => {
      const start = performance.now();
      const batches: PaperSummary[] = [];
      await client.request(
        'load',
        { files: [{ label: corpus, path: corpus }] },
        { onBatch: (items) => batches.push(...items) },
      );
      summaries = batches;
      loadMs = performance.now() - start;
    });
    const byId = new Map(summaries.map((p) => [p.id, p]));

    let topics: ReturnType<typeof topicsOf> = [];
    let coldMs = 0;
    const maxBuildBlock = await longestBlockMs(async () => {
      const start = performance.now();
      const result = await client.request('index', { userTopics: {}, force: true });
      topics = topicsOf(result.topics, result.members, summaries);
      coldMs = performance.now() - start;
    });
    gc();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

    // A few decisions, then the ranking: the worker builds the screening features for it.
    const changes = summaries.slice(0, 40).map((p, i) => ({
      id: p.id,
      status: i % 4 === 0 ? ('include' as const) : ('exclude' as const),
      tags: [],
    }));
    const maxScreeningBlock = await longestBlockMs(async () => {
      await client.request('triage', { reset: true, changes });
      await client.request('rank', {});
    });

    // Keystroke by keystroke, each answered before the next: the end-to-end latency.
    const inputs = keystrokes();
    for (const typed of inputs.slice(0, 20)) await client.request('palette', { query: typed, limit: 50 });
    const latencies: number[] = [];
    for (const typed of inputs) {
      const start = performance.now();
      await client.request('palette', { query: typed, limit: 50 });
      latencies.push(performance.now() - start);
    }
    // A burst: 50 keystrokes sent without waiting, each superseding the one before.
    const maxPaletteBlock = await longestBlockMs(async () => {
      const queries = inputs.slice(0, BURST).map((typed) =>
        client
          .request('palette', { query: typed, limit: 50 }, { supersedes: 'palette' })
          .catch((error: unknown) => {
            if (!(error instanceof RequestCancelled)) throw error;
          }),
      );
      await Promise.all(queries);
    });
    if (byId.size !== summaries.length || topics.length === 0)
      throw new Error('the host view model is incomplete');
    return {
      host_heap_mb: heapMb,
      load_ms: loadMs,
      max_load_block_ms: maxLoadBlock,
      cold_index_ms: coldMs,
      max_build_block_ms: maxBuildBlock,
      max_screening_block_ms: maxScreeningBlock,
      max_palette_block_ms: maxPaletteBlock,
      max_host_block_ms: Math.max(maxLoadBlock, maxBuildBlock, maxScreeningBlock, maxPaletteBlock),
      palette_e2e_p50_ms: percentile(latencies, 50),
      palette_p95_ms: percentile(latencies, 95),
    };
  } finally {
    client.dispose();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run the benchmark with --expose-gc (npm run bench does)');
  collect();
}
