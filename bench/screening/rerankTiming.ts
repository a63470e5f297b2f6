import { readFileSync } from 'node:fs';
import { readScreeningCsv } from '../../src/core/screening/csvReader';
import type { RankerConfigOverrides } from '../../src/core/screening/rankerConfig';
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
