import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import type { GroupNode, PaperNode, PapersNode } from '../../src/extension/tree';
import { eventually } from '../harness/eventually';
import { activeApi, localIndex, resetTriage } from './support';

let api: LiteratureTriageApi;

function roots(): GroupNode[] {
  return api.view.provider.getChildren() as GroupNode[];
}

function rowsOf(group: PapersNode): PaperNode[] {
  return api.view.provider.getChildren(group) as PaperNode[];
}

function item(node: PapersNode): vscode.TreeItem {
  return api.view.provider.getTreeItem(node);
}

function labelOf(node: PapersNode): string {
  const label = item(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

function iconOf(node: PapersNode): { id: string; color: string | undefined } {
  const icon = item(node).iconPath as vscode.ThemeIcon;
  return { id: icon.id, color: icon.color?.id };
}

/** The paper's row in the tree as it is now. */
function rowOf(paperId: string): PaperNode {
  for (const group of roots()) {
    const row = rowsOf(group).find((r) => r.paper.id === paperId);
    if (row) return row;
  }
  throw new Error(`paper ${paperId} is not in the tree`);
}

function paperAt(index: number) {
  return api.context.library.papers[index]!;
}

suite('Papers tree', () => {
  suiteSetup(async () => {
    api = await activeApi();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('literatureTriage.clearFilter');
    await vscode.commands.executeCommand('literatureTriage.groupBy', 'topic');
    await resetTriage(api);
  });

  test('groups the seed by topic, with each topic’s paper count', () => {
    const topics = api.context.library.topics().filter((t) => t.paperIds.length > 0);
    const groups = roots();
    assert.ok(groups.length >= 2, `${groups.length} topics`);
    assert.deepEqual(
      groups.map(labelOf),
      topics.map((t) => t.label),
    );
    assert.deepEqual(
      groups.map((g) => item(g).description),
      topics.map((t) => String(t.paperIds.length)),
    );
    let total = 0;
    for (const group of groups) {
      assert.equal(item(group).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      const rows = rowsOf(group);
      total += rows.length;
      for (const row of rows) {
        assert.equal(api.context.library.topicOfPaper(row.paper.id)?.label, labelOf(group));
        assert.equal(api.view.provider.getParent(row), group);
      }
    }
    assert.equal(total, 52);
  });

  test('a paper row: status icon, tags as description, plain-text tooltip, menus and click', async () => {
    const paper = paperAt(3);
    let row = item(rowOf(paper.id));
    assert.deepEqual(iconOf(rowOf(paper.id)), { id: 'circle-large-outline', color: undefined });
    assert.equal(row.description, undefined);
    assert.equal(row.contextValue, 'paper');
    assert.equal(typeof row.tooltip, 'string', 'the tooltip is plain text, not markdown');
    assert.equal(
      row.tooltip,
      `${paper.title}\nUntriaged`,
      'before hovering: no abstract (the worker has it)',
    );
    // Hovering resolves the tooltip with the start of the abstract.
    row = await api.view.provider.resolveTreeItem(row, rowOf(paper.id));
    const tooltip = row.tooltip as string;
    const abstract = (await api.context.library.fullPaper(paper.id))!.abstract;
    assert.ok(tooltip.startsWith(`${paper.title}\nUntriaged\n\n`), tooltip.slice(0, 200));
    assert.ok(tooltip.includes(abstract.replace(/\s+/g, ' ').slice(0, 120)), 'the abstract’s start');
    assert.ok(tooltip.length < paper.title.length + 400, 'only the start of the abstract');
    assert.deepEqual(row.command?.arguments, [paper.id]);
    assert.equal(row.command?.command, 'literatureTriage.openPaper');

    await vscode.commands.executeCommand('literatureTriage.include', paper.id);
    await vscode.commands.executeCommand('literatureTriage.addTag', paper.id, undefined, 'method');
    await vscode.commands.executeCommand('literatureTriage.addTag', paper.id, undefined, 'to read');
    row = item(rowOf(paper.id));
    assert.deepEqual(iconOf(rowOf(paper.id)), { id: 'pass', color: 'testing.iconPassed' });
    assert.equal(row.description, 'method, to read');
    assert.equal(row.contextValue, 'paper.tagged');
    row = await api.view.provider.resolveTreeItem(row, rowOf(paper.id));
    assert.ok((row.tooltip as string).startsWith(`${paper.title}\nIncluded · method, to read\n`));

    await vscode.commands.executeCommand('literatureTriage.exclude', paper.id);
    assert.deepEqual(iconOf(rowOf(paper.id)), { id: 'circle-slash', color: 'errorForeground' });
    await vscode.commands.executeCommand('literatureTriage.maybe', paper.id);
    assert.deepEqual(iconOf(rowOf(paper.id)), { id: 'question', color: 'list.warningForeground' });
  });

  test('row ids stay the same across a refresh, so expanded topics stay expanded', async () => {
    const before = roots().flatMap((g) => [g.id, ...rowsOf(g).map((r) => r.id)]);
    assert.equal(new Set(before).size, before.length, 'ids are unique');
    await vscode.commands.executeCommand('literatureTriage.include', paperAt(0).id);
    const after = roots().flatMap((g) => [g.id, ...rowsOf(g).map((r) => r.id)]);
    assert.deepEqual(after, before);
    assert.deepEqual(
      roots().map((g) => item(g).id),
      roots().map((g) => g.id),
    );
  });

  test('re-indexing that yields the same topics does not redraw the tree; new topics do', async () => {
    const { provider } = api.view;
    roots();
    const fired: (PapersNode[] | 'all')[] = [];
    const listener = provider.onDidChangeTreeData((e) => fired.push(e ?? 'all'));
    try {
      await api.context.library.reindex({ force: true });
      assert.equal(fired.length, 0, 'the same groups: no redraw that could swallow a click');
      await vscode.workspace
        .getConfiguration('literatureTriage')
        .update('topics', { Decoding: 'speculative decoding' }, vscode.ConfigurationTarget.Workspace);
      await eventually(() => roots().map(labelOf), 'the user topic', { until: (l) => l[0] === 'Decoding' });
      assert.ok(fired.includes('all'), 'new topics redraw the tree');
    } finally {
      listener.dispose();
      await vscode.workspace
        .getConfiguration('literatureTriage')
        .update('topics', undefined, vscode.ConfigurationTarget.Workspace);
      await eventually(() => roots().map(labelOf), 'the automatic topics again', {
        until: (labels) => labels.length > 0 && labels[0] !== 'Decoding',
      });
    }
  });

  test('Group By triage status: Untriaged, Included, Maybe, Excluded with counts, remembered', async () => {
    await vscode.commands.executeCommand('literatureTriage.include', [paperAt(0).id, paperAt(1).id]);
    await vscode.commands.executeCommand('literatureTriage.maybe', paperAt(2).id);
    await vscode.commands.executeCommand('literatureTriage.exclude', paperAt(5).id);
    await vscode.commands.executeCommand('literatureTriage.groupBy', 'status');
    assert.equal(api.view.provider.groupBy, 'status');
    assert.equal(api.context.extension.workspaceState.get('literatureTriage.groupBy'), 'status');
    const groups = roots();
    assert.deepEqual(groups.map(labelOf), ['Untriaged', 'Included', 'Maybe', 'Excluded']);
    assert.deepEqual(
      groups.map((g) => item(g).description),
      ['48', '2', '1', '1'],
    );
    assert.deepEqual(
      rowsOf(groups[1]!).map((r) => r.paper.id),
      [paperAt(0).id, paperAt(1).id],
    );
    assert.equal(iconOf(groups[1]!).id, 'pass');
    assert.equal(api.view.treeView.description, 'by status');

    // Deciding moves the row to its new group.
    await vscode.commands.executeCommand('literatureTriage.clearDecision', paperAt(5).id);
    assert.deepEqual(roots().map(labelOf), ['Untriaged', 'Included', 'Maybe']);
    assert.equal(item(roots()[0]!).description, '49');
  });

  test('Group By tag: one group per tag (a paper in each of its tags), untagged last', async () => {
    await vscode.commands.executeCommand(
      'literatureTriage.addTag',
      [paperAt(0).id, paperAt(1).id],
      undefined,
      'method',
    );
    await vscode.commands.executeCommand('literatureTriage.addTag', paperAt(1).id, undefined, 'Baseline');
    await vscode.commands.executeCommand('literatureTriage.groupBy', 'tag');
    const groups = roots();
    assert.deepEqual(groups.map(labelOf), ['Baseline', 'method', 'Untagged']);
    assert.deepEqual(
      groups.map((g) => item(g).description),
      ['1', '2', '50'],
    );
    const inMethod = rowsOf(groups[1]!);
    const inBaseline = rowsOf(groups[0]!);
    assert.equal(inBaseline[0]!.paper.id, paperAt(1).id);
    assert.ok(inMethod.some((r) => r.paper.id === paperAt(1).id));
    assert.notEqual(inBaseline[0]!.id, inMethod[1]!.id, 'two rows of one paper have different ids');
    const order = api.view.orderedIds();
    assert.equal(order.length, 52, 'a paper in two groups is once in the reading order');
    assert.deepEqual(order.slice(0, 2), [paperAt(1).id, paperAt(0).id]);
  });

  test('Filter Papers narrows the tree to the matches and says so; Clear Filter restores it', async () => {
    const query = 'speculative decoding';
    await vscode.commands.executeCommand('literatureTriage.filterPapers', query);
    assert.equal(api.view.provider.filter, query);
    const shown = roots().flatMap((g) => rowsOf(g).map((r) => r.paper));
    assert.equal(shown.length, 2, 'the two seed papers with both words');
    for (const paper of await api.context.library.fullPapers(shown.map((p) => p.id))) {
      const text = `${paper.title} ${paper.abstract}`.toLowerCase();
      assert.ok(text.includes('speculative') && text.includes('decod'), paper.title);
    }
    const expected = (await localIndex(api)).search(query, { requireAll: true });
    assert.deepEqual(new Set(shown.map((p) => p.id)), new Set(expected.map((h) => h.id)));
    for (const group of roots()) {
      assert.equal(item(group).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      assert.match(String(item(group).description), /^\d+ of \d+$/);
    }
    const titleRow = item(rowOf(shown[0]!.id));
    const label = titleRow.label as vscode.TreeItemLabel;
    assert.ok(label.highlights && label.highlights.length > 0, 'matches in the title are highlighted');
    assert.equal(api.view.treeView.description, `filter: “${query}”`);
    assert.equal(api.view.treeView.message, `${shown.length} of 52 papers match “${query}”.`);
    assert.deepEqual(
      api.view.orderedIds(),
      roots().flatMap((g) => rowsOf(g).map((r) => r.paper.id)),
    );

    await vscode.commands.executeCommand('literatureTriage.clearFilter');
    assert.equal(api.view.provider.filter, undefined);
    assert.equal(roots().flatMap((g) => rowsOf(g)).length, 52);
    assert.equal(api.view.treeView.message, undefined);
    assert.equal(api.view.treeView.description, 'by topic');
  });

  test('a filter with a typo falls back to fuzzy titles; one without matches empties the tree', async () => {
    await vscode.commands.executeCommand('literatureTriage.filterPapers', 'speculatve');
    const shown = roots().flatMap((g) => rowsOf(g).map((r) => r.paper.title));
    assert.ok(shown.length > 0, 'the typo still finds papers');
    assert.ok(
      shown.some((t) => /speculative/i.test(t)),
      shown.join(' | '),
    );

    await vscode.commands.executeCommand('literatureTriage.filterPapers', 'qqqzzzxxyy');
    assert.deepEqual(roots(), []);
    assert.deepEqual(api.view.orderedIds(), []);
    assert.equal(api.view.treeView.message, 'No papers match “qqqzzzxxyy”. Clear the filter to see all 52.');

    await vscode.commands.executeCommand('literatureTriage.filterPapers', '   ');
    assert.equal(api.view.provider.filter, undefined, 'a blank filter clears it');
  });

  test('hostile filter text never breaks the tree', async () => {
    // Each text, and how many seed papers the filter keeps: none but "title:", searched as the word "title".
    const hostile: [string, number][] = [
      ['<img src=x onerror=alert(1)>', 0],
      ['"><svg onload=alert(1)>', 0],
      ['javascript:alert(1)', 0],
      ['title:', 1],
      ['+-~^*:', 0],
      ['*', 0],
      ['\\', 0],
      ['"unbalanced', 0],
      ['$(zap) $(', 0],
      ['a'.repeat(5000), 0],
      ['\u0000\u202e\ud800', 0],
      ['(((', 0],
    ];
    for (const [text, kept] of hostile) {
      const what = JSON.stringify(text.slice(0, 20));
      await vscode.commands.executeCommand('literatureTriage.filterPapers', text);
      assert.equal(api.view.provider.filter, text, what);
      const rows = roots().flatMap((g) => rowsOf(g));
      for (const row of rows) item(row);
      assert.equal(rows.length, kept, what);
      assert.match(
        String(api.view.treeView.message),
        kept === 0
          ? /^No papers match “.*”\. Clear the filter to see all 52\.$/
          : /^1 of 52 papers match “title:”\.$/,
        what,
      );
      assert.ok(String(api.view.treeView.description).length < 60, 'a long query is shortened');
    }
  });

  test('orderedIds is the grouped order, flattened, collapsed topics included', () => {
    const expected = roots().flatMap((g) => rowsOf(g).map((r) => r.paper.id));
    assert.deepEqual(api.view.orderedIds(), expected);
    assert.equal(new Set(expected).size, 52);
  });

  test('reveal selects the paper’s row in the visible view', async () => {
    await vscode.commands.executeCommand('literatureTriage.papers.focus');
    await eventually(() => api.view.treeView.visible, 'the Papers view to be visible');
    const last = roots().at(-1)!;
    const paper = rowsOf(last).at(-1)!.paper;
    await api.view.reveal(paper.id);
    await eventually(() => api.view.selectedPapers().map((p) => p.id), 'the row to be selected', {
      until: (ids) => ids[0] === paper.id,
    });
    assert.deepEqual(
      api.view.selectedPapers().map((p) => p.id),
      [paper.id],
    );
    await api.view.reveal('no-such-paper');
  });

  test('reveal right after the tree was regrouped or a decision redrew a row still selects it', async () => {
    await vscode.commands.executeCommand('literatureTriage.papers.focus');
    await eventually(() => api.view.treeView.visible, 'the Papers view to be visible');
    const paper = paperAt(7);
    await vscode.commands.executeCommand('literatureTriage.groupBy', 'status');
    await vscode.commands.executeCommand('literatureTriage.include', paper.id);
    await api.view.reveal(paper.id);
    assert.deepEqual(
      api.view.selectedPapers().map((p) => p.id),
      [paper.id],
    );
    await vscode.commands.executeCommand('literatureTriage.groupBy', 'topic');
    await vscode.commands.executeCommand('literatureTriage.addTag', paperAt(8).id, undefined, 'method');
    await api.view.reveal(paperAt(8).id);
    assert.deepEqual(
      api.view.selectedPapers().map((p) => p.id),
      [paperAt(8).id],
    );
  });

  test('a burst of reveals ends with the last paper selected', async () => {
    await vscode.commands.executeCommand('literatureTriage.papers.focus');
    await eventually(() => api.view.treeView.visible, 'the Papers view to be visible');
    const ids = api.view.orderedIds().slice(10, 22);
    const done = ids.map((id) => api.view.reveal(id));
    await Promise.all(done);
    assert.deepEqual(
      api.view.selectedPapers().map((p) => p.id),
      [ids.at(-1)],
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(
      api.view.selectedPapers().map((p) => p.id),
      [ids.at(-1)],
      'no stale reveal plays back later',
    );
  });

  test('the status bar shows triaged / total and runs Next Untriaged', async () => {
    const progress = api.view.progressItem;
    assert.equal(progress.text, '$(checklist) 0 / 52');
    assert.equal(
      typeof progress.command === 'string' ? progress.command : progress.command?.command,
      'literatureTriage.nextUntriaged',
    );
    await vscode.commands.executeCommand('literatureTriage.include', [paperAt(0).id, paperAt(1).id]);
    await vscode.commands.executeCommand('literatureTriage.maybe', paperAt(2).id);
    await vscode.commands.executeCommand('literatureTriage.exclude', paperAt(3).id);
    assert.equal(progress.text, '$(checklist) 4 / 52');
    assert.equal(typeof progress.tooltip, 'string');
    assert.ok(
      String(progress.tooltip).includes('Included 2 · Maybe 1 · Excluded 1'),
      String(progress.tooltip),
    );
  });
});
