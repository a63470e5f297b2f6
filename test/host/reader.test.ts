import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Paper } from '../../src/core/model/paper';
import type { PaperSummary } from '../../src/worker/protocol';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import type { Reader } from '../../src/extension/reader/reader';
import { checkExternalLink } from '../../src/extension/reader/externalLink';
import { addTag, setNote, setStatus } from '../../src/core/triage';
import type { HostMessage, PaperView } from '../../src/webview/protocol';
import { eventually } from '../harness/eventually';
import { activeApi, localIndex } from './support';

const VIEW_TYPE = 'literatureTriage.reader';

function readerOf(api: LiteratureTriageApi): Reader {
  return api.reader as unknown as Reader;
}

/** A call, so that assertions on one paper do not narrow the type for the next. */
function currentId(api: LiteratureTriageApi): string | undefined {
  return api.reader.currentPaper?.id;
}

function readerTabs(): { tab: vscode.Tab; group: vscode.TabGroup }[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs
      .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE))
      .map((tab) => ({ tab, group })),
  );
}

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await eventually(() => readerTabs().length, 'the reader to close', { until: (tabs) => tabs === 0 });
}

/** Waits until the webview itself reports having rendered `paper`. */
async function shown(api: LiteratureTriageApi, paper: PaperSummary): Promise<void> {
  await eventually(() => api.reader.shownPaperId, `the webview to render "${paper.title}"`, {
    until: (id) => id === paper.id,
  });
}

/** Records what the host sends to the webview. */
function recordPosts(reader: Reader): { messages: HostMessage[]; stop(): void } {
  const messages: HostMessage[] = [];
  const original = reader.panel.post.bind(reader.panel);
  reader.panel.post = (message) => {
    messages.push(message);
    return original(message);
  };
  return { messages, stop: () => (reader.panel.post = original) };
}

function lastPaperView(messages: HostMessage[]): PaperView | undefined {
  const shows = messages.filter((m) => m.type === 'showPaper');
  return shows[shows.length - 1]?.paper;
}

function stateFile(): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'literature-triage.json');
}

async function readStateFile(): Promise<{
  papers: Record<string, { note?: string; status: string; tags?: string[] }>;
}> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(stateFile())));
}

/** Removes every decision this suite made and the state file it caused. */
async function clearState(api: LiteratureTriageApi): Promise<void> {
  const store = api.context.store;
  while (store.canUndo) store.undo();
  await store.flush();
  await vscode.workspace.fs.delete(stateFile()).then(
    () => undefined,
    () => undefined,
  );
}

