import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

import type { LiteratureTriageApi } from '../../src/extension/extension';
import type { GroupNode, PaperNode } from '../../src/extension/tree';
import { eventually } from '../harness/eventually';
import { activeApi, resetTriage } from './support';

let api: LiteratureTriageApi;

function status(id: string): string {
  return api.context.library.triage(api.context.library.paper(id)!).status;
}

function tags(id: string): readonly string[] {
  return api.context.library.triage(api.context.library.paper(id)!).tags;
}

function note(id: string): string {
  return api.context.library.triage(api.context.library.paper(id)!).note;
}

/** The tree's rows, in order. */
function rows(): PaperNode[] {
  const groups = api.view.provider.getChildren() as GroupNode[];
  return groups.flatMap((g) => api.view.provider.getChildren(g) as PaperNode[]);
}

function iconId(row: PaperNode): string {
  return (api.view.provider.getTreeItem(row).iconPath as vscode.ThemeIcon).id;
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await eventually(() => api.reader.isActive, 'the reader to close', { until: (active) => !active });
}

/** Waits until the reader shows the paper `id`. */
async function readerShows(id: string | undefined, what: string): Promise<void> {
  await eventually(() => api.reader.currentPaper?.id, what, { until: (shown) => shown === id });
}

/** Shows the paper in the reader, focused, and waits until the reader is the active editor. */
async function openInReader(id: string): Promise<void> {
  api.reader.show(api.context.library.paper(id)!);
  await eventually(
    () => ({ active: api.reader.isActive, paper: api.reader.currentPaper?.id }),
    `the reader to show ${id}`,
    { until: ({ active, paper }) => active && paper === id },
  );
}

