import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateBib, validationFailures } from '../../support/bibtexValidators';
import { runCli } from './runCli';

const repo = join(__dirname, '..', '..', '..');
const corporaDir = join(repo, 'test', 'fixtures', 'corpora');
const corpusFiles = [
  ...readdirSync(corporaDir)
    .filter((f) => /\.(txt|bib|ris|json|xml)$/.test(f))
    .map((f) => join(corporaDir, f)),
  ...readdirSync(join(corporaDir, 'hf-daily-papers-extra'))
    .filter((f) => f.endsWith('.json') && f !== '2024-12-11.json')
    .map((f) => join(corporaDir, 'hf-daily-papers-extra', f)),
];

/** Keys of entries without a year: biber's datamodel rightly notes those, and the corpus has no year to give. */
function undatedKeys(bib: string): string[] {
  return bib
    .split(/^@/m)
    .filter((entry) => !/^\s*year\s*=/m.test(entry))
    .map((entry) => /^\w+\{([^,]+),/.exec(entry)?.[1])
    .filter((key): key is string => key !== undefined);
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'litriage-cli-'));
}

test('search --json returns the combined ranking best first, typos included', async () => {
  const { code, stdout } = await runCli('search', 'speculatve decodng', '--json');
  assert.equal(code, 0);
  const rows = JSON.parse(stdout) as { id: string; title: string; score: number }[];
  assert.ok(rows.length >= 2);
  assert.deepEqual(Object.keys(rows[0]!).sort(), ['id', 'score', 'title']);
  assert.match(rows[0]!.title, /Speculative Decoding/);
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1]!.score >= rows[i]!.score, 'ordered by score');
});

test('search accepts any text and never fails', async () => {
  for (const q of [
    'foo:',
    '-',
    '~',
    '"',
    '(',
    '*',
    'title:',
    '+',
    '^2',
    'x'.repeat(5000),
    '<script>',
    '🙂',
  ]) {
    const { code, stdout } = await runCli('search', q, '--json');
    assert.equal(code, 0, `query ${JSON.stringify(q.slice(0, 20))}`);
    assert.ok(Array.isArray(JSON.parse(stdout)));
  }
});

test('topics --json puts every paper of every corpus in exactly one topic', async () => {
  for (const file of [undefined, ...corpusFiles]) {
    const { code, stdout } = await runCli('topics', '--json', ...(file ? ['--corpus', file] : []));
    assert.equal(code, 0, file);
    const topics = JSON.parse(stdout) as { label: string; papers: { id: string; title: string }[] }[];
    const ids = topics.flatMap((t) => t.papers.map((p) => p.id));
    assert.equal(new Set(ids).size, ids.length, `${file}: a paper is in two topics`);
    assert.ok(ids.length > 0, `${file}: no papers`);
    for (const t of topics) assert.ok(t.label.trim().length > 0);
  }
  const seed = JSON.parse((await runCli('topics', '--json')).stdout) as { papers: unknown[] }[];
  assert.equal(
    seed.reduce((n, t) => n + t.papers.length, 0),
    52,
  );
});

