// Runs the plain-Node unit tests (test/unit/**/*.test.ts) with node:test and prints a closing
// "unit: N passed, N failed" line. Extra arguments are test files or name patterns to narrow the run.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function collect(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return collect(full);
    return name.endsWith('.test.ts') ? [full] : [];
  });
}

const args = process.argv.slice(2);
const files = (
  args.length ? args.map((a) => join(process.cwd(), a)) : collect(join(root, 'test/unit'))
).sort();
const run = spawnSync(
  process.execPath,
  [
    // Resolve packages through their "import" (ESM) entry, as the esbuild bundles do, so that tests load the
    // same build of a dependency as the product; Node >= 20.19 require()s ES modules fine.
    '--conditions=import',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/summary-reporter.mjs')}`,
    '--test-reporter-destination=stdout',
    ...files.map((f) => relative(root, f)),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
