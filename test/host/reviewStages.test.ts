import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import type { GroupNode } from '../../src/extension/tree';
import { decideAt, setRetrievedOf } from '../../src/extension/shared/triageEdits';
import { eventually } from '../harness/eventually';
import { activeApi, resetTriage } from './support';
import { stubs } from './windowStubs';

let api: LiteratureTriageApi;

function commandOf(item: { command?: string | vscode.Command }): string | undefined {
  return typeof item.command === 'string' ? item.command : item.command?.command;
}

suite('review stages', () => {
  const window = stubs();

  suiteSetup(async () => {
    api = await activeApi();
  });

  setup(async () => {
    await resetTriage(api);
    await api.context.stage.set('titleAbstract');
  });

  teardown(async () => {
    window.restore();
    await api.context.stage.set('titleAbstract');
    await vscode.commands.executeCommand('literatureTriage.groupBy', 'topic');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetTriage(api);
  });

  test('Group By Review Stage puts each paper in one place of its stage, and follows decisions', async () => {
    const papers = api.context.library.papers;
    await vscode.commands.executeCommand('literatureTriage.include', [
      papers[0]!.id,
      papers[1]!.id,
      papers[2]!.id,
    ]);
    await vscode.commands.executeCommand('literatureTriage.exclude', papers[3]!.id);
    decideAt(api.context, [papers[1]!], 'fullText', 'exclude', 'Wrong outcome');
    setRetrievedOf(api.context, [papers[2]!], false);
    await vscode.commands.executeCommand('literatureTriage.groupBy', 'stage');
    assert.equal(api.view.provider.groupBy, 'stage');
    const groups = () =>
      new Map((api.view.provider.getChildren() as GroupNode[]).map((g) => [g.group.label, g.group.paperIds]));
    let g = groups();
    assert.deepEqual(g.get('Full text: to assess'), [papers[0]!.id]);
    assert.deepEqual(g.get('Full text: excluded'), [papers[1]!.id]);
    assert.deepEqual(g.get('Full text: not retrieved'), [papers[2]!.id]);
    assert.deepEqual(g.get('Title/abstract: excluded'), [papers[3]!.id]);
    assert.equal(g.get('Title/abstract: to screen')!.length, papers.length - 4);
    decideAt(api.context, [papers[0]!], 'fullText', 'include');
    g = await eventually(groups, 'the tree after a full-text inclusion', {
      until: (m) => m.get('Full text: included')?.[0] === papers[0]!.id,
    });
    assert.deepEqual(g.get('Full text: to assess') ?? [], []);
  });

  test("the status bar shows the current stage's progress and the stage, whose item switches it", async () => {
    const papers = api.context.library.papers;
    const { progressItem, stageItem } = api.view;
    assert.equal(stageItem.text, '$(layers) Title/abstract');
    assert.equal(commandOf(stageItem), 'literatureTriage.switchStage');
    await vscode.commands.executeCommand('literatureTriage.include', [
      papers[0]!.id,
      papers[1]!.id,
      papers[2]!.id,
    ]);
    assert.equal(progressItem.text, `$(checklist) 3 / ${papers.length}`);

    // The stage item's command with no argument asks which stage.
    window.window('showQuickPick', async (items: readonly { stage?: string }[]) =>
      items.find((i) => i.stage === 'fullText'),
    );
    const item = stageItem.command as vscode.Command | string;
    await vscode.commands.executeCommand(typeof item === 'string' ? item : item.command);
    assert.equal(api.context.stage.current, 'fullText');
    await eventually(() => stageItem.text, 'the stage item at full text', {
      until: (t) => t === '$(layers) Full text',
    });
    assert.equal(progressItem.text, '$(checklist) 0 / 3');
    decideAt(api.context, [papers[0]!], 'fullText', 'include');
    setRetrievedOf(api.context, [papers[1]!], false);
    await eventually(() => progressItem.text, 'the full-text progress', {
      until: (t) => t === '$(checklist) 2 / 3',
    });
    assert.match(
      String(progressItem.tooltip),
      /To assess 1 · Included 1 · Maybe 0 · Excluded 0 · Not retrieved 1/,
    );
  });

  test('at full text Next Untriaged opens the papers to assess, and a decision in the queue moves to the next', async () => {
    const papers = api.context.library.papers;
    // Included at title/abstract: papers 5 and 9 (9 is then marked not retrieved), paper 7 excluded there.
    await vscode.commands.executeCommand('literatureTriage.include', [
      papers[5]!.id,
      papers[8]!.id,
      papers[9]!.id,
    ]);
    await vscode.commands.executeCommand('literatureTriage.exclude', papers[7]!.id);
    setRetrievedOf(api.context, [papers[9]!], false);
    await vscode.commands.executeCommand('literatureTriage.switchStage', 'fullText');
    window.window('showInformationMessage', async () => undefined);
    const order = api.view.orderedIds();
    const expected = [papers[5]!.id, papers[8]!.id].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const first = (await vscode.commands.executeCommand('literatureTriage.nextUntriaged')) as { id: string };
    assert.equal(first.id, expected[0]);
    await eventually(() => api.reader.currentPaper?.id, 'the reader on the first report', {
      until: (id) => id === expected[0],
    });
    await vscode.commands.executeCommand('literatureTriage.include');
    await eventually(() => api.reader.currentPaper?.id, 'the reader on the second report', {
      until: (id) => id === expected[1],
    });
    const triage = api.context.library.triage(api.context.library.paper(expected[0]!)!);
    assert.equal(triage.fullText?.status, 'include');
    assert.equal(triage.status, 'include');
    // Maybe at full text leaves the queue too (an exclusion may ask for a reason).
    await vscode.commands.executeCommand('literatureTriage.maybe');
    const done = await vscode.commands.executeCommand('literatureTriage.nextUntriaged');
    assert.equal(done, undefined, 'nothing is left to assess');
    const said = (window.calls.get('showInformationMessage') ?? []).map((c) => String(c[0]));
    assert.ok(said.includes('No paper is left to assess in full text.'), JSON.stringify(said));
  });

  test('at full text the rows of included papers show the full-text decision; back at title/abstract, the title/abstract one', async () => {
    const papers = api.context.library.papers;
    const [kept, assessed] = [papers[0]!, papers[1]!];
    await vscode.commands.executeCommand('literatureTriage.include', [kept.id, assessed.id]);
    decideAt(api.context, [assessed], 'fullText', 'exclude', 'Wrong outcome');
    const icon = (id: string) => {
      const node = api.view.provider.snapshot().nodeOf(id)!;
      return (api.view.provider.getTreeItem(node).iconPath as vscode.ThemeIcon).id;
    };
    assert.deepEqual([icon(kept.id), icon(assessed.id)], ['pass', 'pass']);
    await vscode.commands.executeCommand('literatureTriage.switchStage', 'fullText');
    assert.deepEqual([icon(kept.id), icon(assessed.id)], ['circle-large-outline', 'circle-slash']);
    await vscode.commands.executeCommand('literatureTriage.switchStage', 'titleAbstract');
    assert.deepEqual([icon(kept.id), icon(assessed.id)], ['pass', 'pass']);
  });
});
