// Fault tests of the store in the real extension host: no acknowledged edit is lost to a full disk, to two
// writers at once, or to a window closed while the state file was corrupt; acknowledged means on disk.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PaperSummary } from '../../src/worker/protocol';
import { addTag, parse, serialize, setNote, setStatus, type TriageState } from '../../src/core/triage';
import { TriageStore } from '../../src/extension/storage/triageStore';
import { registerStoreNotifications } from '../../src/extension/storage/storeNotifications';
import type { FeatureContext } from '../../src/extension/featureContext';
import { activeApi } from './support';
import { answer, stubs, type Stubs } from './windowStubs';
import { eventually } from '../harness/eventually';
import { repoRoot, watcherReady, workspacePath } from './workspaceFiles';

const NOW = '2026-03-01T10:00:00.000Z';
const DIR = 'data-safety';

let stub: Stubs;
let papers: readonly PaperSummary[];
let cleanups: (() => void)[] = [];

/** A store on `file` with the extension's notifications wired to it, as a window has it. */
function windowOn(file: string, saveDelayMs = 20): TriageStore {
  const store = new TriageStore(() => vscode.Uri.file(file), saveDelayMs);
  const subscriptions: vscode.Disposable[] = [];
  const ctx = {
    store,
    extension: { subscriptions } as unknown as vscode.ExtensionContext,
    log: { appendLine: () => undefined } as unknown as FeatureContext['log'],
  } satisfies Pick<FeatureContext, 'store' | 'extension' | 'log'>;
  registerStoreNotifications(ctx);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const s of subscriptions) s.dispose();
    store.dispose();
  };
  cleanups.push(close);
  (store as unknown as { close: () => void }).close = close;
  return store;
}

function close(store: TriageStore): void {
  (store as unknown as { close: () => void }).close();
}

function messages(kind: 'showErrorMessage' | 'showInformationMessage'): string[] {
  return (stub.calls.get(kind) ?? []).map((args) => String(args[0]));
}

/** True when `status` for `id` can be recovered from what is on disk: the state file, or a journal beside it. */
function onDisk(file: string, id: string, status: string): boolean {
  if (existsSync(file)) {
    try {
      if (parse(readFileSync(file, 'utf8')).papers.get(id)?.status === status) return true;
    } catch {
      // a torn or corrupt state file holds nothing
    }
  }
  const dir = join(file, '..');
  for (const name of readdirSync(dir).filter((n) => n.includes('journal'))) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      try {
        const record = JSON.parse(line) as { changes?: { id: string; after: { status: string } | null }[] };
        if (record.changes?.some((c) => c.id === id && c.after?.status === status)) return true;
      } catch {
        // a torn last line
      }
    }
  }
  return false;
}

function tagsIn(state: TriageState, paper: PaperSummary): readonly string[] {
  return state.papers.get(paper.id)?.tags ?? [];
}