suite('reader', () => {
  let api: LiteratureTriageApi;
  let papers: readonly PaperSummary[];
  /** The full papers, as the library worker has them. */
  let full: Paper[];

  suiteSetup(async () => {
    api = await activeApi();
    papers = api.context.library.papers;
    assert.ok(papers.length >= 10, 'the seed corpus is loaded');
    full = await api.context.library.fullPapers(papers.map((p) => p.id));
    assert.equal(full.length, papers.length);
  });

  teardown(async () => {
    await clearState(api);
  });

  suiteTeardown(async () => {
    await closeAllEditors();
  });

  test('Open Paper from the tree reuses one panel that follows the selection', async () => {
    await closeAllEditors();
    const [first, second] = [papers[0]!, papers[1]!];
    await vscode.commands.executeCommand('literatureTriage.openPaper', first.id);
    await shown(api, first);
    await vscode.commands.executeCommand('literatureTriage.openPaper', second.id);
    await shown(api, second);
    const tabs = readerTabs();
    assert.equal(tabs.length, 1, 'one reader panel');
    assert.equal(tabs[0]!.tab.label, second.title);
    assert.equal(currentId(api), second.id);
  });

  test('Open Paper to the Side puts the reader beside the active editor', async () => {
    await closeAllEditors();
    const document = await vscode.workspace.openTextDocument({ content: 'draft', language: 'plaintext' });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const paper = papers[3]!;
    await vscode.commands.executeCommand('literatureTriage.openPaperToSide', paper.id);
    await shown(api, paper);
    const [reader] = readerTabs();
    assert.equal(reader?.group.viewColumn, vscode.ViewColumn.Two);
    assert.equal(vscode.window.tabGroups.all.length, 2);
    assert.equal(currentId(api), paper.id);
  });

  test('the panel serializer restores the paper the webview saved in its state', async () => {
    await closeAllEditors();
    assert.equal(currentId(api), undefined, 'closing the reader forgets its paper');
    const paper = papers[5]!;
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Paper', vscode.ViewColumn.One, {});
    await readerOf(api).deserializeWebviewPanel(panel, { paperId: paper.id });
    await shown(api, paper);
    assert.equal(currentId(api), paper.id);
    assert.equal(panel.title, paper.title);
    assert.ok(panel.webview.html.includes("default-src 'none'"), 'the restored panel gets the reader page');
  });

  test('a restored panel with a missing paper or a malformed state shows no paper', async () => {
    for (const state of [{ paperId: 'p_not_in_any_corpus' }, { paperId: 42 }, undefined, 'p_x']) {
      await closeAllEditors();
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Paper', vscode.ViewColumn.One, {});
      const posts = recordPosts(readerOf(api));
      try {
        await readerOf(api).deserializeWebviewPanel(panel, state);
        await eventually(
          () => ({ ready: api.reader.isReady, posted: posts.messages.map((m) => m.type) }),
          'an empty reader',
          { until: ({ ready, posted }) => ready && posted.includes('empty') },
        );
        assert.equal(currentId(api), undefined, JSON.stringify(state));
        const empty = posts.messages.find((m) => m.type === 'empty');
        const expected = typeof state === 'object' && typeof state.paperId === 'string' ? 'missing' : 'none';
        assert.deepEqual(empty, { type: 'empty', reason: expected });
      } finally {
        posts.stop();
      }
    }
  });

  test('a second restored panel is closed: there is only ever one reader', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('literatureTriage.openPaper', papers[0]!.id);
    await shown(api, papers[0]!);
    const extra = vscode.window.createWebviewPanel(VIEW_TYPE, 'Paper', vscode.ViewColumn.Two, {});
    let disposed = false;
    extra.onDidDispose(() => (disposed = true));
    await readerOf(api).deserializeWebviewPanel(extra, { paperId: papers[1]!.id });
    assert.ok(disposed);
    assert.equal(currentId(api), papers[0]!.id);
  });

  test('the view sent to the webview has topic, status, tags, note, links, similar papers and highlights', async () => {
    const paper = papers.find(
      (p) => p.title === 'Continuous Speculative Decoding for Autoregressive Image Generation',
    );
    assert.ok(paper);
    const store = api.context.store;
    store.apply((s) => setStatus(s, paper, 'maybe', api.context.now()));
    store.apply((s) => addTag(s, paper, 'decoding', api.context.now()));
    store.apply((s) => setNote(s, paper, 'Check the acceptance rule.', api.context.now()));
    const posts = recordPosts(readerOf(api));
    try {
      api.reader.show(paper, { highlight: 'speculative decoding' });
      await shown(api, paper);
      await eventually(() => lastPaperView(posts.messages)?.id, 'the paper view', {
        until: (id) => id === paper.id,
      });
      const view = lastPaperView(posts.messages)!;
      assert.equal(view.title, paper.title);
      const abstract = full.find((p) => p.id === paper.id)!.abstract;
      assert.equal(view.abstract, abstract);
      assert.equal(view.topic, api.context.library.topicOfPaper(paper.id)?.label);
      assert.equal(view.status, 'maybe');
      assert.deepEqual(view.tags, ['decoding']);
      assert.equal(view.note, 'Check the acceptance rule.');
      assert.deepEqual(view.links, ['https://github.com/MarkXCloud/CSpD']);
      assert.equal(view.similar.length, 5);
      assert.ok(!view.similar.some((s) => s.id === paper.id), 'a paper is not similar to itself');
      // An index built here from the same papers finds the same similar papers.
      const expectedSimilar = (await localIndex(api)).similarPapers(paper.id, 5).map((h) => h.id);
      assert.deepEqual(
        view.similar.map((s) => s.id),
        expectedSimilar,
      );
      const ids = api.view.orderedIds();
      assert.deepEqual(view.position, { index: ids.indexOf(paper.id) + 1, total: ids.length });
      const marked = (field: 'title' | 'abstract') =>
        view.highlights
          .filter((r) => r.field === field)
          .map((r) => (field === 'title' ? paper.title : abstract).slice(r.start, r.end).toLowerCase());
      assert.deepEqual(marked('title'), ['speculative', 'decoding']);
      assert.ok(marked('abstract').length >= 3, JSON.stringify(marked('abstract')));
      for (const word of marked('abstract'))
        assert.match(word, /^(speculative|decoding|speculative decoding)$/);

      api.reader.show(papers[0]!);
      await shown(api, papers[0]!);
      assert.deepEqual(
        lastPaperView(posts.messages)?.highlights,
        [],
        'highlights belong to the search that opened the paper',
      );
    } finally {
      posts.stop();
    }
  });

  test('next and previous follow the Papers view order and stop at its ends', async () => {
    const ids = api.view.orderedIds();
    const byId = (id: string) => api.context.library.paper(id)!;
    api.reader.show(byId(ids[1]!));
    await vscode.commands.executeCommand('literatureTriage.reader.next');
    assert.equal(currentId(api), ids[2]);
    await vscode.commands.executeCommand('literatureTriage.reader.previous');
    await vscode.commands.executeCommand('literatureTriage.reader.previous');
    assert.equal(currentId(api), ids[0]);
    assert.equal(api.reader.showPrevious(), false, 'no paper before the first');
    assert.equal(currentId(api), ids[0]);
    await readerOf(api).handle({ type: 'navigate', direction: 'next' });
    assert.equal(currentId(api), ids[1]);
    api.reader.show(byId(ids[ids.length - 1]!));
    assert.equal(api.reader.showNext(), false, 'no paper after the last');
    await shown(api, byId(ids[ids.length - 1]!));
  });

  test('every message from the webview is validated before the host acts on it', async () => {
    const paper = papers[7]!;
    api.reader.show(paper);
    await shown(api, paper);
    const panel = readerOf(api).panel;
    const status = () => api.context.library.triage(paper).status;
    const before = api.context.store.state;
    const invalid: unknown[] = [
      { type: 'setStatus', paperId: paper.id, status: 'accepted' },
      { type: 'setStatus', paperId: paper.id, status: 'include', extra: true },
      { type: 'setStatus', paperId: [paper.id], status: 'include' },
      { type: 'setStatus', status: 'include' },
      { type: 'SetStatus', paperId: paper.id, status: 'include' },
      JSON.stringify({ type: 'setStatus', paperId: paper.id, status: 'include' }),
      null,
      [{ type: 'setStatus', paperId: paper.id, status: 'include' }],
    ];
    for (const message of invalid) panel.receive(message);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(status(), 'untriaged');
    assert.equal(api.context.store.state, before, 'no state change at all');

    panel.receive({ type: 'setStatus', paperId: 'p_unknown', status: 'include' });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(api.context.store.state, before, 'an unknown paper id changes nothing');

    const next = api.view.orderedIds()[api.view.orderedIds().indexOf(paper.id) + 1];
    panel.receive({ type: 'setStatus', paperId: paper.id, status: 'include' });
    await eventually(status, 'the valid message to apply', { until: (s) => s === 'include' });
    assert.equal(currentId(api), next, 'a decision moves on to the next paper');
  });

  test('tags are added and removed from the reader', async () => {
    const paper = papers[8]!;
    api.reader.show(paper);
    await readerOf(api).handle({ type: 'addTag', paperId: paper.id, tag: ' <b>bold</b>; tag ' });
    await readerOf(api).handle({ type: 'addTag', paperId: paper.id, tag: 'survey' });
    assert.deepEqual(api.context.library.triage(paper).tags, ['<b>bold</b> tag', 'survey']);
    await readerOf(api).handle({ type: 'removeTag', paperId: paper.id, tag: 'survey' });
    assert.deepEqual(api.context.library.triage(paper).tags, ['<b>bold</b> tag']);
    assert.equal(currentId(api), paper.id, 'tagging does not move on');
  });

  test('a note typed in the reader is saved to the state file', async () => {
    const paper = papers[9]!;
    api.reader.show(paper);
    await shown(api, paper);
    const posts = recordPosts(readerOf(api));
    try {
      const note = 'Compare with <script>alert(1)</script>\nsection 4.';
      await readerOf(api).handle({ type: 'saveNote', paperId: paper.id, note });
      await api.context.store.flush();
      const onDisk = await readStateFile();
      assert.equal(onDisk.papers[paper.id]?.note, note);
      assert.equal(onDisk.papers[paper.id]?.status, 'untriaged');
      assert.deepEqual(
        posts.messages.find((m) => m.type === 'noteSaved'),
        { type: 'noteSaved', paperId: paper.id, persisted: true },
      );
    } finally {
      posts.stop();
    }
  });

  test('only http(s) links found in the paper are opened, and only by the host', async () => {
    const paper = full.find((p) => p.links.length > 0)!;
    api.reader.show(paper);
    const reader = readerOf(api);
    const opened: string[] = [];
    const original = reader.openExternal;
    reader.openExternal = async (uri) => {
      opened.push(uri.toString(true));
      return true;
    };
    try {
      const attempts = [
        'javascript:alert(1)',
        'JavaScript:alert(document.cookie)',
        'command:workbench.action.reloadWindow',
        'file:///etc/passwd',
        'data:text/html,<script>alert(1)</script>',
        'https://example.com/not-in-this-paper',
        'not a url',
      ];
      for (const url of attempts) reader.panel.receive({ type: 'openLink', paperId: paper.id, url });
      reader.panel.receive({ type: 'openLink', paperId: paper.id, url: paper.links[0] });
      await eventually(() => [...opened], 'the paper link to open', { until: (urls) => urls.length > 0 });
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(opened, [paper.links[0]]);
    } finally {
      reader.openExternal = original;
    }
  });

  test('link validation accepts http(s) links of the paper only', () => {
    const paper = {
      ...full[0]!,
      links: ['https://example.org/a?b=1', 'http://example.org/c', 'https://u:p@example.org/'],
    };
    assert.deepEqual(checkExternalLink('https://example.org/a?b=1', paper), {
      ok: true,
      url: 'https://example.org/a?b=1',
    });
    assert.equal(checkExternalLink('http://example.org/c', paper).ok, true);
    for (const url of [
      'javascript:alert(1)',
      'https://u:p@example.org/',
      'https://example.org/other',
      'vscode://x',
    ]) {
      assert.equal(checkExternalLink(url, paper).ok, false, url);
    }
    assert.equal(checkExternalLink('https://example.org/a?b=1', undefined).ok, false, 'no paper, no link');
  });

  test('the editing context follows the text fields and is reset when the reader closes', async () => {
    const paper = papers[4]!;
    api.reader.show(paper);
    await shown(api, paper);
    const panel = readerOf(api).panel;
    panel.receive({ type: 'editing', editing: true });
    assert.equal(api.reader.isEditing, true);
    panel.receive({ type: 'editing', editing: false });
    assert.equal(api.reader.isEditing, false);
    panel.receive({ type: 'editing', editing: 'yes' });
    assert.equal(api.reader.isEditing, false, 'a malformed message is ignored');
    panel.receive({ type: 'editing', editing: true });
    await closeAllEditors();
    assert.equal(api.reader.isEditing, false);
  });
});
