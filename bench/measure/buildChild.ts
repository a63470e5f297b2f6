/**
 * Child process: parses a corpus, builds and serialises its index the way the indexing worker does, writes the
 * serialised index next to the corpus, and prints the timings and the process's peak resident memory as JSON.
 * Run in its own process so the peak belongs to the build alone.
 *
 *   node --import tsx bench/measure/buildChild.ts CORPUS OUT
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readCorpus } from '../../src/core/readers';
import { SearchIndex } from '../../src/core/search';

export interface BuildReport {
  parse_ms: number;
  build_ms: number;
  serialize_ms: number;
  serialized_bytes: number;
  build_peak_rss_mb: number;
}

const [corpus, out] = process.argv.slice(2);
if (!corpus || !out) throw new Error('usage: buildChild CORPUS OUT');
let t = performance.now();
const papers = readCorpus(readFileSync(corpus), corpus).papers;
const parseMs = performance.now() - t;
t = performance.now();
const index = SearchIndex.build(papers);
const buildMs = performance.now() - t;
t = performance.now();
const bytes = index.toBytes();
const serializeMs = performance.now() - t;
writeFileSync(out, bytes);
const report: BuildReport = {
  parse_ms: parseMs,
  build_ms: buildMs,
  serialize_ms: serializeMs,
  serialized_bytes: bytes.byteLength,
  build_peak_rss_mb: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
