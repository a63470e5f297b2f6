// The library worker through its one client, as the extension host uses it: the real worker bundle on a real
// thread, the seed and a fixture corpus read from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  LibraryClient,
  RequestCancelled,
  WorkerRequestError,
  WorkerStopped,
} from '../../../src/extension/library/libraryClient';
import { LibraryEngine } from '../../../src/worker/libraryEngine';
import type { PaperSummary } from '../../../src/worker/protocol';

const root = join(__dirname, '../../..');
const SEED = join(root, 'seeds/hf-daily-papers-seed.txt');
let dir: string;
let script: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'library-worker-'));
  script = join(dir, 'library.worker.js');
  await build({
    entryPoints: [join(root, 'src/worker/library.worker.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function loaded(client: LibraryClient, files = [{ label: 'seed.txt', path: SEED }]) {
  await client.request('configure', { codeVersion: 'test', cacheDir: join(dir, 'cache') });
  const summaries: PaperSummary[] = [];
  const result = await client.request('load', { files }, { onBatch: (items) => summaries.push(...items) });
  return { result, summaries };
}

test('loads, indexes and answers searches, filters, details and the ranking', async () => {
  const client = new LibraryClient(script);
  try {
    const { result, summaries } = await loaded(client);
    assert.equal(result.papers, 52);
    assert.equal(summaries.length, 52);
    assert.equal(result.failures.length, 0);
    const index = await client.request('index', { userTopics: {}, force: false });
    assert.equal(index.generation, result.generation);
    assert.equal(index.members.length, 52);
    assert.equal(new Set(index.members).size, 52, 'every paper is in exactly one topic');
    assert.equal(
      index.topics.reduce((sum, t) => sum + t.size, 0),
      52,
    );

    const hits = await client.request('palette', { query: 'speculative decoding', limit: 10 });
    assert.ok(hits.length > 0);
    const first = summaries.find((p) => p.id === hits[0]!.id)!;
    assert.match(first.title.toLowerCase(), /speculative|decoding/);

    const filter = await client.request('filter', { query: 'diffusion' });
    assert.ok(filter.positions.length > 0 && filter.positions.length < 52);
    for (const position of filter.positions) assert.ok(position >= 0 && position < 52);

    const detail = await client.request('detail', {
      id: first.id,
      highlight: 'decoding',
      similar: 5,
      explain: 4,
    });
    assert.equal(detail?.paper.id, first.id);
    assert.ok(detail!.paper.abstract.length > 0);
    assert.ok(detail!.highlights.length > 0);
    assert.equal(detail!.similar.length, 5);
    assert.ok(!detail!.similar.includes(first.id));

    const [full] = await client.request('papers', { ids: [first.id] });
    assert.equal(full?.title, first.title);

    // Before any decision the ranking follows the topics; after an inclusion it learns.
    const cold = await client.request('rank', {});
    assert.equal(cold.mode, 'none');
    assert.equal(cold.order.length, 52);
    await client.request('triage', {
      reset: true,
      changes: [{ id: first.id, status: 'include', tags: ['keep'] }],
    });
    const warm = await client.request('rank', {});
    assert.notEqual(warm.mode, 'none');
    assert.equal(warm.order.length, 51, 'the included paper is no longer undecided');

    // A tag edit makes the tag searchable without a rebuild.
    const tagged = await client.request('palette', { query: 'tag:keep', limit: 10 });
    assert.deepEqual(
      tagged.map((h) => h.id),
      [first.id],
    );
  } finally {
    client.dispose();
  }
});

test('a superseded query is cancelled, by the host at once and by the worker before it runs', async () => {
  const client = new LibraryClient(script);
  try {
    await loaded(client);
    // Behind a rebuild, so both queries (and the cancel) are queued in the worker before either can run.
    const rebuild = client.request('index', { userTopics: {}, force: true });
    const older = client.request('palette', { query: 'diffusion', limit: 10 }, { supersedes: 'palette' });
    const newer = client.request(
      'palette',
      { query: 'language model', limit: 10 },
      { supersedes: 'palette' },
    );
    await assert.rejects(older, RequestCancelled);
    assert.ok((await newer).length > 0);
    await rebuild;
    assert.equal(client.cancelledByWorker, 1, 'the worker skipped the superseded query');
  } finally {
    client.dispose();
  }
});

test('a crashed worker fails its requests, is reported once, and a new one starts on the next request', async () => {
  const crashes: string[] = [];
  const client = new LibraryClient(script, { onCrash: (reason) => crashes.push(reason) });
  try {
    await loaded(client);
    await assert.rejects(client.request('crash', {}), WorkerStopped);
    assert.equal(crashes.length, 1);
    assert.match(crashes[0]!, /stopped unexpectedly/);
    const { result } = await loaded(client);
    assert.equal(result.papers, 52);
    assert.equal(client.starts, 2);
  } finally {
    client.dispose();
  }
});

test('unreadable corpus files are reported with file and line; the others still load', async () => {
  const client = new LibraryClient(script);
  try {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "not": ');
    const { result, summaries } = await loaded(client, [
      { label: 'seed.txt', path: SEED },
      { label: 'broken.json', path: broken },
      { label: 'missing.bib', path: join(dir, 'missing.bib') },
    ]);
    assert.equal(summaries.length, 52);
    const failures = new Map(result.failures.map((f) => [f.label, f]));
    assert.equal(failures.get('missing.bib')?.message, 'the file does not exist');
    assert.equal(failures.get('broken.json')?.corpusError?.file, 'broken.json');
    // A failing request reports the worker's error.
    await assert.rejects(client.request('papers', { ids: null as unknown as string[] }), WorkerRequestError);
  } finally {
    client.dispose();
  }
});

test('a damaged cached index is rebuilt and replaced; the topics are still taken from the cache', async () => {
  const engine = new LibraryEngine();
  const cache = join(dir, 'damaged-cache');
  engine.configure({ codeVersion: 'test', cacheDir: cache });
  await engine.load({ files: [{ label: 'seed.txt', path: SEED }] }, () => undefined);
  const first = await engine.index({ userTopics: {}, force: false }, () => undefined);
  assert.equal(first.source, 'built');
  const [indexFile] = readdirSync(cache).filter((f) => f.startsWith('index-'));
  writeFileSync(join(cache, indexFile!), 'not an index');
  const second = await engine.index({ userTopics: {}, force: false }, () => undefined);
  assert.equal(second.indexFromCache, false, 'the damaged index was not used');
  assert.equal(second.topicsFromCache, true);
  assert.deepEqual(second.topics, first.topics);
  assert.ok(
    engine.palette({ query: 'speculative decoding', limit: 5 }).length > 0,
    'the rebuilt index answers',
  );
  const third = await engine.index({ userTopics: {}, force: false }, () => undefined);
  assert.equal(third.source, 'cache', 'the cache file was replaced by a good one');
});

test('decisions a corpus file carries reach the host under the merged papers ids', async () => {
  const engine = new LibraryEngine();
  const enc = new TextEncoder();
  const bib = '@article{a, title = {Shared paper}, doi = {10.1000/shared}, year = {2020}}\n';
  const csv =
    'title,abstract,doi,included,exclusion_reason\n' +
    'Shared paper,An abstract the .bib lacks.,10.1000/shared,0,wrong design\n' +
    'Only here,Text.,,1,\n';
  const { result, summaries } = await engine.load(
    {
      files: [
        { label: 'refs.bib', bytes: enc.encode(bib) },
        { label: 'screened.csv', bytes: enc.encode(csv) },
      ],
    },
    () => undefined,
  );
  assert.equal(summaries.length, 2);
  const idOf = (title: string) => summaries.find((s) => s.title === title)!.id;
  assert.deepEqual(
    result.decisions.map((d) => [d.paperId, d.status, d.reason, d.file, d.line]),
    [
      [idOf('Shared paper'), 'exclude', 'wrong design', 'screened.csv', 2],
      [idOf('Only here'), 'include', undefined, 'screened.csv', 3],
    ],
  );
  assert.ok(summaries.find((s) => s.title === 'Shared paper')!.aliases?.length, 'the .bib id survived');
});
