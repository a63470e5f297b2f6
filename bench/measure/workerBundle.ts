/** Bundles the indexing worker the way scripts/build.mjs does, into bench/data, for the host-block figure. */
import { build } from 'esbuild';
import { join } from 'node:path';

export async function bundleIndexerWorker(root: string): Promise<string> {
  const outfile = join(root, 'bench/data/indexer.worker.js');
  await build({
    entryPoints: [join(root, 'src/extension/indexing/indexer.worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}