suite('data safety: no acknowledged edit is lost', () => {
  suiteSetup(async () => {
    const api = await activeApi();
    papers = api.context.library.papers;
    assert.ok(papers.length >= 6, 'the seed corpus is loaded');
    mkdirSync(workspacePath(DIR), { recursive: true });
    await watcherReady(workspacePath(DIR));
  });

  suiteTeardown(() => rmSync(workspacePath(DIR), { recursive: true, force: true }));

  setup(() => {
    stub = stubs();
    stub.window('showErrorMessage', answer(undefined));
    stub.window('showInformationMessage', answer(undefined));
  });

  teardown(() => {
    stub.restore();
    for (const c of cleanups.reverse()) c();
    cleanups = [];
    for (const name of readdirSync(workspacePath(DIR))) {
      rmSync(join(workspacePath(DIR), name), { recursive: true, force: true });
    }
  });

  test('an edit is on disk when the store reports it (a kill -9 right after loses nothing)', async () => {
    const file = workspacePath(`${DIR}/ack.json`);
    const store = windowOn(file, 150);
    await store.open();
    const seen: boolean[] = [];
    const statuses = ['include', 'exclude', 'maybe'] as const;
    let expected: { id: string; status: string } | undefined;
    const listener = store.onDidChange(() => {
      if (expected) seen.push(onDisk(file, expected.id, expected.status));
    });
    try {
      for (const [i, status] of statuses.entries()) {
        expected = { id: papers[i]!.id, status };
        store.apply((s) => setStatus(s, papers[i]!, status, NOW));
      }
    } finally {
      listener.dispose();
    }
    assert.deepEqual(seen, [true, true, true], 'each decision was on disk before it was acknowledged');
    const journals = () => readdirSync(workspacePath(DIR)).filter((n) => n.endsWith('.journal'));
    assert.equal(journals().length, 1, 'one journal for the window while its edits are unsaved');
    await store.flush();
    assert.deepEqual(journals(), [], 'removed once the file holds its edits');
    store.apply((s) => setStatus(s, papers[3]!, 'include', NOW));
    assert.equal(journals().length, 1, 'started again by the next edit');
    close(store);
    await store.flush();
    assert.deepEqual(journals(), [], 'removed when the window closes with nothing unsaved');
  });

  test('two windows deciding at the same instant, 30 times, lose nothing (file and memory)', async () => {
    const file = workspacePath(`${DIR}/two.json`);
    const a = windowOn(file, 0);
    const b = windowOn(file, 0);
    await a.open();
    await b.open();
    const rounds = 30;
    for (let i = 0; i < rounds; i++) {
      a.apply((s) => addTag(s, papers[0]!, `a${i}`, NOW));
      b.apply((s) => addTag(s, papers[1]!, `b${i}`, NOW));
      await Promise.all([a.flush(), b.flush()]);
    }
    const wanted = (prefix: string) => Array.from({ length: rounds }, (_, i) => `${prefix}${i}`).sort();
    const missing = (state: TriageState) => [
      ...wanted('a').filter((t) => !tagsIn(state, papers[0]!).includes(t)),
      ...wanted('b').filter((t) => !tagsIn(state, papers[1]!).includes(t)),
    ];
    // What each place lacks: a failure shows which tags were lost where.
    await eventually(
      async () => {
        await Promise.all([a.reloadFromDisk(), b.reloadFromDisk()]);
        await Promise.all([a.flush(), b.flush()]);
        return {
          file: missing(parse(readFileSync(file, 'utf8'))),
          windowA: missing(a.state),
          windowB: missing(b.state),
        };
      },
      'every tag of both windows in the file and in both windows',
      { timeoutMs: 5000, until: (lost) => Object.values(lost).every((tags) => tags.length === 0) },
    );
  });

  test('the CLI pinning 3,000 keys (export --state) while a window decides: nothing either wrote is lost', async function () {
    this.timeout(60_000);
    const dir = workspacePath(`${DIR}/cli`);
    mkdirSync(dir, { recursive: true });
    const corpus = join(dir, 'big.bib');
    writeFileSync(corpus, bigBib(3000));
    const file = join(dir, 'literature-triage.json');
    const store = windowOn(file, 20);
    await store.open();
    store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
    await store.flush();

    const cli = spawn(
      process.execPath,
      [join(repoRoot, 'dist/cli.js'), 'export', '--corpus', corpus, '--state', file, '--status', 'all'],
      // The extension host of desktop VS Code is Electron: this makes it a plain Node.
      { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let running = true;
    const exited = new Promise<number | null>((resolve) =>
      cli.once('exit', (code) => {
        running = false;
        resolve(code);
      }),
    );
    // Decide every 25 ms for as long as the CLI runs: a decision on a new paper while there is one, then tags.
    const decided: PaperSummary[] = [];
    const tags: string[] = [];
    for (let i = 1; running; i++) {
      if (i < papers.length) {
        const paper = papers[i]!;
        store.apply((s) => setStatus(s, paper, 'exclude', NOW));
        decided.push(paper);
      } else {
        const tag = `during-${i}`;
        store.apply((s) => addTag(s, papers[0]!, tag, NOW));
        tags.push(tag);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.equal(await exited, 0, stderr);
    assert.ok(decided.length >= 10, `only ${decided.length} decisions while the CLI ran`);

    await store.reloadFromDisk();
    await store.flush();
    const lost = (state: TriageState) => {
      const entries = [...state.papers.values()];
      return {
        decisions: decided.filter((p) => state.papers.get(p.id)?.status !== 'exclude').length,
        tags: tags.filter((t) => !tagsIn(state, papers[0]!).includes(t)).length,
        keys: 3000 - entries.filter((e) => e.key?.startsWith('src')).length,
      };
    };
    const none = { decisions: 0, tags: 0, keys: 0 };
    assert.deepEqual(lost(parse(readFileSync(file, 'utf8'))), none, 'lost from the file');
    assert.deepEqual(lost(store.state), none, 'lost from the window');
    assert.equal(store.state.papers.get(papers[0]!.id)?.status, 'include', 'the decision made before');
  });

  test('a corrupt file, the window closed, the file fixed, a new window: the edits are recovered and the user told', async () => {
    const file = workspacePath(`${DIR}/corrupt.json`);
    const good = serialize(setStatus({ papers: new Map() }, papers[5]!, 'exclude', NOW));
    writeFileSync(file, good);
    const first = windowOn(file);
    await first.open();
    writeFileSync(file, '{ "format": "literature-triage", oops');
    await first.reloadFromDisk();
    assert.equal(first.problem?.kind, 'unreadable');
    for (let i = 0; i < 3; i++) first.apply((s) => setStatus(s, papers[i]!, 'include', NOW));
    await first.flush();
    close(first);

    writeFileSync(file, good);
    const second = windowOn(file);
    await second.open();
    await second.flush();
    const saved = parse(readFileSync(file, 'utf8'));
    for (let i = 0; i < 3; i++) {
      assert.equal(second.state.papers.get(papers[i]!.id)?.status, 'include', `decision ${i} in memory`);
      assert.equal(saved.papers.get(papers[i]!.id)?.status, 'include', `decision ${i} in the file`);
    }
    assert.equal(saved.papers.get(papers[5]!.id)?.status, 'exclude', 'the file’s own decision is kept');
    await eventually(() => messages('showInformationMessage'), 'a message saying 3 edits were recovered', {
      until: (shown) => shown.some((m) => /recovered 3 edits/i.test(m)),
    });
  });

  test('a full disk during a save: the file stays whole, "disk full" with Retry, saved once space is freed', async function () {
    const disk = smallDisk(this);
    const file = join(disk.mount, 'literature-triage.json');
    const store = windowOn(file, 0);
    try {
      await store.open();
      const long = 'Read it again. '.repeat(900);
      for (let i = 0; i < 6; i++) store.apply((s) => setNote(s, papers[i]!, `${i} ${long}`, NOW));
      await store.flush();
      const before = readFileSync(file, 'utf8');
      assert.equal(parse(before).papers.size, 6);
      assert.ok(before.length > 75_000, `a large state file (${before.length} bytes)`);

      disk.fill();
      store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
      await store.flush();
      const kept = readFileSync(file, 'utf8');
      assert.ok(
        kept === before,
        `the previous file is intact (${kept.length} of ${before.length} characters)`,
      );
      assert.equal(store.problem?.kind, 'write-failed');
      assert.match(store.problem?.message ?? '', /disk (is )?full/i);
      await eventually(() => messages('showErrorMessage'), 'the error notification', {
        until: (shown) => shown.length > 0,
      });
      assert.match(messages('showErrorMessage')[0]!, /could not save .*disk (is )?full/i);
      assert.deepEqual(stub.calls.get('showErrorMessage')![0]!.slice(1), ['Retry']);
      assert.deepEqual(
        readdirSync(disk.mount).filter((n) => n.endsWith('.tmp')),
        [],
        'no temporary file is left behind',
      );
      assert.equal(store.state.papers.get(papers[0]!.id)?.status, 'include', 'the edit is kept in memory');

      disk.free();
      store.retrySave();
      await store.flush();
      assert.equal(store.problem, undefined, 'saved again once space is freed');
      const after = parse(readFileSync(file, 'utf8'));
      assert.equal(after.papers.get(papers[0]!.id)?.status, 'include');
      assert.equal(after.papers.size, 6);
    } finally {
      close(store);
      await store.flush(); // the journal is closed once the queue is done: then the disk can be unmounted
      disk.unmount();
    }
  });
});

/** A 200 KB tmpfs (mounting one needs root, as CI runs); `fill` leaves `freeKb` free, `free` gives it all back. */
function smallDisk(test: Mocha.Context): {
  mount: string;
  fill(): void;
  free(): void;
  unmount(): void;
} {
  if (process.getuid?.() !== 0) {
    console.log('    skipped: mounting a small tmpfs needs root (CI runs as root)');
    test.skip();
  }
  const mount = mkdtempSync(join(tmpdir(), 'litriage-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', mount]);
  const filler = join(mount, 'filler');
  return {
    mount,
    fill(freeKb = 20) {
      const fd = openSync(filler, 'w');
      const chunk = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
      }
      ftruncateSync(fd, Math.max(0, fstatSync(fd).size - freeKb * 1024));
      closeSync(fd);
    },
    free: () => rmSync(filler),
    unmount() {
      execFileSync('umount', [mount]);
      rmSync(mount, { recursive: true, force: true });
    },
  };
}

/** A .bib of `count` distinct papers whose own keys (`src0`, `src1`, …) the export pins. */
function bigBib(count: number): string {
  const words = ['adaptive', 'bayesian', 'causal', 'deep', 'efficient', 'graph', 'kernel', 'latent'];
  const phrase = (i: number) => [i % 8, (i >> 3) % 8, (i >> 6) % 8].map((w) => words[w]).join(' ');
  let text = '';
  for (let i = 0; i < count; i++) {
    text +=
      `@article{src${i},\n  title = {${phrase(i)} screening study ${i}},\n  author = {Lee, Bo},\n` +
      `  year = {${2000 + (i % 25)}},\n  abstract = {We report case ${i}: ${phrase(i)} methods for screening.}\n}\n\n`;
  }
  return text;
}
