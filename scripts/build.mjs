// Bundles the extension host code, the library worker, the webviews (reader, screening progress), the CLI and
// the test suites with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production] [--tests]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests') || watch;

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
};

const nodeTargets = [
  { entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The library worker: reads the corpora, builds and answers the index, topics and screening ranking.
  { entryPoints: { 'library.worker': 'src/worker/library.worker.ts' }, outdir: 'dist' },
  // Writes the bundled seed's prebuilt index and topics (run below, not shipped).
  { entryPoints: { 'seed-prebuilt': 'scripts/seedPrebuilt.ts' }, outdir: 'out/scripts' },
].filter((t) => Object.values(t.entryPoints).every((p) => existsSync(p)));

const configs = [
  ...nodeTargets.map((t) => ({ ...common, platform: 'node', format: 'cjs', target: 'node20', ...t })),
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    entryPoints: { reader: 'src/webview/reader.ts', progress: 'src/webview/progress.ts' },
    outdir: 'media/dist',
  },
];

if (withTests) {
  const hostTests = readdirSync('test/host')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('test/host', f));
  configs.push({
    ...common,
    sourcemap: 'inline',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    entryPoints: hostTests,
    outdir: 'out/test/host',
    external: ['vscode', 'mocha'],
  });
}

// Stale bundles and source maps must not end up in the .vsix (the packaged .vsix itself is kept). Development
// builds overwrite in place, so a test run reading them is never left without files.
if (production) {
  for (const dir of ['dist', 'media/dist']) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (/\.(js|css|map)$/.test(f)) rmSync(join(dir, f));
  }
}

if (watch) {
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes…');
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}

// The seed's index and topics ship prebuilt, so the first tree after installing needs no topic computation;
// the worker uses them only when the loaded corpus hashes like the seed they were built from.
const prebuilt = spawnSync(
  process.execPath,
  ['out/scripts/seed-prebuilt.js', 'seeds/hf-daily-papers-seed.txt', 'dist/seed'],
  {
    stdio: 'inherit',
  },
);
if (prebuilt.status !== 0) process.exit(prebuilt.status ?? 1);
