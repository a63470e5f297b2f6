import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import {
  EXCLUDE_BUTTON,
  INCLUDE_BUTTON,
  isPaperItem,
  paperItem,
  searchItems,
  startItems,
  type PaperPickItem,
} from '../../src/extension/search/searchItems';
import type { SearchSession } from '../../src/extension/search/searchSession';
import { matchSnippet } from '../../src/core/search/snippet';
import { eventually } from '../harness/eventually';
import { activeApi, localIndex, resetTriage } from './support';

let api: LiteratureTriageApi;

function status(id: string): string {
  return api.context.library.triage(api.context.library.paper(id)!).status;
}

function paperRows(session: SearchSession): PaperPickItem[] {
  return session.picker.items.filter(isPaperItem);
}

async function openSearch(query?: string): Promise<SearchSession> {
  const session = await vscode.commands.executeCommand<SearchSession>('literatureTriage.searchPapers', query);
  assert.ok(session, 'the command returns its session');
  await eventually(() => session.settled, 'the first results');
  return session;
}

/** Hostile search texts, and how many seed papers each finds (their words, once lunr's syntax is set aside). */
const HOSTILE: [string, number][] = [
  ['<img src=x onerror=alert(1)>', 8],
  ['"><svg onload=alert(1)>', 7],
  ['javascript:alert(1)', 7],
  ['title:', 1],
  ['nosuchfield:word', 1],
  ['+', 0],
  ['-', 0],
  ['~', 0],
  ['*', 0],
  ['^2', 8],
  [':::', 0],
  ['\\', 0],
  ['"', 0],
  ['(', 0],
  ['[]{}', 0],
  ['$(zap)', 0],
  ['\u0000\u202e\ud800', 0],
  ['ab*cd*ef*', 0],
  ['speculative~9', 16],
  ['a'.repeat(10_000), 0],
  ['diffusion '.repeat(300), 19],
];

