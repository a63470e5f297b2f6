/** All figures for one synthetic corpus size. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../src/core/model/paper';
import { readCorpus } from '../../src/core/readers';
import { computeTopics } from '../../src/core/topics';
import { exportEntries, mergeIntoBib } from '../../src/core/bibtex';
import type { BuildReport } from './buildChild';
import { engine } from './engine';
import { playHost } from './hostPlay';
import { jsonOfSize } from './jsonFloor';
import { NaiveScan } from './naiveScan';
import { keystrokes, QUERIES } from './queries';
import { median, medianOfRuns, percentile, round, timed, timedAsync } from './stats';
import { bundleLibraryWorker } from './workerBundle';
import { largestTopic, topicChildren } from './treeChildren';
import { allIncluded, screeningState } from './triageFixture';

export const SIZE_LABELS: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };

export interface SizeOptions {
  runs: number;
  /** Play the extension host against a real library worker: blocks, end-to-end palette, host heap. */
  host: boolean;
  exportAll: boolean;
  /** Time the topic computation (minutes at 100k papers, so optional there). */
  topics: boolean;
  /** Identifies the code that wrote cached data: the cache of an earlier run is reused when it matches. */
  codeVersion: string;
}

export type Figures = Record<string, number>;

export async function benchSize(root: string, corpus: string, options: SizeOptions): Promise<Figures> {
  const { runs } = options;
  const indexFile = `${corpus}.index`;
  log(`building ${runs}× in a child process`);
  const build = await medianOfRuns(runs, () => buildInChild(root, corpus, indexFile));

  const papers = readCorpus(readFileSync(corpus), corpus).papers;
  const figures: Figures = {
    papers: papers.length,
    parse_ms: build.parse_ms,
    build_ms: build.build_ms,
    serialize_ms: build.serialize_ms,
    serialized_mb: build.serialized_bytes / 2 ** 20,
    build_peak_rss_mb: build.build_peak_rss_mb,
  };

  log('cached load');
  // Filling the cache builds the index and computes the topics once; an earlier run's cache of the same
  // corpus written by the same code is reused.
  const cacheDir = join(root, `bench/data/cache-${papers.length}`);
  await engine.fillCache(papers, cacheDir, options.codeVersion);
  let cached = await engine.cachedLoad(papers, cacheDir, options.codeVersion);
  // What the cache holds for this corpus: the index bytes and the topics (the folder may hold earlier runs' too).
  const cachedBytes =
    cached.index.toBytes().byteLength + new TextEncoder().encode(JSON.stringify(cached.topics)).byteLength;
  const floorJson = jsonOfSize(papers, cachedBytes);
  const load = await medianOfRuns(runs, async () => {
    const t = await timedAsync(() => engine.cachedLoad(papers, cacheDir, options.codeVersion));
    cached = t.value;
    // A loaded index decodes its vocabulary on the first query: that query's time, separately.
    const firstQuery = timed(() => engine.search(t.value.index, QUERIES[0]!)).ms;
    return {
      cached_load_ms: t.ms,
      first_query_ms: firstQuery,
      json_parse_floor_ms: timed(() => JSON.parse(floorJson)).ms,
    };
  });
  Object.assign(figures, load, {
    cached_mb: cachedBytes / 2 ** 20,
    cached_load_ratio: load.cached_load_ms / load.json_parse_floor_ms,
  });
  const index = cached.index;

  log('queries');
  const scan = new NaiveScan(papers);
  const queryTimes = latencies(runs, QUERIES, (q) => engine.search(index, q));
  const scanTimes = latencies(runs, QUERIES, (q) => scan.search(q).length);
  Object.assign(figures, {
    query_p50_ms: queryTimes.p50,
    query_p95_ms: queryTimes.p95,
    scan_p50_ms: scanTimes.p50,
    scan_p95_ms: scanTimes.p95,
    query_ratio: queryTimes.p95 / scanTimes.p95,
  });

  log('palette (in the worker, without the trip)');
  const palette = latencies(runs, keystrokes(), (typed) => engine.palette(index, typed));
  Object.assign(figures, { palette_compute_p50_ms: palette.p50, palette_compute_p95_ms: palette.p95 });

  log('topics and tree');
  let topics = cached.topics;
  if (options.topics) figures.topics_ms = await median1(runs, () => (topics = computeTopics(papers)));
  figures.topics = topics.length;
  const biggest = largestTopic(topics);
  if (biggest) {
    const byId = new Map(papers.map((p) => [p.id, p]));
    const state = screeningState(papers);
    figures.largest_topic_papers = biggest.paperIds.length;
    figures.tree_children_ms = await median1(runs, () => topicChildren(biggest, byId, state));
  }

  if (options.exportAll) {
    log('export');
    const state = allIncluded(papers);
    figures.export_ms = await median1(runs, () => exportAll(papers, state));
    figures.export_entries = exportAll(papers, state);
  }
  if (options.host) {
    log('the host against a library worker: corpus read, cold build, screening, palette');
    const script = await bundleLibraryWorker(root);
    const played = [];
    for (let run = 0; run < runs; run++) played.push(await playHost(script, corpus));
    for (const key of Object.keys(played[0]!) as (keyof (typeof played)[number])[]) {
      figures[key] = median(played.map((p) => p[key]));
    }
  }
  for (const key of Object.keys(figures)) figures[key] = round(figures[key]!, key.endsWith('ratio') ? 2 : 1);
  return figures;
}

function log(message: string): void {
  console.error(`[bench]   ${message}`);
}

function buildInChild(root: string, corpus: string, out: string): BuildReport {
  const child = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=20000',
      '--conditions=import',
      '--import',
      'tsx',
      join(root, 'bench/measure/buildChild.ts'),
      corpus,
      out,
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`index build failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as BuildReport;
}

/** p50 and p95 per run over all inputs (after one warm-up pass), medians across runs. */
export function latencies(runs: number, inputs: readonly string[], fn: (input: string) => unknown) {
  for (const input of inputs) fn(input);
  const p50: number[] = [];
  const p95: number[] = [];
  for (let run = 0; run < runs; run++) {
    const times = inputs.map((input) => timed(() => fn(input)).ms);
    p50.push(percentile(times, 50));
    p95.push(percentile(times, 95));
  }
  return { p50: median(p50), p95: median(p95) };
}

/** Median time of `runs` calls of fn (or of the durations `measure` reports). */
async function median1(runs: number, fn: () => unknown, measure?: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(measure ? await measure() : timed(fn).ms);
  return median(times);
}

function exportAll(papers: readonly Paper[], state: ReturnType<typeof allIncluded>): number {
  const result = exportEntries(papers, state, { statuses: 'all' });
  return mergeIntoBib('', result.entries).added;
}
