/** Build, query and palette figures on the real corpora of the test fixtures and the bundled seed. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readCorpus } from '../../src/core/readers';
import { vocabularySources } from '../corpus/vocabulary';
import { SearchIndex } from '../../src/core/search';
import { engine } from './engine';
import { NaiveScan } from './naiveScan';
import { keystrokes, QUERIES } from './queries';
import { latencies, type Figures } from './sizeBench';
import { median, round, timed } from './stats';

export async function benchRealCorpora(root: string, runs: number): Promise<Record<string, Figures>> {
  const results: Record<string, Figures> = {};
  for (const file of vocabularySources(root)) {
    const name = relative(join(root), file);
    let papers;
    const parseTimes: number[] = [];
    try {
      for (let run = 0; run < runs; run++) {
        const bytes = readFileSync(file);
        const t = timed(() => readCorpus(bytes, file).papers);
        parseTimes.push(t.ms);
        papers = t.value;
      }
    } catch {
      continue; // the deliberately malformed fixture
    }
    if (!papers || papers.length === 0) continue;
    console.error(`[bench] real corpus ${name}`);
    const buildTimes: number[] = [];
    let index = SearchIndex.build(papers);
    for (let run = 0; run < runs; run++) {
      const t = timed(() => SearchIndex.build(papers));
      buildTimes.push(t.ms);
      index = t.value;
    }
    const scan = new NaiveScan(papers);
    const query = latencies(runs, QUERIES, (q) => engine.search(index, q));
    const scanned = latencies(runs, QUERIES, (q) => scan.search(q).length);
    const palette = latencies(runs, keystrokes(), (typed) => engine.palette(index, typed));
    results[name] = {
      papers: papers.length,
      parse_ms: round(median(parseTimes)),
      build_ms: round(median(buildTimes)),
      query_p95_ms: round(query.p95, 2),
      scan_p95_ms: round(scanned.p95, 2),
      palette_p95_ms: round(palette.p95, 2),
    };
  }
  return results;
}