suite('Search Papers', () => {
  suiteSetup(async () => {
    api = await activeApi();
  });

  setup(async () => {
    await resetTriage(api);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetTriage(api);
  });

  test('items: the title, status and tags, and a snippet around the first match in the abstract', async () => {
    const items = await searchItems(api.context.library, 'speculative decoding');
    assert.equal(items.length, 9, 'the nine seed papers it finds');
    const expected = (await localIndex(api)).combined('speculative decoding', { limit: 50 });
    assert.deepEqual(
      items.map((i) => i.paper.id),
      expected.map((h) => h.id),
      'the combined ranking, in order',
    );
    const top = items[0]!;
    assert.equal(top.label, top.paper.title);
    assert.equal(top.description, 'Untriaged');
    assert.match(top.detail ?? '', /speculative|decod/i);
    assert.equal(top.alwaysShow, true, 'the picker must not filter the ranking by label');
    assert.deepEqual(top.buttons, [INCLUDE_BUTTON, EXCLUDE_BUTTON]);

    await vscode.commands.executeCommand('literatureTriage.include', top.paper.id);
    await vscode.commands.executeCommand('literatureTriage.addTag', top.paper.id, undefined, 'method');
    const again = (await searchItems(api.context.library, 'speculative decoding')).find(
      (i) => i.paper.id === top.paper.id,
    )!;
    assert.equal(again.description, 'Included · method');
    assert.equal((again.iconPath as vscode.ThemeIcon).id, 'pass');
  });

  test('at most 50 items', async () => {
    assert.equal((await searchItems(api.context.library, 'the model data learning')).length, 50);
  });

  test('the snippet is cut around a match deep in the abstract', async () => {
    const all = await api.context.library.fullPapers(api.context.library.papers.map((p) => p.id));
    const paper = all.find((p) => p.abstract.length > 600)!;
    const word = paper.abstract.slice(400).match(/[A-Za-z]{6,}/)![0];
    const at = paper.abstract.indexOf(word, 400);
    const snippet = matchSnippet(paper.abstract, [{ field: 'abstract', start: at, end: at + word.length }]);
    assert.ok(snippet.startsWith('…'), snippet);
    assert.ok(snippet.includes(word), snippet);
    assert.ok(snippet.length <= 182, `${snippet.length} characters`);
    assert.ok(!snippet.includes('\n'));
    // A title-only match shows the abstract's start.
    const start = matchSnippet(paper.abstract, [{ field: 'title', start: 0, end: 3 }]);
    assert.ok(paper.abstract.replace(/\s+/g, ' ').startsWith(start.replace(/…$/, '')), start);
  });

  test('an empty search lists the recently decided papers, then the untriaged ones in tree order', async () => {
    const order = api.view.orderedIds();
    api.context.now = () => '2025-01-01T00:00:00.000Z';
    await vscode.commands.executeCommand('literatureTriage.exclude', order[3]);
    api.context.now = () => '2025-01-02T00:00:00.000Z';
    await vscode.commands.executeCommand('literatureTriage.include', order[1]);
    api.context.now = () => new Date().toISOString();
    const entries = await startItems(api.context.library, order);
    assert.equal(entries[0]!.label, 'Recently decided');
    assert.equal(entries[0]!.kind, vscode.QuickPickItemKind.Separator);
    const papers = entries.filter(isPaperItem).map((i) => i.paper.id);
    assert.deepEqual(papers.slice(0, 2), [order[1], order[3]]);
    assert.equal(entries[3]!.label, 'Untriaged');
    assert.deepEqual(papers.slice(2, 5), [order[0], order[2], order[4]]);
    assert.equal(papers.length, 50);
  });

  test('any text can be searched: hostile strings give items or none, never an error', async () => {
    for (const [text, found] of HOSTILE) {
      const items = await searchItems(api.context.library, text);
      assert.equal(items.length, found, JSON.stringify(text.slice(0, 20)));
      for (const item of items) assert.equal(api.context.library.paper(item.paper.id), item.paper);
    }
  });

  test('Enter opens the active item in the reader', async () => {
    const session = await openSearch('gaussian process');
    const top = paperRows(session)[0]!;
    assert.equal(session.query, 'gaussian process');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await eventually(() => api.reader.currentPaper?.id, 'the reader to show the top hit', {
      until: (id) => id === top.paper.id,
    });
    // Close it once loaded, so it takes no focus away from the next test's picker.
    await eventually(() => api.reader.isReady, 'the reader to be ready');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('typing updates the items', async () => {
    const session = await openSearch();
    assert.ok(session.picker.items.length > 0, 'the empty search lists papers');
    session.picker.value = 'time series';
    await eventually(() => session.query, 'the results for the typed text', {
      until: (query) => query === 'time series',
    });
    assert.deepEqual(
      paperRows(session).map((i) => i.paper.id),
      (await searchItems(api.context.library, 'time series')).map((i) => i.paper.id),
    );
    for (const [text] of HOSTILE) session.picker.value = text;
    session.picker.value = 'diffusion';
    await eventually(() => session.query, 'only the last text’s results', {
      until: (query) => query === 'diffusion',
    });
    const shown = paperRows(session).map((i) => i.paper.id);
    assert.equal(shown.length, 19, 'the seed papers about diffusion');
    assert.deepEqual(
      shown,
      (await searchItems(api.context.library, 'diffusion')).map((i) => i.paper.id),
    );
  });

  test('the include / exclude buttons decide without leaving the picker; a second click clears', async () => {
    const session = await openSearch('autoregressive');
    const item = paperRows(session)[1]!;
    session.picker.activeItems = [item];
    session.decide(item, INCLUDE_BUTTON);
    assert.equal(status(item.paper.id), 'include');
    const shown = paperRows(session).find((i) => i.paper.id === item.paper.id)!;
    assert.equal(shown.description, 'Included');
    assert.equal((shown.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.equal(session.picker.activeItems[0]?.paper?.id, item.paper.id, 'the same row stays active');
    assert.deepEqual(
      paperRows(session).map((i) => i.paper.id),
      (await searchItems(api.context.library, 'autoregressive')).map((i) => i.paper.id),
      'same rows, same order',
    );
    session.decide(shown, EXCLUDE_BUTTON);
    assert.equal(status(item.paper.id), 'exclude');
    session.decide(shown, EXCLUDE_BUTTON);
    assert.equal(status(item.paper.id), 'untriaged');
  });

  test('titles, tags and abstracts with $(icon) syntax or markup are shown as typed', async () => {
    const base = api.context.library.papers[0]!;
    const paper = {
      ...base,
      title: '$(zap) <img src=x onerror=alert(1)>',
      abstract: 'See $(alert) and <script>x</script>.',
    };
    await vscode.commands.executeCommand('literatureTriage.addTag', base.id, undefined, '$(bug)');
    const item = paperItem(paper, api.context.library.triage(base), paper.abstract);
    assert.equal(item.label, '$\u200B(zap) <img src=x onerror=alert(1)>');
    assert.equal(item.detail, 'See $\u200B(alert) and <script>x</script>.');
    assert.equal(item.description, 'Untriaged · $\u200B(bug)');
  });
});
