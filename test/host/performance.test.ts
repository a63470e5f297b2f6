import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { Paper } from '../../src/core/model/paper';
import { CorpusService } from '../../src/extension/corpus/corpusService';
import { IndexingService } from '../../src/extension/indexing/indexingService';
import { Library } from '../../src/extension/library/library';
import { PapersTreeProvider } from '../../src/extension/tree/papersTreeProvider';
import { SCREENING_WORKER_SCRIPT, ScreeningService } from '../../src/extension/screening/screeningService';
import type { TriageStatus } from '../../src/core/triage';
import { activeApi } from './support';

/** Synthetic papers: enough to go to the indexing worker, each about one of a few themes. */
function syntheticPapers(count: number): Paper[] {
  const themes = [
    'graph neural networks',
    'protein structure',
    'speculative decoding',
    'climate forecasting',
  ];
  return Array.from({ length: count }, (_, i) => {
    const theme = themes[i % themes.length]!;
    return {
      id: `synthetic-${i}`,
      title: `Study ${i} of ${theme}`,
      abstract: `We investigate ${theme} with method ${i % 17} and report results on benchmark ${i % 11}.`,
      links: [],
      sources: [{ file: 'synthetic' }],
    };
  });
}

suite('performance: cached, background indexing', () => {
  test('activation to a populated Papers tree, cold then warm cache: reported', async () => {
    const api = await activeApi();
    const service = new IndexingService(api.context.extension, api.context.log);
    rmSync(service.cacheDir!, { recursive: true, force: true });
    // What activation does, with fresh services: load the corpora, index them, list the tree's topics.
    const activate = async () => {
      const start = performance.now();
      const corpus = new CorpusService(api.context.extension.extensionUri, api.context.log);
      const library = new Library(corpus, api.context.store, service);
      const tree = new PapersTreeProvider(library, 'topic');
      try {
        await corpus.load();
        await library.whenIndexed();
        const groups = tree.getChildren();
        return {
          ms: performance.now() - start,
          groups,
          papers: library.papers.length,
          last: library.times.last,
        };
      } finally {
        tree.dispose();
        library.dispose();
        corpus.dispose();
      }
    };
    const cold = await activate();
    const warm = await activate();
    console.log(
      `tree populated after ${Math.round(cold.ms)} ms (cold cache), ${Math.round(warm.ms)} ms (warm cache): ` +
        `${cold.papers} papers in ${cold.groups.length} topics`,
    );
    assert.ok(cold.groups.length > 1 && cold.papers > 0);
    assert.equal(cold.last?.indexFromCache, false);
    assert.equal(warm.last?.indexFromCache, true, 'the second activation reads the cache');
    assert.equal(warm.last?.topicsFromCache, true);
    assert.deepEqual(
      warm.groups.map((g) => g.id),
      cold.groups.map((g) => g.id),
      'the same topics from the cache',
    );
    service.dispose();
  });

  test('the index and topics are written to the global storage and a second load reads them', async () => {
    const api = await activeApi();
    const service = new IndexingService(api.context.extension, api.context.log);
    const cacheDir = service.cacheDir;
    assert.ok(cacheDir, 'the global storage is on disk');
    rmSync(cacheDir, { recursive: true, force: true });
    const papers = api.context.library.papers;

    const cold = await service.index(papers, { userTopics: {} });
    assert.equal(cold.indexFromCache, false);
    assert.equal(cold.topicsFromCache, false);
    assert.equal(cold.inWorker, true, 'built on the worker thread');
    assert.ok(existsSync(join(cacheDir, `index-${cold.key}.bin`)), 'index file written');

    const warm = await service.index(papers, { userTopics: {} });
    assert.equal(warm.key, cold.key);
    assert.equal(warm.indexFromCache, true);
    assert.equal(warm.topicsFromCache, true);
    assert.equal(warm.inWorker, false, 'a small corpus is found in the cache without a worker');
    assert.deepEqual(warm.topics, cold.topics);
    assert.deepEqual(
      warm.index.search('speculative decoding').map((h) => h.id),
      cold.index.search('speculative decoding').map((h) => h.id),
    );
    const phases = Object.entries(cold.phases)
      .map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`)
      .join(', ');
    console.log(
      `seed index: cold ${Math.round(cold.ms)} ms (worker: ${phases}), from the cache ${Math.round(warm.ms)} ms`,
    );

    // Other user topics: the index comes from the cache, the topics are computed again.
    const regrouped = await service.index(papers, { userTopics: { Decoding: 'speculative decoding' } });
    assert.equal(regrouped.indexFromCache, true);
    assert.equal(regrouped.topicsFromCache, false);
    assert.equal(regrouped.topics[0]?.label, 'Decoding');
    service.dispose();
  });

  test('a large corpus is indexed on the worker thread, then loaded from the cache', async function () {
    this.timeout(60_000);
    const api = await activeApi();
    const service = new IndexingService(api.context.extension, api.context.log);
    const papers = syntheticPapers(1200);
    const cold = await service.index(papers, { userTopics: {}, force: true });
    assert.equal(cold.inWorker, true);
    assert.equal(cold.indexFromCache, false);
    assert.equal(cold.index.search('title:protein').length, 300);
    assert.equal(cold.topics.flatMap((t) => t.paperIds).length, papers.length, 'every paper in one topic');
    const warm = await service.index(papers, { userTopics: {} });
    assert.equal(warm.inWorker, true);
    assert.equal(warm.indexFromCache, true);
    assert.equal(warm.topicsFromCache, true);
    assert.deepEqual(warm.topics, cold.topics);
    console.log(
      `1200 papers in the worker: cold ${Math.round(cold.ms)} ms, from the cache ${Math.round(warm.ms)} ms`,
    );
    service.dispose();
  });

  test('a library with the indexing service answers from the background index, tags included', async () => {
    const api = await activeApi();
    const service = new IndexingService(api.context.extension, api.context.log);
    const library = new Library(api.context.corpus, api.context.store, service);
    try {
      let events = 0;
      library.onDidChange((change) => (events += change.papers ? 1 : 0));
      await library.reindex();
      assert.ok(events >= 1, 'listeners hear about the new index');
      assert.equal(library.times.last?.papers, library.papers.length);
      assert.deepEqual(
        library.topics().map((t) => t.label),
        api.context.library.topics().map((t) => t.label),
      );
      assert.deepEqual(
        library
          .searchIndex()
          .search('diffusion')
          .map((h) => h.id),
        api.context.library
          .searchIndex()
          .search('diffusion')
          .map((h) => h.id),
      );
      await library.reindex();
      assert.equal(library.times.last?.indexFromCache, true);
      assert.equal(library.times.last?.topicsFromCache, true);
    } finally {
      library.dispose();
      service.dispose();
    }
  });

  test('the screening features of a large corpus are built on a worker thread, with the same ranking', async () => {
    const api = await activeApi();
    const papers = syntheticPapers(1200);
    const { library, statuses, dispose } = fakeLibrary(papers);
    const script = join(api.context.extension.extensionPath, SCREENING_WORKER_SCRIPT);
    const background = new ScreeningService(library, script);
    const inPlace = new ScreeningService(library);
    try {
      assert.equal(background.isReady, false, 'the features are being built');
      let prepared = 0;
      background.onDidPrepare(() => prepared++);
      const start = performance.now();
      await background.ready();
      const ms = performance.now() - start;
      assert.equal(background.isReady, true);
      assert.equal(prepared, 1, 'listeners hear that the ranking is ready');
      assert.equal(background.modelBuilt, false, 'only the features: the model is built on first use');
      statuses.set('synthetic-1', 'include');
      statuses.set('synthetic-5', 'include');
      statuses.set('synthetic-2', 'exclude');
      const ranked = background.rankedUntriaged();
      assert.deepEqual(ranked, inPlace.rankedUntriaged());
      assert.ok(
        ranked.slice(0, 10).every((id) => Number(id.split('-')[1]) % 4 === 1),
        'protein papers first',
      );
      assert.deepEqual(background.explain(ranked[0]!), inPlace.explain(ranked[0]!));
      console.log(`screening features of 1200 papers built in the background in ${Math.round(ms)} ms`);
    } finally {
      background.dispose();
      inPlace.dispose();
      dispose();
    }
  });

  test('screening follows a new corpus at once, before the library has indexed it', async () => {
    const first = syntheticPapers(30);
    const fake = fakeLibrary(first);
    const screening = new ScreeningService(fake.library);
    try {
      assert.equal(screening.rankedUntriaged().length, 30);
      // The corpus grows; the library reports it only once it is indexed.
      fake.setPapers(syntheticPapers(40));
      fake.statuses.set('synthetic-35', 'include');
      const ranked = screening.rankedUntriaged();
      assert.equal(ranked.length, 39, 'the new papers are ranked, the included one left out');
      assert.ok(!ranked.includes('synthetic-35'));
    } finally {
      screening.dispose();
      fake.dispose();
    }
  });
});

/** The part of the Library that screening reads, over a list of papers that a test can replace. */
function fakeLibrary(initial: Paper[]) {
  let papers = initial;
  let byId = new Map(papers.map((p) => [p.id, p]));
  const statuses = new Map<string, TriageStatus>();
  const changed = new vscode.EventEmitter<{ papers: boolean; triage: boolean }>();
  const corpusChanged = new vscode.EventEmitter<void>();
  const library = {
    get papers() {
      return papers;
    },
    paper: (id: string) => byId.get(id),
    triage: (paper: Paper) => ({ status: statuses.get(paper.id) ?? 'untriaged', tags: [] }),
    topics: () => [],
    store: { state: { papers: new Map() } },
    onDidChange: changed.event,
    corpus: { onDidChange: corpusChanged.event },
  } as unknown as Library;
  return {
    library,
    statuses,
    setPapers(next: Paper[]) {
      papers = next;
      byId = new Map(papers.map((p) => [p.id, p]));
      corpusChanged.fire();
    },
    dispose() {
      changed.dispose();
      corpusChanged.dispose();
    },
  };
}
