import { readFileSync } from 'node:fs';
import { readScreeningCsv } from '../../src/core/screening/csvReader';
import { percentile } from '../../src/core/screening/metrics';
import {
  DEFAULT_RANKER_CONFIG,
  ROUND3_ASREVIEW_NB_CONFIG,
  type RankerConfigOverrides,
} from '../../src/core/screening/rankerConfig';
import { ScreeningRanker, type RankablePaper } from '../../src/core/screening/ranker';

export interface RerankTiming {
  buildMs: number;
  /** Per decision: setLabel, then the full ordering of the undecided papers (refit + rank()). */
  decisionMs: number[];
}

/**
 * Times the ranker as the extension uses it, on `size` papers: the two benchmark corpora repeated (each copy
 * with a distinct id and a marker word, so copies are distinct documents) until `size` papers, then
 * `decisions` decisions, each followed by a full re-rank. The decisions follow the ranking: the top paper is
 * included when its source row was, excluded otherwise.
 */
export function measureRerank(size: number, decisions: number, config?: RankerConfigOverrides): RerankTiming {
  const source = ['nudging', 'wilson'].flatMap((name) => {
    const file = new URL(`../../test/fixtures/screening/${name}.csv`, import.meta.url);
    return readScreeningCsv(new Uint8Array(readFileSync(file)), `${name}.csv`).records;
  });
  const papers: RankablePaper[] = [];
  const included = new Map<string, boolean>();
  for (let i = 0; i < size; i++) {
    const record = source[i % source.length]!;
    const copy = Math.floor(i / source.length);
    const id = `p${i}`;
    papers.push({ id, title: record.paper.title, abstract: `${record.paper.abstract} copy${copy}` });
    included.set(id, record.included === true);
  }
  const start = performance.now();
  const ranker = new ScreeningRanker(papers, config ? { config } : {});
  ranker.rank();
  const buildMs = performance.now() - start;

  const firstInclude = papers.find((p) => included.get(p.id))!;
  const firstExclude = papers.find((p) => !included.get(p.id))!;
  ranker.setLabel(firstInclude.id, 'include');
  ranker.setLabel(firstExclude.id, 'exclude');
  let ranking = ranker.rank();
  const decisionMs: number[] = [];
  for (let i = 0; i < decisions; i++) {
    const id = ranking[0]!;
    const t0 = performance.now();
    ranker.setLabel(id, included.get(id) ? 'include' : 'exclude');
    ranking = ranker.rank();
    decisionMs.push(performance.now() - t0);
  }
  return { buildMs, decisionMs };
}

/**
 * The re-rank of 10,000 papers after each of 60 decisions, for the default (SVM) and round 3's naive Bayes, in
 * one process: `repetitions` rounds, alternating which configuration goes first, so both see the same load.
 * Prints each run's p95, the median of the runs' p95 per configuration and their ratio.
 */
export function compareRerank(repetitions: number, size = 10_000, decisions = 60): void {
  const configs = [
    ['default (SVM)', DEFAULT_RANKER_CONFIG],
    ['round 3 naive Bayes', ROUND3_ASREVIEW_NB_CONFIG],
  ] as const;
  const p95s: number[][] = configs.map(() => []);
  console.log(`re-rank of ${size.toLocaleString('en')} papers after each of ${decisions} decisions`);
  for (let r = 0; r < repetitions; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const c of order) {
      const [name, config] = configs[c]!;
      const timing = measureRerank(size, decisions, config);
      const p95 = percentile(timing.decisionMs, 95);
      p95s[c]!.push(p95);
      console.log(
        `  run ${r + 1} ${name.padEnd(20)} p95 ${p95.toFixed(1).padStart(7)} ms, ` +
          `median ${percentile(timing.decisionMs, 50).toFixed(1).padStart(7)} ms, ` +
          `build ${(timing.buildMs / 1000).toFixed(1)} s`,
      );
    }
  }
  const medians = p95s.map((runs) => percentile(runs, 50));
  for (let c = 0; c < configs.length; c++) {
    console.log(
      `${configs[c]![0].padEnd(20)} median of ${repetitions} runs' p95: ${medians[c]!.toFixed(1)} ms`,
    );
  }
  console.log(`ratio naive Bayes / default: ${(medians[1]! / medians[0]!).toFixed(2)}`);
}
