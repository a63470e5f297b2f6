/**
 * `npm run bench`: generates (once) the synthetic corpora, measures the search index, palette, topics, tree and
 * export at 1k / 10k / 100k papers and on the real test corpora, next to their floors (a naive linear scan,
 * JSON.parse of as many bytes), prints a table and writes bench/results.json. Every figure is the median of
 * --runs runs (default 3).
 *
 *   node --import tsx bench/run.ts [--sizes 1k,10k,100k] [--runs 3] [--out bench/results.json] [--no-real]
 *                                  [--no-bibtex] [--only bibtex|cite]
 *
 * Topics are timed at every size (about 10 s at 100k papers); --no-topics-100k skips them there. The BibTeX
 * reading figures (big-library-7166.bib, the 6.5 MB and 20 MB files) run first, while that code is cold;
 * `--only bibtex` runs just them (about 20 s) and updates only the "bibtex" part of the results file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generatorModel, syntheticCorpus, type GeneratorModel } from './corpus/generate';
import { benchBibtex } from './measure/bibtexBench';
import { benchCite } from './measure/citeBench';
import { benchRealCorpora } from './measure/realCorpora';
import { benchSize, SIZE_LABELS } from './measure/sizeBench';
import { machineDescription } from './measure/machine';
import { printTable } from './measure/table';
import { sourceVersion } from './measure/sourceVersion';

const root = fileURLToPath(new URL('..', import.meta.url));

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const runs = Number(option('runs') ?? 3);
const sizes = (option('sizes') ?? '1k,10k,100k').split(',').map((label) => {
  const size = SIZE_LABELS[label];
  if (!size) throw new Error(`unknown size ${label}; use ${Object.keys(SIZE_LABELS).join(', ')}`);
  return { label, size };
});
const out = option('out') ?? join(root, 'bench/results.json');
const withReal = !process.argv.includes('--no-real');
const topicsAt100k = !process.argv.includes('--no-topics-100k');
const withBibtex = !process.argv.includes('--no-bibtex');
const only = option('only');
if (only !== undefined && only !== 'bibtex' && only !== 'cite') throw new Error('--only takes: bibtex, cite');

/** `--only bibtex|cite`: those figures, written into the existing results file (the other parts kept). */
function onlyPart(part: 'bibtex' | 'cite'): void {
  const results = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
  console.error(`[bench] ${part}`);
  results[part] = part === 'bibtex' ? benchBibtex(root, runs) : benchCite(runs);
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  printTable({ machine: machineDescription(), runs, [part]: results[part] });
  console.log(`\nwrote the ${part} figures into ${out}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  let model: GeneratorModel | undefined;
  const results: Record<string, unknown> = {
    machine: machineDescription(),
    date: new Date().toISOString().slice(0, 10),
    runs,
  };
  if (withBibtex) {
    console.error('[bench] bibtex');
    results.bibtex = benchBibtex(root, runs);
  }
  for (const { label, size } of sizes) {
    const corpus = syntheticCorpus(root, size, () => (model ??= generatorModel(root)));
    console.error(`[bench] ${label}: ${corpus}`);
    results[label] = await benchSize(root, corpus, {
      runs,
      host: true,
      exportAll: size === 10_000,
      topics: size < 100_000 || topicsAt100k,
      codeVersion: sourceVersion(root),
    });
  }
  if (withReal) results.real = await benchRealCorpora(root, runs);
  console.error('[bench] cite');
  results.cite = benchCite(runs);
  results.total_s = Math.round((performance.now() - started) / 1000);
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  console.log(`\nwrote ${out} in ${results.total_s} s`);
}

void (only ? Promise.resolve().then(() => onlyPart(only)) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