test('topics --topics FILE adds user topics that take precedence', async () => {
  const dir = scratch();
  try {
    const topicsFile = join(dir, 'topics.json');
    writeFileSync(topicsFile, JSON.stringify({ 'Speculative decoding': 'speculative decoding' }));
    const { stdout } = await runCli('topics', '--json', '--topics', topicsFile);
    const topics = JSON.parse(stdout) as { label: string; user?: boolean; papers: { title: string }[] }[];
    const mine = topics.find((t) => t.label === 'Speculative decoding');
    assert.ok(mine?.user);
    assert.ok(mine.papers.some((p) => p.title.startsWith('Continuous Speculative Decoding')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export --out merges into a .bib that real bibtex and biber accept, for the seed and every corpus', async () => {
  const dir = scratch();
  try {
    for (const file of [undefined, ...corpusFiles]) {
      const out = join(dir, `${file ? file.split('/').pop() : 'seed'}.bib`);
      const corpusArgs = file ? ['--corpus', file] : [];
      const first = await runCli('export', '--status', 'all', '--out', out, '--json', ...corpusArgs);
      assert.equal(first.code, 0, first.stderr);
      const report = JSON.parse(first.stdout) as { added: number; kept: number; keys: string[] };
      assert.ok(report.added > 0, `${file}: nothing exported`);
      assert.equal(report.kept, 0);
      const text = readFileSync(out, 'utf8');
      assert.deepEqual(validationFailures(validateBib(text), undatedKeys(text)), [], `${file ?? 'seed'}`);

      const again = JSON.parse(
        (await runCli('export', '--status', 'all', '--out', out, '--json', ...corpusArgs)).stdout,
      );
      assert.equal(again.added, 0);
      assert.equal(again.kept, report.added);
      assert.equal(readFileSync(out, 'utf8'), text, 'a second export rewrites nothing');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export pins new keys in --state, and the default scope is included papers', async () => {
  const dir = scratch();
  try {
    const state = join(dir, 'literature-triage.json');
    const empty = await runCli('export', '--state', state, '--json');
    assert.equal(JSON.parse(empty.stdout).added, 0, 'nothing is included yet');
    const all = JSON.parse((await runCli('export', '--status', 'all', '--state', state, '--json')).stdout);
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { papers: Record<string, { key?: string }> };
    const pinned = Object.values(saved.papers).map((p) => p.key);
    assert.equal(pinned.length, 52);
    assert.deepEqual([...pinned].sort(), [...all.keys].sort());
    const again = JSON.parse((await runCli('export', '--status', 'all', '--state', state, '--json')).stdout);
    assert.deepEqual(again.keys, all.keys, 'pinned keys are reused');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stats --json counts papers and triage', async () => {
  const { code, stdout } = await runCli('stats', '--json');
  assert.equal(code, 0);
  const stats = JSON.parse(stdout);
  assert.equal(stats.papers, 52);
  assert.equal(stats.status.untriaged, 52);
  assert.equal(stats.triaged, 0);
});

test('errors name the file and exit 1; usage errors exit 2', async () => {
  const dir = scratch();
  try {
    const missing = await runCli('stats', '--corpus', join(dir, 'nope.bib'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.bib/);
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00]));
    const bad = await runCli('stats', '--corpus', binary);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /binary\.txt/);
    const corruptState = join(dir, 'state.json');
    writeFileSync(corruptState, '{ not json');
    const state = await runCli('stats', '--state', corruptState);
    assert.equal(state.code, 1);
    assert.match(state.stderr, /state\.json/);
    assert.equal((await runCli('frobnicate')).code, 2);
    assert.equal((await runCli('search')).code, 2);
    assert.equal((await runCli('stats', '--bogus')).code, 2);
    assert.equal((await runCli('export', '--status', 'nope')).code, 2);
    assert.equal((await runCli()).code, 2);
    assert.equal((await runCli('--help')).code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the bundled CLI runs as a program: stdout for results, stderr and exit codes for errors', async () => {
  const dir = scratch();
  try {
    // The same bundle `npm run build` makes, laid out like the package (dist/ next to seeds/).
    await build({
      entryPoints: [join(repo, 'src/cli/main.ts')],
      outfile: join(dir, 'dist', 'cli.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
    });
    symlinkSync(join(repo, 'seeds'), join(dir, 'seeds'));
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(dir, 'dist', 'cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
    const ok = cli('search', 'autoreg*', '--json');
    assert.equal(ok.status, 0, ok.stderr);
    assert.ok((JSON.parse(ok.stdout) as unknown[]).length > 0);
    const usage = cli('nope');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /unknown command/);
    assert.equal(usage.stdout, '');
    const missing = cli('stats', '--corpus', 'missing.ris');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /missing\.ris/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('screen-sim --json simulates screening on a labelled CSV', async () => {
  const dataset = join(repo, 'test', 'fixtures', 'screening', 'wilson.csv');
  const { code, stdout, stderr } = await runCli('screen-sim', '--dataset', dataset, '--runs', '1', '--json');
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.deepEqual(Object.keys(result).sort(), [
    'dataset',
    'included',
    'records',
    'rerank_ms_p95',
    'rrf10',
    'runs',
    'stop',
    'wss95',
    'wss95_pooled',
  ]);
  assert.equal(result.records, 2333);
  assert.equal(result.included, 23);
  assert.ok(result.wss95.mean > 0 && result.wss95.mean < 100);
  // One run: its mean curve is its own curve.
  assert.equal(result.wss95_pooled, result.wss95.mean);
  // Seeded (42, the benchmark's first Wilson run): the test stops with every inclusion found.
  assert.equal(result.stop.target_met_runs, 1);
  assert.equal(result.stop.recall_min, 100);
  assert.ok(result.stop.screened_pct_mean > 50 && result.stop.screened_pct_mean < 100);
  assert.equal((await runCli('screen-sim')).code, 2);
  assert.equal((await runCli('screen-sim', '--dataset', join(repo, 'nope.csv'))).code, 1);
});
