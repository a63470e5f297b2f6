import * as assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PaperSummary } from '../../src/worker/protocol';
import {
  addTag,
  parse,
  serialize,
  setNote,
  setStatus,
  STATE_VERSION,
  type TriageState,
} from '../../src/core/triage';
import { TriageStore } from '../../src/extension/storage/triageStore';
import { registerStoreNotifications } from '../../src/extension/storage/storeNotifications';
import { stateFileUri } from '../../src/extension/storage/stateFileLocation';
import type { FeatureContext } from '../../src/extension/featureContext';
import { activeApi } from './support';
import { answer, stubs, type Stubs } from './windowStubs';
import { eventually } from '../harness/eventually';
import { resetTriage, sleep, watcherReady, workspacePath, workspaceRoot } from './workspaceFiles';

const NOW = '2026-02-01T10:00:00.000Z';
const LATER = '2026-02-01T11:00:00.000Z';

/** A store of its own on a file of its own, with the extension's notifications wired to it. */
interface Harness {
  store: TriageStore;
  file: string;
  log: string[];
  dispose(): void;
}

let harnesses: Harness[] = [];
let stub: Stubs;
let papers: readonly PaperSummary[];

/** One folder for all the harness files, made and watched once: file events in a folder created moments ago can be missed. */
const DIR = 'persistence';

function harness(name: string, saveDelayMs = 20): Harness {
  const file = workspacePath(`${DIR}/${name}.json`);
  const store = new TriageStore(() => vscode.Uri.file(file), saveDelayMs);
  const log: string[] = [];
  const subscriptions: vscode.Disposable[] = [];
  const ctx = {
    store,
    extension: { subscriptions } as unknown as vscode.ExtensionContext,
    log: { appendLine: (line: string) => log.push(line) } as unknown as vscode.OutputChannel,
  } satisfies Pick<FeatureContext, 'store' | 'extension' | 'log'>;
  registerStoreNotifications(ctx);
  const h: Harness = {
    store,
    file,
    log,
    dispose: () => {
      for (const s of subscriptions) s.dispose();
      store.dispose();
    },
  };
  harnesses.push(h);
  return h;
}

function fileState(path: string): TriageState {
  return parse(readFileSync(path, 'utf8'));
}

function statusIn(state: TriageState, paper: PaperSummary): string | undefined {
  return state.papers.get(paper.id)?.status;
}

function errorMessages(): string[] {
  return (stub.calls.get('showErrorMessage') ?? []).map((args) => String(args[0]));
}

