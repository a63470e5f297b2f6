// Bundles the extension host code, the indexing, corpus reader and screening workers, the reader webview, the CLI and the test suites with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production] [--tests]
import * as esbuild from 'esbuild';
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
  // Builds search indexes and topics off the extension host's thread (worker_threads).
  { entryPoints: { 'indexer.worker': 'src/extension/indexing/indexer.worker.ts' }, outdir: 'dist' },
  // Parses large corpus files off the extension host's thread.
  { entryPoints: { 'corpus.worker': 'src/extension/corpus/corpusReader.worker.ts' }, outdir: 'dist' },
  // Vectorises large corpora for the screening ranker off the extension host's thread.
  {
    entryPoints: { 'screening.worker': 'src/extension/screening/screeningFeatures.worker.ts' },
    outdir: 'dist',
  },
].filter((t) => Object.values(t.entryPoints).every((p) => existsSync(p)));

const configs = [
  ...nodeTargets.map((t) => ({ ...common, platform: 'node', format: 'cjs', target: 'node20', ...t })),
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    entryPoints: { reader: 'src/webview/reader.ts' },
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
