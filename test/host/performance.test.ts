import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { ScreeningRanker } from '../../src/core/screening/ranker';
import { setStatus } from '../../src/core/triage';
import { CorpusService } from '../../src/extension/corpus/corpusService';
import { Library } from '../../src/extension/library/library';
import { startLibraryWorker } from '../../src/extension/library/libraryWorker';
import { PapersTreeProvider } from '../../src/extension/tree/papersTreeProvider';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import type { PaperSummary } from '../../src/worker/protocol';
import { eventually } from '../harness/eventually';
import { activeApi, resetTriage } from './support';
import { stubs } from './windowStubs';
import { removeWorkspacePath, writeWorkspaceFile } from './workspaceFiles';

const CACHE = 'index-cache';

/** An RIS file of synthetic papers, each about one of a few themes. */
function syntheticRis(count: number): string {
  const themes = [
    'graph neural networks',
    'protein structure',
    'speculative decoding',
    'climate forecasting',
  ];
  return Array.from({ length: count }, (_, i) => {
    const theme = themes[i % themes.length]!;
    return [
      'TY  - JOUR',
      `TI  - Study ${i} of ${theme}`,
      `AB  - We investigate ${theme} with method ${i % 17} and report results on benchmark ${i % 11}.`,
      'ER  - ',
      '',
    ].join('\n');
  }).join('\n');
}

/** A second library with its own worker, as activation builds it: for timing and for cache behaviour. */
function freshLibrary(api: LiteratureTriageApi) {
  // The worker reports to the library, which needs the worker: tied once both exist.
  const owner: { library?: Library } = {};
  const worker = startLibraryWorker(api.context.extension, {
    started: () => owner.library?.workerStarted(),
    crashed: (reason) => owner.library?.workerCrashed(reason),
  });
  const corpus = new CorpusService(api.context.extension.extensionUri, api.context.log, worker);
  const created = new Library(corpus, api.context.store, worker);
  owner.library = created;
  return {
    library: created,
    corpus,
    worker,
    dispose() {
      created.dispose();
      corpus.dispose();
      worker.dispose();
    },
  };
}

function cacheDir(api: LiteratureTriageApi): string {
  return join(api.context.extension.globalStorageUri.fsPath, CACHE);
}

