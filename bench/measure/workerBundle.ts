/** Bundles the library worker the way scripts/build.mjs does, into bench/data, for the host-side figures. */
import { build } from 'esbuild';
import { join } from 'node:path';

export async function bundleLibraryWorker(root: string): Promise<string> {
  const outfile = join(root, 'bench/data', 'library.worker.js');
  await build({
    entryPoints: [join(root, 'src/worker/library.worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}
