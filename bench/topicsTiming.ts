/**
 * Times computeTopics alone on the synthetic corpora (generated once, as `npm run bench` does), wall clock
 * and CPU, and prints the largest topics, how well the topics agree with the generator's own subjects
 * (normalised mutual information and purity, over all papers and outside "Other") and a fingerprint of the
 * result: to compare timings, labels and quality before and after a change to the topic code.
 *
 *   node --conditions=import --import tsx bench/topicsTiming.ts [--sizes 1k,10k,100k] [--runs 3] [--top 10]
 *                                                               [--json out.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { GENERATOR_VERSION, generatorModel, syntheticCorpus, type GeneratorModel } from './corpus/generate';
import { Prng, ZipfSampler } from './corpus/prng';
import { readCorpus } from '../src/core/readers';
import { computeTopics, type Topic } from '../src/core/topics';

const root = fileURLToPath(new URL('..', import.meta.url));
const SIZES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const runs = Number(option('runs') ?? 3);
const top = Number(option('top') ?? 10);
const sizes = (option('sizes') ?? '1k,10k,100k').split(',');
const jsonOut = option('json');

/**
 * Paper i's main subject as the generator (bench/corpus/generate.ts, version 1) draws it first from its
 * seed: the ground truth the topics are compared with.
 */
const GENERATOR_SEED = 20250601;
const topicZipf = new ZipfSampler(60, 0.7);
function mainTopic(i: number): number {
  return topicZipf.sample(new Prng((GENERATOR_SEED ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0));
}

/** Normalised mutual information between two labellings of the same items, and the purity of `a`. */
function agreement(a: readonly number[], b: readonly number[]): { nmi: number; purity: number } {
  const n = a.length;
  const joint = new Map<string, number>();
  const ca = new Map<number, number>();
  const cb = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    joint.set(`${a[i]} ${b[i]}`, (joint.get(`${a[i]} ${b[i]}`) ?? 0) + 1);
    ca.set(a[i]!, (ca.get(a[i]!) ?? 0) + 1);
    cb.set(b[i]!, (cb.get(b[i]!) ?? 0) + 1);
  }
  const entropy = (c: Map<number, number>) =>
    [...c.values()].reduce((h, x) => h - (x / n) * Math.log(x / n), 0);
  let mi = 0;
  const best = new Map<number, number>();
  for (const [key, x] of joint) {
    const [i, j] = key.split(' ').map(Number) as [number, number];
    mi += (x / n) * Math.log((x * n) / (ca.get(i)! * cb.get(j)!));
    best.set(i, Math.max(best.get(i) ?? 0, x));
  }
  const purity = [...best.values()].reduce((sum, x) => sum + x, 0) / n;
  return { nmi: (2 * mi) / (entropy(ca) + entropy(cb)), purity };
}

let model: GeneratorModel | undefined;
const report: Record<
  string,
  { ms: number[]; cpu: number[]; median: number; topics: Array<[string, number]> }
> = {};
for (const label of sizes) {
  const size = SIZES[label];
  if (!size) throw new Error(`unknown size ${label}`);
  const file = syntheticCorpus(root, size, () => (model ??= generatorModel(root)));
  const papers = readCorpus(readFileSync(file), file).papers;
  const times: number[] = [];
  const cpu: number[] = [];
  let topics: Topic[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    topics = computeTopics(papers);
    times.push(performance.now() - started);
    const used = process.cpuUsage(startedCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const other = topics.find((t) => t.label === 'Other' && !t.user);
  console.log(
    `${label}: ${papers.length} papers, runs ${times.map((t) => Math.round(t)).join(' / ')} ms, ` +
      `median ${Math.round(median)} ms (CPU ${cpu.map((t) => Math.round(t)).join(' / ')} ms); ${topics.length} topics, Other ${other?.paperIds.length ?? 0}`,
  );
  // Paper i of the file is the generator's paper i unless the reader merged some.
  if (GENERATOR_VERSION !== 1 || papers.length !== size)
    throw new Error('the corpus is not the one expected');
  const topicOf = new Map<string, number>();
  topics.forEach((t, c) => t.paperIds.forEach((id) => topicOf.set(id, c)));
  const found = papers.map((p) => topicOf.get(p.id)!);
  const truth = papers.map((_, i) => mainTopic(i));
  const all = agreement(found, truth);
  const kept = papers.map((_, i) => i).filter((i) => topics[found[i]!]!.label !== 'Other');
  const clustered = agreement(
    kept.map((i) => found[i]!),
    kept.map((i) => truth[i]!),
  );
  const fingerprint = createHash('sha256').update(JSON.stringify(topics)).digest('hex').slice(0, 16);
  console.log(
    `  against the generator's topics: NMI ${all.nmi.toFixed(3)}, purity ${all.purity.toFixed(3)}; ` +
      `outside Other NMI ${clustered.nmi.toFixed(3)}, purity ${clustered.purity.toFixed(3)}; ` +
      `fingerprint ${fingerprint}`,
  );
  for (const t of topics.slice(0, top)) console.log(`  ${String(t.paperIds.length).padStart(6)}  ${t.label}`);
  report[label] = { ms: times, cpu, median, topics: topics.map((t) => [t.label, t.paperIds.length]) };
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