suite('persistence: the state file', () => {
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
  });

  teardown(async () => {
    stub.restore();
    for (const h of harnesses) h.dispose();
    harnesses = [];
    for (const name of readdirSync(workspacePath(DIR))) {
      rmSync(join(workspacePath(DIR), name), { recursive: true, force: true });
    }
    await resetTriage(await activeApi());
  });

  test('no state file exists before the first decision; the first one creates it at the folder root', async () => {
    const api = await activeApi();
    const store = api.context.store;
    const expected = join(workspaceRoot(), 'literature-triage.json');
    assert.equal(store.file.fsPath, expected);
    await store.flush();
    assert.equal(existsSync(expected), false, 'no file before any decision');

    store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
    await store.flush();
    assert.ok(existsSync(expected), 'the first decision creates the file');
    const text = readFileSync(expected, 'utf8');
    const json = JSON.parse(text) as {
      format: string;
      version: number;
      papers: Record<string, { status: string; title: string }>;
    };
    assert.equal(json.format, 'literature-triage');
    assert.equal(json.version, 1, 'a state with no reason or full-text data is still version 1');
    assert.ok(STATE_VERSION >= json.version);
    assert.deepEqual(Object.keys(json.papers), [papers[0]!.id]);
    assert.equal(json.papers[papers[0]!.id]!.status, 'include');
    assert.equal(json.papers[papers[0]!.id]!.title, papers[0]!.title);
    assert.equal(text, serialize(store.state));
  });

  test('each save replaces the file through a temporary file and a rename, leaving no temporary file', async () => {
    const { store, file } = harness('rename');
    await store.open();
    store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
    await store.flush();
    const firstInode = statSync(file).ino;
    store.apply((s) => setStatus(s, papers[1]!, 'exclude', NOW));
    await store.flush();
    assert.notEqual(
      statSync(file).ino,
      firstInode,
      'a new file was renamed over the old one (not written in place)',
    );
    assert.deepEqual(
      readdirSync(join(file, '..')).filter((name) => name.endsWith('.tmp')),
      [],
    );
    assert.equal(statusIn(fileState(file), papers[1]!), 'exclude');
  });

  test('an external edit is merged with an unsaved local edit: nothing is lost', async () => {
    const { store, file } = harness('merge', 60_000);
    writeFileSync(file, serialize({ papers: new Map() }));
    await store.open();
    store.apply((s) => addTag(s, papers[0]!, 'local-tag', NOW));
    assert.ok(store.hasUnsavedChanges, 'the local edit waits for its save');

    // Another window (or git pull) writes a decision on another paper and a note on ours.
    const elsewhere = setNote(
      setStatus({ papers: new Map() }, papers[1]!, 'include', LATER),
      papers[0]!,
      'from elsewhere',
      LATER,
    );
    writeFileSync(file, serialize(elsewhere));
    await eventually(() => statusIn(store.state, papers[1]!), 'the watcher to merge the external edit', {
      until: (status) => status === 'include',
    });

    const mine = store.state.papers.get(papers[0]!.id)!;
    assert.deepEqual(mine.tags, ['local-tag']);
    assert.equal(mine.note, 'from elsewhere');
    await store.flush();
    const saved = fileState(file);
    assert.deepEqual(saved.papers.get(papers[0]!.id)!.tags, ['local-tag']);
    assert.equal(saved.papers.get(papers[0]!.id)!.note, 'from elsewhere');
    assert.equal(statusIn(saved, papers[1]!), 'include');
  });

  test('undo after an external change reverts only the local edit', async () => {
    const { store, file } = harness('undo');
    await store.open();
    store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
    await store.flush();
    const external = setStatus(fileState(file), papers[2]!, 'maybe', LATER);
    writeFileSync(file, serialize(external));
    await eventually(() => statusIn(store.state, papers[2]!), 'the external change', {
      until: (status) => status === 'maybe',
    });

    assert.equal(store.undo(), true);
    assert.equal(statusIn(store.state, papers[0]!), undefined, 'the local decision is undone');
    assert.equal(statusIn(store.state, papers[2]!), 'maybe', 'the other window’s decision stays');
    await store.flush();
    assert.equal(statusIn(fileState(file), papers[2]!), 'maybe');
    assert.equal(statusIn(fileState(file), papers[0]!), undefined);
  });

  test('a corrupt file is never overwritten: error with Open File, edits kept, saved once fixed', async () => {
    const { store, file } = harness('corrupt');
    const corrupt = '{\n  "format": "literature-triage",\n  "papers": { oops\n';
    writeFileSync(file, corrupt);
    stub.window('showErrorMessage', answer('Open File'));
    await store.open();
    assert.equal(store.problem?.kind, 'unreadable');
    await eventually(errorMessages, 'the error notification', { until: (shown) => shown.length > 0 });
    assert.match(
      errorMessages()[0]!,
      /cannot read .*persistence\/corrupt\.json”: line 3, column 15: not valid JSON/,
    );
    assert.deepEqual(stub.calls.get('showErrorMessage')![0]!.slice(1), ['Open File']);
    await eventually(
      () => vscode.window.activeTextEditor?.document.uri.fsPath,
      '"Open File" to open the state file',
      { until: (path) => path === file },
    );

    store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
    await store.flush();
    await sleep(200);
    assert.equal(readFileSync(file, 'utf8'), corrupt, 'the corrupt file is untouched');
    assert.equal(statusIn(store.state, papers[0]!), 'include', 'the decision is kept in memory');

    // The user fixes the file (keeping a decision of its own): both end up saved.
    writeFileSync(file, serialize(setStatus({ papers: new Map() }, papers[1]!, 'exclude', LATER)));
    await eventually(() => store.problem, 'the fixed file to be read', { until: (p) => p === undefined });
    await store.flush();
    const saved = fileState(file);
    assert.equal(statusIn(saved, papers[0]!), 'include');
    assert.equal(statusIn(saved, papers[1]!), 'exclude');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a file written by a newer version is never overwritten', async () => {
    const { store, file } = harness('future');
    const future = JSON.stringify(
      { format: 'literature-triage', version: STATE_VERSION + 1, papers: {}, extra: 1 },
      null,
      2,
    );
    writeFileSync(file, future);
    await store.open();
    assert.equal(store.problem?.kind, 'unreadable');
    await eventually(errorMessages, 'the error', {
      until: (shown) =>
        shown.some((m) =>
          new RegExp(`version ${STATE_VERSION + 1}, written by a newer Literature Triage`).test(m),
        ),
    });
    store.apply((s) => setStatus(s, papers[0]!, 'maybe', NOW));
    await store.flush();
    store.retrySave();
    await sleep(100);
    await store.flush();
    assert.equal(readFileSync(file, 'utf8'), future);
    assert.equal(statusIn(store.state, papers[0]!), 'maybe');
  });

  test('text that is not UTF-8 is unreadable and left alone', async () => {
    const { store, file } = harness('latin1');
    const bytes = Buffer.from(
      serialize(setNote({ papers: new Map() }, papers[0]!, 'caf\u00e9', NOW)),
      'latin1',
    );
    writeFileSync(file, bytes);
    await store.open();
    assert.equal(store.problem?.kind, 'unreadable');
    store.apply((s) => setStatus(s, papers[1]!, 'include', NOW));
    await store.flush();
    assert.deepEqual(readFileSync(file), bytes);
  });

  test('a read-only file (chmod 444) is not written: error, edits kept in memory, saved once writable', async () => {
    const { store, file } = harness('readonly');
    const original = serialize(setStatus({ papers: new Map() }, papers[0]!, 'exclude', NOW));
    writeFileSync(file, original);
    chmodSync(file, 0o444);
    stub.window('showErrorMessage', answer(undefined));
    await store.open();
    store.apply((s) => setStatus(s, papers[1]!, 'include', NOW));
    await store.flush();
    assert.equal(store.problem?.kind, 'write-failed');
    assert.match(store.problem!.message, /read-only/);
    await eventually(errorMessages, 'the error notification', {
      until: (shown) => shown.some((m) => /could not save .*read-only/.test(m)),
    });
    assert.deepEqual(stub.calls.get('showErrorMessage')!.at(-1)!.slice(1), ['Retry']);
    assert.equal(readFileSync(file, 'utf8'), original, 'the read-only file is untouched');
    assert.equal(statSync(file).mode & 0o777, 0o444);
    assert.ok(store.hasUnsavedChanges);
    assert.equal(statusIn(store.state, papers[1]!), 'include');

    chmodSync(file, 0o644);
    store.retrySave();
    await eventually(() => store.problem, 'the retried save', { until: (p) => p === undefined });
    await store.flush();
    assert.equal(statusIn(fileState(file), papers[1]!), 'include');
    assert.equal(statusIn(fileState(file), papers[0]!), 'exclude');
  });

  test('a failed write (a folder where the file should be) keeps the edits and saves after Retry', async () => {
    const { store, file } = harness('folder');
    await store.open();
    mkdirSync(file);
    let retry = false;
    stub.window('showErrorMessage', async () => (retry ? 'Retry' : undefined));
    store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
    await store.flush();
    assert.equal(store.problem?.kind, 'write-failed');
    assert.match(store.problem!.message, /is a folder/);
    await eventually(errorMessages, 'the error notification', {
      until: (shown) => shown.some((m) => /could not save/.test(m)),
    });
    assert.ok(lstatSync(file).isDirectory());
    assert.equal(statusIn(store.state, papers[0]!), 'include');

    rmSync(file, { recursive: true });
    retry = true;
    store.apply((s) => setStatus(s, papers[1]!, 'maybe', NOW));
    await eventually(() => existsSync(file) && lstatSync(file).isFile(), 'the file to be written');
    await store.flush();
    assert.equal(statusIn(fileState(file), papers[0]!), 'include');
    assert.equal(statusIn(fileState(file), papers[1]!), 'maybe');
  });

  test('a state file deleted while open is written back from memory', async () => {
    const { store, file, log } = harness('deleted');
    await store.open();
    store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
    await store.flush();
    await sleep(300); // the events of our own save come first
    rmSync(file);
    await eventually(() => existsSync(file), 'the file to be written again');
    await store.flush();
    assert.equal(statusIn(fileState(file), papers[0]!), 'include');
    assert.ok(
      log.some((l) => l.includes('was deleted')),
      log.join('\n'),
    );
  });

  test('keeps the file’s permission bits and writes through a symbolic link', async () => {
    const { store, file } = harness('link');
    const real = workspacePath(`${DIR}/real-state.json`);
    writeFileSync(real, serialize({ papers: new Map() }));
    chmodSync(real, 0o600);
    symlinkSync(real, file);
    await store.open();
    store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
    await store.flush();
    assert.ok(lstatSync(file).isSymbolicLink(), 'the link is still a link');
    assert.equal(statSync(real).mode & 0o777, 0o600);
    assert.equal(statusIn(fileState(real), papers[0]!), 'include');
  });

  test('the stateFile setting moves the state to the named file, keeping the decisions', async () => {
    const api = await activeApi();
    const store = api.context.store;
    store.apply((s) => setStatus(s, papers[3]!, 'include', NOW));
    await store.flush();
    const config = vscode.workspace.getConfiguration('literatureTriage');
    try {
      await config.update('stateFile', `${DIR}/moved.json`, vscode.ConfigurationTarget.Workspace);
      const moved = workspacePath(`${DIR}/moved.json`);
      await eventually(() => existsSync(moved), 'the new state file');
      await store.flush();
      assert.equal(store.file.fsPath, moved);
      assert.equal(statusIn(fileState(moved), papers[3]!), 'include');
    } finally {
      await config.update('stateFile', undefined, vscode.ConfigurationTarget.Workspace);
      await eventually(() => store.file.fsPath, 'the default', {
        until: (path) => path === join(workspaceRoot(), 'literature-triage.json'),
      });
    }
  });

  test('with no folder open the state lives in global storage', async () => {
    const api = await activeApi();
    const global = api.context.extension.globalStorageUri;
    assert.equal(
      stateFileUri(undefined, 'literature-triage.json', global).toString(),
      vscode.Uri.joinPath(global, 'literature-triage.json').toString(),
    );
    assert.equal(
      stateFileUri(undefined, 'sub/state.json', global).toString(),
      vscode.Uri.joinPath(global, 'state.json').toString(),
    );
    const folder = vscode.Uri.file(workspaceRoot());
    assert.equal(
      stateFileUri(folder, 'literature-triage.json', global).fsPath,
      join(workspaceRoot(), 'literature-triage.json'),
    );
    assert.equal(stateFileUri(undefined, '/tmp/x/state.json', global).fsPath, '/tmp/x/state.json');

    // A store on the global storage file creates its folder on the first decision.
    const file = vscode.Uri.joinPath(global, 'persistence-test', 'literature-triage.json');
    const store = new TriageStore(() => file, 10);
    try {
      await store.open();
      store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
      await store.flush();
      assert.equal(statusIn(fileState(file.fsPath), papers[0]!), 'include');
    } finally {
      store.dispose();
      rmSync(vscode.Uri.joinPath(global, 'persistence-test').fsPath, { recursive: true, force: true });
    }
  });
});
