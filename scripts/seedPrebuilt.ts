// Writes the bundled seed's prebuilt index, topics and manifest (the seed's hash) into a folder of dist/.
// Usage (after bundling, see build.mjs): node out/scripts/seed-prebuilt.js SEED_FILE OUT_DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpora } from '../src/worker/readCorpora';
import { PREBUILT_FILES, prebuiltFiles } from '../src/worker/indexJob';

const [seed, out] = process.argv.slice(2);
if (!seed || !out) throw new Error('usage: seed-prebuilt SEED_FILE OUT_DIR');
// Read exactly as the worker reads it (the label is the one the extension gives the seed).
const read = readCorpora([{ label: seed, bytes: new Uint8Array(readFileSync(seed)) }]);
if (read.failures.length) throw new Error(`cannot read the seed: ${String(read.failures[0]!.error)}`);
mkdirSync(out, { recursive: true });
const files = prebuiltFiles(read.papers);
for (const name of Object.keys(PREBUILT_FILES) as (keyof typeof PREBUILT_FILES)[]) {
  writeFileSync(join(out, PREBUILT_FILES[name]), files[name]);
}
