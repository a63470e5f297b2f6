/** Bundles the workers the way scripts/build.mjs does, into bench/data, for the host-block figures. */
import { build } from 'esbuild';
import { join } from 'node:path';

export function bundleIndexerWorker(root: string): Promise<string> {
  return bundleWorker(root, 'src/extension/indexing/indexer.worker.ts', 'indexer.worker.js');
}

export function bundleCorpusWorker(root: string): Promise<string> {
  return bundleWorker(root, 'src/extension/corpus/corpusReader.worker.ts', 'corpus.worker.js');
}

export function bundleScreeningWorker(root: string): Promise<string> {
  return bundleWorker(root, 'src/extension/screening/screeningFeatures.worker.ts', 'screening.worker.js');
}

async function bundleWorker(root: string, entry: string, name: string): Promise<string> {
  const outfile = join(root, 'bench/data', name);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}