suite('triage commands', () => {
  suiteSetup(async () => {
    api = await activeApi();
  });

  setup(async () => {
    await resetTriage(api);
  });

  suiteTeardown(async () => {
    await closeEditors();
    await resetTriage(api);
  });

  test('Include, Maybe, Exclude and Clear Decision on a tree row change its icon', async () => {
    const row = rows()[4]!;
    assert.equal(iconId(row), 'circle-large-outline');
    for (const [command, expected, icon] of [
      ['include', 'include', 'pass'],
      ['maybe', 'maybe', 'question'],
      ['exclude', 'exclude', 'circle-slash'],
      ['clearDecision', 'untriaged', 'circle-large-outline'],
    ] as const) {
      await vscode.commands.executeCommand(`literatureTriage.${command}`, row);
      assert.equal(status(row.paper.id), expected, command);
      const now = rows().find((r) => r.paper.id === row.paper.id)!;
      assert.equal(iconId(now), icon, command);
    }
  });

  test('a row with the rows selected with it acts on all of them; a row outside the selection on itself', async () => {
    const [a, b, c, d] = rows();
    await vscode.commands.executeCommand('literatureTriage.exclude', b, [a, b, c]);
    assert.deepEqual(
      [a, b, c, d].map((r) => status(r!.paper.id)),
      ['exclude', 'exclude', 'exclude', 'untriaged'],
    );
    await vscode.commands.executeCommand('literatureTriage.include', d, [a, b]);
    assert.deepEqual(
      [a, b, c, d].map((r) => status(r!.paper.id)),
      ['exclude', 'exclude', 'exclude', 'include'],
    );
    await vscode.commands.executeCommand('literatureTriage.addTag', a, [a, c, d], 'needs full text');
    assert.deepEqual(tags(a!.paper.id), ['needs full text']);
    assert.deepEqual(tags(b!.paper.id), []);
    assert.deepEqual(tags(d!.paper.id), ['needs full text']);
    await vscode.commands.executeCommand('literatureTriage.removeTag', c, [a, c], 'needs full text');
    assert.deepEqual(tags(a!.paper.id), []);
    assert.deepEqual(tags(d!.paper.id), ['needs full text']);

    // One bulk edit is one undo step.
    await vscode.commands.executeCommand('literatureTriage.undo');
    assert.deepEqual(tags(a!.paper.id), ['needs full text']);
  });

  test('a decision is saved to literature-triage.json in the workspace folder', async () => {
    const paper = rows()[0]!.paper;
    await vscode.commands.executeCommand('literatureTriage.include', paper.id);
    await vscode.commands.executeCommand('literatureTriage.addTag', paper.id, undefined, 'method');
    await vscode.commands.executeCommand(
      'literatureTriage.editNote',
      paper.id,
      undefined,
      'Strong baseline; check Table 2.',
    );
    await api.context.store.flush();
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'literature-triage.json');
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as {
      format: string;
      version: number;
      papers: Record<string, { status: string; tags?: string[]; note?: string; title: string }>;
    };
    assert.equal(saved.format, 'literature-triage');
    assert.deepEqual(Object.keys(saved.papers), [paper.id]);
    const entry = saved.papers[paper.id]!;
    assert.equal(entry.status, 'include');
    assert.deepEqual(entry.tags, ['method']);
    assert.equal(entry.note, 'Strong baseline; check Table 2.');
    assert.equal(entry.title, paper.title);
  });

  test('Add Tag offers the tags in use, most used first', async () => {
    const [a, b, c] = rows().map((r) => r.paper.id);
    await vscode.commands.executeCommand('literatureTriage.addTag', [a, b], undefined, 'method');
    await vscode.commands.executeCommand('literatureTriage.addTag', a, undefined, 'dataset');
    // Run the command as a user would (no tag given) and accept the picker's first row.
    void vscode.commands.executeCommand('literatureTriage.addTag', c);
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await eventually(() => tags(c!), 'the tag to be added', { until: (added) => added.length > 0 });
    assert.deepEqual(tags(c!), ['method']);
  });

  test('Add Tag normalises the tag; an empty tag adds nothing', async () => {
    const id = rows()[1]!.paper.id;
    await vscode.commands.executeCommand(
      'literatureTriage.addTag',
      id,
      undefined,
      '  deep   learning, survey ',
    );
    assert.deepEqual(tags(id), ['deep learning survey']);
    await vscode.commands.executeCommand('literatureTriage.addTag', id, undefined, ' ; ');
    assert.deepEqual(tags(id), ['deep learning survey']);
  });

  test('Edit Note sets, replaces and deletes a note; a note of several lines opens the reader', async () => {
    const id = rows()[2]!.paper.id;
    await vscode.commands.executeCommand('literatureTriage.editNote', id, undefined, 'first');
    assert.equal(note(id), 'first');
    await vscode.commands.executeCommand('literatureTriage.editNote', id, undefined, '');
    assert.equal(note(id), '');
    await vscode.commands.executeCommand('literatureTriage.editNote', id, undefined, 'line one\nline two');
    await vscode.commands.executeCommand('literatureTriage.editNote', id);
    await readerShows(id, 'the reader to show the paper');
    assert.equal(note(id), 'line one\nline two');
    await closeEditors();
  });

  test('before the first inclusion the ranking learns nothing and the reader gives no reason', async () => {
    const { library, screening } = api.context;
    const because = async (id: string) => (await library.detail(id, undefined))!.suggestedBecause;
    const lantern = library.papers.find((p) => p.title.includes('LANTERN'))!;
    const speculative = library.papers.find((p) => p.title.includes('Continuous Speculative Decoding'))!;
    await screening.ready();
    assert.deepEqual(await because(lantern.id), []);
    assert.equal(screening.modelBuilt, false, 'nothing to learn from');
    await vscode.commands.executeCommand('literatureTriage.exclude', lantern.id);
    await screening.ready();
    assert.equal(screening.modelBuilt, false, 'exclusions alone teach nothing');
    await vscode.commands.executeCommand('literatureTriage.include', speculative.id);
    await vscode.commands.executeCommand('literatureTriage.clearDecision', lantern.id);
    await screening.ready();
    assert.equal(screening.modelBuilt, true);
    assert.ok((await because(lantern.id)).length > 0, 'similar to the included paper: it says why');
  });

  test('Next Untriaged follows the screening ranking, which a decision updates, and says why', async () => {
    const { library, screening } = api.context;
    const byTitle = (part: string) => library.papers.find((p) => p.title.includes(part))!;
    const speculative = byTitle('Continuous Speculative Decoding');
    const lantern = byTitle('LANTERN');
    const timeSeries = byTitle('iTransformer');

    const because = async (id: string) => (await library.detail(id, undefined))!.suggestedBecause;
    // Nothing decided yet: the topic order, and no explanation to give.
    const topicOrder = library.topics().flatMap((t) => t.paperIds);
    await screening.ready();
    assert.deepEqual(screening.rankedUntriaged(), topicOrder);
    assert.deepEqual(await because(lantern.id), []);

    await vscode.commands.executeCommand('literatureTriage.include', speculative.id);
    await vscode.commands.executeCommand('literatureTriage.exclude', timeSeries.id);
    await screening.ready();
    const ranked = screening.rankedUntriaged();
    assert.notDeepEqual(
      ranked,
      topicOrder.filter((id) => id !== speculative.id && id !== timeSeries.id),
    );
    assert.ok(ranked.indexOf(lantern.id) < 3, `LANTERN ranked ${ranked.indexOf(lantern.id)}`);
    assert.ok(
      ranked.indexOf(lantern.id) < ranked.indexOf(byTitle('Koopman').id),
      'a speculative-decoding paper comes before a time-series one',
    );

    await closeEditors();
    const next = await vscode.commands.executeCommand<{ id: string }>('literatureTriage.nextUntriaged');
    assert.equal(next?.id, ranked[0]);
    await readerShows(ranked[0], 'the reader to show the top-ranked paper');

    // "Suggested because": real terms of the paper.
    const detail = (await library.detail(ranked[0]!, undefined))!;
    const reasons = detail.suggestedBecause;
    assert.ok(reasons.length > 0);
    const text = `${detail.paper.title} ${detail.paper.abstract}`.toLowerCase();
    for (const term of reasons) assert.ok(text.includes(term.toLowerCase()), `"${term}" is not in the paper`);

    // In screening mode a decision moves on to the best paper of the updated ranking.
    await eventually(() => api.reader.isActive, 'the reader to be active');
    await vscode.commands.executeCommand('literatureTriage.exclude');
    assert.equal(status(detail.paper.id), 'exclude');
    await screening.ready();
    const after = screening.rankedUntriaged()[0];
    await readerShows(after, 'the reader to follow the ranking');
    await closeEditors();
  });

  test('the tree sorts each topic by predicted relevance, and follows new decisions', async () => {
    const { library } = api.context;
    const byTitle = (part: string) => library.papers.find((p) => p.title.includes(part))!;
    const lantern = byTitle('LANTERN');
    const groupOf = (id: string) =>
      (api.view.provider.getChildren() as GroupNode[]).find((g) =>
        (api.view.provider.getChildren(g) as PaperNode[]).some((row) => row.paper.id === id),
      )!;
    const idsIn = (group: GroupNode) =>
      (api.view.provider.getChildren(group) as PaperNode[]).map((row) => row.paper.id);
    try {
      await vscode.commands.executeCommand('literatureTriage.sortByRelevance');
      await vscode.commands.executeCommand('literatureTriage.include', byTitle('Continuous Speculative').id);
      await vscode.commands.executeCommand('literatureTriage.exclude', byTitle('iTransformer').id);
      // The ranking comes from the worker; the tree redraws when it arrives.
      const ids = await eventually(
        () => idsIn(groupOf(lantern.id)),
        'the closest paper to the inclusion to lead its topic',
        { until: (rows) => rows[0] === lantern.id },
      );
      const ranked = api.context.screening.rankedUntriaged();
      const untriaged = ids.filter((id) => status(id) === 'untriaged');
      assert.deepEqual(
        untriaged,
        [...untriaged].sort((a, b) => ranked.indexOf(a) - ranked.indexOf(b)),
      );

      await vscode.commands.executeCommand('literatureTriage.exclude', lantern.id);
      assert.notEqual(idsIn(groupOf(lantern.id))[0], lantern.id, 'a decided paper leaves the top');
    } finally {
      await vscode.commands.executeCommand('literatureTriage.sortByCorpusOrder');
    }
  });

  test('Next Untriaged says so when every paper is triaged', async () => {
    await vscode.commands.executeCommand('literatureTriage.exclude', api.view.orderedIds());
    const next = await vscode.commands.executeCommand('literatureTriage.nextUntriaged');
    assert.equal(next, undefined);
  });

  test('a decision made in the reader moves it to the next paper in tree order; Undo brings it back', async () => {
    const order = api.view.orderedIds();
    await openInReader(order[0]!);
    await vscode.commands.executeCommand('literatureTriage.include');
    assert.equal(status(order[0]!), 'include');
    await readerShows(order[1], 'the reader to move on');
    await vscode.commands.executeCommand('literatureTriage.exclude');
    assert.equal(status(order[1]!), 'exclude');
    await readerShows(order[2], 'the reader to move on again');

    await vscode.commands.executeCommand('literatureTriage.undo');
    assert.equal(status(order[1]!), 'untriaged');
    assert.equal(status(order[0]!), 'include');
    await readerShows(order[1], 'the reader to go back to the undone paper');

    // Clear Decision does not move on.
    await vscode.commands.executeCommand('literatureTriage.clearDecision');
    assert.equal(api.reader.currentPaper?.id, order[1]);
    await closeEditors();
  });

  test('grouped by status, the reader still moves to the paper that followed in the tree', async () => {
    await vscode.commands.executeCommand('literatureTriage.groupBy', 'status');
    try {
      const order = api.view.orderedIds();
      await openInReader(order[0]!);
      await vscode.commands.executeCommand('literatureTriage.maybe');
      await readerShows(order[1], 'the reader to move on');
      assert.equal(api.view.orderedIds().at(-1), order[0], 'the decided paper moved to the Maybe group');
    } finally {
      await vscode.commands.executeCommand('literatureTriage.groupBy', 'topic');
      await closeEditors();
    }
  });

  test('without the reader, commands act on the tree selection', async () => {
    await closeEditors();
    await vscode.commands.executeCommand('literatureTriage.papers.focus');
    await eventually(() => api.view.treeView.visible, 'the Papers view');
    const id = api.view.orderedIds()[6]!;
    await api.view.reveal(id);
    await eventually(() => api.view.selectedPapers().map((p) => p.id), 'the row to be selected', {
      until: (ids) => ids[0] === id,
    });
    await vscode.commands.executeCommand('literatureTriage.maybe');
    assert.equal(status(id), 'maybe');
  });

  test('Undo with nothing to undo changes nothing', async () => {
    while (api.context.store.canUndo) api.context.store.undo();
    const before = api.context.store.state;
    await vscode.commands.executeCommand('literatureTriage.undo');
    assert.equal(api.context.store.state, before);
  });
  test('at the full-text stage the decision commands decide the full text; the title/abstract one stays', async () => {
    const paper = api.context.library.papers[0]!;
    try {
      await vscode.commands.executeCommand('literatureTriage.include', paper.id);
      assert.equal(
        await vscode.commands.executeCommand('literatureTriage.switchStage', 'fullText'),
        'fullText',
      );
      assert.equal(api.context.stage.current, 'fullText');
      // A full-text exclusion needs a reason by default (requireExclusionReason: fullText): given here.
      await vscode.commands.executeCommand('literatureTriage.exclude', paper.id, undefined, 'Wrong outcome');
      let triage = api.context.library.triage(paper);
      assert.equal(triage.status, 'include', 'the title/abstract decision is kept');
      assert.equal(triage.fullText?.status, 'exclude');
      assert.equal(triage.fullText?.reason, 'Wrong outcome');
      await vscode.commands.executeCommand('literatureTriage.undo');
      triage = api.context.library.triage(paper);
      assert.equal(triage.fullText, undefined, 'one undo takes the full-text decision back');
      assert.equal(triage.status, 'include');
    } finally {
      await vscode.commands.executeCommand('literatureTriage.switchStage', 'titleAbstract');
    }
    assert.equal(api.context.stage.current, 'titleAbstract');
  });
});