suite('performance and resilience: the library worker', () => {
  let api: LiteratureTriageApi;
  suiteSetup(async () => {
    api = await activeApi();
  });
  teardown(async () => {
    await vscode.workspace
      .getConfiguration('literatureTriage')
      .update('topics', undefined, vscode.ConfigurationTarget.Workspace);
    await resetTriage(api);
  });

  test('activation to a populated Papers tree on a cold cache (prebuilt seed index): reported', async () => {
    rmSync(cacheDir(api), { recursive: true, force: true });
    // What activation does, with a new worker: load the corpora, index them, list the tree's topics.
    const start = performance.now();
    const fresh = freshLibrary(api);
    const tree = new PapersTreeProvider(fresh.library, 'topic');
    try {
      await fresh.corpus.load();
      await fresh.library.whenIndexed();
      const groups = tree.getChildren();
      const ms = performance.now() - start;
      console.log(
        `seed tree populated ${Math.round(ms)} ms after activation on a cold cache ` +
          `(new worker; ${fresh.library.papers.length} papers in ${groups.length} topics; ` +
          `index ${fresh.library.times.last?.source})`,
      );
      assert.equal(fresh.library.times.last?.source, 'prebuilt', 'the seed needs no topic computation');
      assert.deepEqual(
        groups.map((g) => g.id),
        new PapersTreeProvider(api.context.library, 'topic').getChildren().map((g) => g.id),
        'the same topics as the window computed',
      );
    } finally {
      tree.dispose();
      fresh.dispose();
    }
  });

  test('the index and topics are cached in the global storage and a second load reads them', async () => {
    // A user topic: the prebuilt seed files no longer apply, the corpus is indexed like any other.
    await vscode.workspace
      .getConfiguration('literatureTriage')
      .update('topics', { Decoding: 'speculative decoding' }, vscode.ConfigurationTarget.Workspace);
    // The window's own library re-indexes for the new topics (into the same cache): let it finish first.
    await eventually(() => api.context.library.topics()[0]?.label, 'the window', {
      until: (label) => label === 'Decoding',
    });
    rmSync(cacheDir(api), { recursive: true, force: true });
    const fresh = freshLibrary(api);
    try {
      await fresh.corpus.load();
      await fresh.library.whenIndexed();
      assert.equal(fresh.library.times.last?.source, 'built');
      assert.equal(fresh.library.topics()[0]?.label, 'Decoding');
      assert.ok(
        readdirSync(cacheDir(api)).some((f) => /^index-[0-9a-f]{32}\.bin$/.test(f)),
        'index file written',
      );
      await fresh.library.reindex();
      assert.equal(fresh.library.times.last?.source, 'cache');
      await vscode.workspace
        .getConfiguration('literatureTriage')
        .update('topics', { Forecasting: 'forecasting' }, vscode.ConfigurationTarget.Workspace);
      await eventually(() => fresh.library.topics()[0]?.label, 'the new topics', {
        until: (label) => label === 'Forecasting',
      });
      assert.equal(fresh.library.times.last?.indexFromCache, true, 'other topics: the index from the cache');
      assert.equal(fresh.library.times.last?.topicsFromCache, false, 'the topics computed again');
    } finally {
      fresh.dispose();
    }
  });

  test('a large corpus is indexed in the worker, then loaded from the cache', async function () {
    this.timeout(60_000);
    writeWorkspaceFile('perf/synthetic.ris', syntheticRis(1200));
    const config = vscode.workspace.getConfiguration('literatureTriage');
    await config.update('corpora', ['perf/synthetic.ris'], vscode.ConfigurationTarget.Workspace);
    await config.update('includeBundledSeed', false, vscode.ConfigurationTarget.Workspace);
    const fresh = freshLibrary(api);
    try {
      await fresh.corpus.load();
      assert.equal(fresh.library.papers.length, 1200);
      await fresh.library.reindex({ force: true });
      const cold = fresh.library.times.last!;
      assert.equal(cold.source, 'built');
      assert.equal((await fresh.library.filter('title:protein')).size, 300);
      assert.equal(
        fresh.library.topics().flatMap((t) => t.paperIds).length,
        1200,
        'every paper in one topic',
      );
      const topics = fresh.library.topics();
      await fresh.library.reindex();
      const warm = fresh.library.times.last!;
      assert.equal(warm.source, 'cache');
      assert.deepEqual(fresh.library.topics(), topics);
      console.log(
        `1200 papers in the worker: cold ${Math.round(cold.ms)} ms, from the cache ${Math.round(warm.ms)} ms`,
      );
    } finally {
      fresh.dispose();
      await config.update('corpora', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('includeBundledSeed', undefined, vscode.ConfigurationTarget.Workspace);
      removeWorkspacePath('perf');
    }
  });

  test('a killed worker is restarted: the view keeps its rows and keeps working, said once', async () => {
    const library = api.context.library;
    const worker = library.worker;
    const before = library.papers.length;
    const groups = api.view.provider.getChildren().map((g) => g.id);
    const paper = library.papers[2]!;
    api.context.store.apply((s) => setStatus(s, paper, 'include', api.context.now()));
    const stub = stubs();
    stub.window('showWarningMessage', () => Promise.resolve(undefined));
    try {
      const starts = worker.starts;
      await worker.terminateForTest();
      // The host kept the rows: the tree never goes empty.
      assert.equal(api.view.provider.getChildren().length, groups.length);
      await eventually(() => worker.starts, 'a new worker', { until: (n) => n > starts });
      await library.whenIndexed();
      assert.equal(library.papers.length, before);
      assert.deepEqual(
        api.view.provider.getChildren().map((g) => g.id),
        groups,
      );
      assert.equal(library.triage(paper).status, 'include', 'triage stays on the host');
      assert.ok((await library.palette('speculative decoding', 10)).length > 0, 'searches work again');
      const detail = await library.detail(paper.id, undefined);
      assert.equal(detail?.paper.id, paper.id);
      const warnings = stub.calls.get('showWarningMessage')!;
      assert.equal(warnings.length, 1);
      assert.match(String(warnings[0]![0]), /library worker stopped unexpectedly.*restarted/);

      // A second crash is not announced again.
      await worker.terminateForTest();
      await eventually(() => worker.starts, 'another new worker', { until: (n) => n > starts + 1 });
      await library.whenIndexed();
      assert.equal(stub.calls.get('showWarningMessage')!.length, 1);
      // The ranker in the new worker learned the decision sent before the crash.
      await api.context.screening.ready();
      assert.ok(!api.context.screening.rankedUntriaged().includes(paper.id));
    } finally {
      stub.restore();
    }
  });

  test('a superseded palette query is cancelled, and the newest one answered', async () => {
    const library = api.context.library;
    const skipped = library.worker.cancelledByWorker;
    // Typed while the worker rebuilds the index: the queries wait in its queue, where the superseded ones are
    // skipped.
    const rebuilt = library.reindex({ force: true });
    const queries = ['s', 'sp', 'spe', 'spec', 'speculative'].map((q) => library.palette(q, 50, 'typing'));
    const outcomes = await Promise.allSettled(queries);
    for (const outcome of outcomes.slice(0, -1)) {
      assert.equal(outcome.status, 'rejected');
      // The extension's own copy of the class (the tests are bundled apart): compared by name.
      assert.equal(((outcome as PromiseRejectedResult).reason as Error).name, 'RequestCancelled');
    }
    const last = outcomes.at(-1)!;
    assert.equal(last.status, 'fulfilled');
    assert.ok((last as PromiseFulfilledResult<readonly { id: string }[]>).value.length > 0);
    await rebuilt;
    assert.equal(library.worker.cancelledByWorker - skipped, 4, 'the worker never ran the superseded ones');
  });

  test('screening ranks in the worker as a ranker over the same papers does here', async () => {
    const library = api.context.library;
    const papers = library.papers;
    const byTitle = (pattern: RegExp) => papers.filter((p) => pattern.test(p.title));
    const included = byTitle(/speculative|decoding/i).slice(0, 2);
    const excluded = byTitle(/diffusion|video/i).slice(0, 2);
    assert.equal(included.length + excluded.length, 4);
    const decide = (list: PaperSummary[], status: 'include' | 'exclude') => {
      for (const paper of list)
        api.context.store.apply((s) => setStatus(s, paper, status, api.context.now()));
    };
    decide(included, 'include');
    decide(excluded, 'exclude');
    await api.context.screening.ready();
    const full = await library.fullPapers(papers.map((p) => p.id));
    const local = new ScreeningRanker(full, { defaultOrder: library.topics().flatMap((t) => t.paperIds) });
    for (const p of included) local.setLabel(p.id, 'include');
    for (const p of excluded) local.setLabel(p.id, 'exclude');
    assert.deepEqual(api.context.screening.rankedUntriaged(), local.rank());
    assert.equal(api.context.screening.modelBuilt, true);
    assert.ok(existsSync(join(api.context.extension.extensionPath, 'dist/library.worker.js')));
  });
});
