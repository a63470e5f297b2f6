import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import type { Reader } from '../../src/extension/reader/reader';
import type { PaperSummary } from '../../src/worker/protocol';
import type { HostMessage, PaperView } from '../../src/webview/protocol';
import { eventually } from '../harness/eventually';
import { activeApi, resetTriage } from './support';
import { stubs } from './windowStubs';
import { EXCLUDE_BUTTON, INCLUDE_BUTTON, isPaperItem } from '../../src/extension/search/searchItems';
import type { SearchSession } from '../../src/extension/search/searchSession';
import type { PapersNode } from '../../src/extension/tree';

const REASONS = ['Wrong population', 'Wrong outcome', 'Not a primary study'];
const CRITERIA = '## Inclusion\n- **Adults** with *type 2* diabetes\n\n## Exclusion\n1. Animal studies';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('literatureTriage');
}

async function set(key: string, value: unknown): Promise<void> {
  await config().update(key, value, vscode.ConfigurationTarget.Workspace);
}

suite('review exclusion reasons and criteria', () => {
  const window = stubs();
  let api: LiteratureTriageApi;
  let papers: readonly PaperSummary[];
  /** The quick picks the extension created while a test ran (the real ones, driven through the workbench). */
  let picks: vscode.QuickPick<vscode.QuickPickItem>[];
  /** The picks hidden or disposed since they were created. */
  const closed = new WeakSet<vscode.QuickPick<vscode.QuickPickItem>>();

  const triage = (paper: PaperSummary) => api.context.library.triage(paper);
  const reader = () => api.reader as unknown as Reader;

  suiteSetup(async () => {
    api = await activeApi();
    papers = api.context.library.papers;
    assert.ok(papers.length >= 5, 'the seed corpus is loaded');
  });

  setup(async () => {
    await set('exclusionReasons', REASONS);
    picks = [];
    const create = vscode.window.createQuickPick.bind(vscode.window);
    window.window('createQuickPick', () => {
      const pick = create();
      picks.push(pick);
      // The extension may dispose the pick instead of hiding it, and a disposed pick fires no onDidHide.
      const dispose = pick.dispose.bind(pick);
      pick.onDidHide(() => closed.add(pick));
      pick.dispose = () => (closed.add(pick), dispose());
      return pick;
    });
  });

  teardown(async () => {
    window.restore();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    for (const key of ['exclusionReasons', 'requireExclusionReason', 'criteria']) await set(key, undefined);
    await api.context.stage.set('titleAbstract');
    await resetTriage(api);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Opens the reader on `paper` with the focus in it, as a reviewer would before pressing a key. */
  async function readAt(paper: PaperSummary): Promise<void> {
    api.reader.show(paper);
    await eventually(
      () => api.reader.isActive && api.reader.shownPaperId === paper.id,
      'the reader to show it',
    );
  }

  /** The reason pick the command opened, once the workbench shows it. */
  async function openPick(): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
    const pick = await eventually(() => picks[picks.length - 1], 'the reason pick to open');
    await eventually(() => pick.items.length > 0, 'its rows');
    // The workbench draws the pick after show(), and a key sent before that does nothing: the active row it
    // reports back says it is drawn.
    await eventually(() => pick.activeItems.length > 0, 'the workbench to show its rows');
    return pick;
  }

  /** Enter in the pick: sent again until the pick closes (a key the workbench got too early is dropped). */
  async function accept(pick: vscode.QuickPick<vscode.QuickPickItem>): Promise<void> {
    await eventually(async () => {
      if (!closed.has(pick))
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return closed.has(pick);
    }, 'the pick to take Enter');
  }

  /** Escape in the pick, likewise. */
  async function close(pick: vscode.QuickPick<vscode.QuickPickItem>): Promise<void> {
    await eventually(async () => {
      if (!closed.has(pick)) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return closed.has(pick);
    }, 'the pick to take Escape');
  }

  test('keys 1–9 exclude the reader’s paper with that reason at the current stage and move on', async () => {
    const order = api.view.orderedIds();
    const paper = api.context.library.paper(order[0]!)!;
    await readAt(paper);
    // What the keybinding of `2` runs: the command with the reason's number as its only argument.
    await vscode.commands.executeCommand('literatureTriage.excludeWithReason', 2);
    assert.equal(triage(paper).status, 'exclude');
    assert.equal(triage(paper).reason, 'Wrong outcome');
    await eventually(() => api.reader.currentPaper?.id, 'the reader to move on', {
      until: (id) => id !== paper.id,
    });

    await api.context.stage.set('fullText');
    await vscode.commands.executeCommand('literatureTriage.include', paper.id);
    await vscode.commands.executeCommand('literatureTriage.excludeWithReason', paper.id, undefined, 3);
    assert.equal(triage(paper).fullText?.status, 'exclude');
    assert.equal(triage(paper).fullText?.reason, 'Not a primary study');
    assert.equal(triage(paper).reason, 'Wrong outcome', 'the title/abstract reason is untouched');
  });

  test('a key beyond the list decides nothing and says why, with a way to the setting', async () => {
    const paper = papers[1]!;
    window.window('showWarningMessage', async () => undefined);
    await vscode.commands.executeCommand('literatureTriage.excludeWithReason', paper.id, undefined, 4);
    assert.equal(triage(paper).status, 'untriaged');
    const warnings = window.calls.get('showWarningMessage') ?? [];
    assert.equal(warnings.length, 1);
    assert.match(String(warnings[0]![0]), /no exclusion reason 4: literatureTriage\.exclusionReasons has 3/);
    assert.ok(warnings[0]!.includes('Open Settings'), JSON.stringify(warnings[0]));
  });

  test('x offers the reasons in order with their keys; the one picked is recorded', async () => {
    const paper = papers[2]!;
    void vscode.commands.executeCommand('literatureTriage.excludeWithReason', paper.id);
    const pick = await openPick();
    assert.deepEqual(
      pick.items.map((i) => [i.label, i.description]),
      [
        ['Wrong population', 'key 1'],
        ['Wrong outcome', 'key 2'],
        ['Not a primary study', 'key 3'],
        ['Exclude without a reason', undefined],
      ],
    );
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await eventually(() => pick.activeItems[0]?.label, 'the second row to be active', {
      until: (label) => label === 'Wrong outcome',
    });
    await accept(pick);
    await eventually(() => triage(paper).reason, 'the decision', { until: (r) => r === 'Wrong outcome' });
    assert.equal(triage(paper).status, 'exclude');
  });

  test('a reason typed in the pick is recorded and added to the workspace’s list', async () => {
    const paper = papers[3]!;
    void vscode.commands.executeCommand('literatureTriage.excludeWithReason', paper.id);
    const pick = await openPick();
    pick.value = '  Wrong   comparator ';
    await eventually(() => pick.activeItems[0]?.label, 'the typed reason to be the active row', {
      until: (label) => label?.includes('Wrong comparator') === true,
    });
    await accept(pick);
    await eventually(() => triage(paper).reason, 'the decision', { until: (r) => r === 'Wrong comparator' });
    await eventually(() => config().inspect<string[]>('exclusionReasons')?.workspaceValue, 'the new reason', {
      until: (list) => list?.at(-1) === 'Wrong comparator',
    });
    assert.deepEqual(config().inspect<string[]>('exclusionReasons')?.workspaceValue, [
      ...REASONS,
      'Wrong comparator',
    ]);
  });

  test('Escape in the reason pick decides nothing and keeps the reader where it is', async () => {
    const paper = api.context.library.paper(api.view.orderedIds()[0]!)!;
    await readAt(paper);
    const done = vscode.commands.executeCommand('literatureTriage.excludeWithReason');
    await close(await openPick());
    await done;
    assert.equal(triage(paper).status, 'untriaged');
    assert.equal(api.reader.currentPaper?.id, paper.id);
  });

  test('without reasons and none required, x and Exclude exclude at once; with a reason argument it is recorded', async () => {
    await set('exclusionReasons', undefined);
    const [a, b] = [papers[0]!, papers[1]!];
    await vscode.commands.executeCommand('literatureTriage.excludeWithReason', a.id);
    assert.equal(triage(a).status, 'exclude');
    assert.equal(triage(a).reason, undefined);
    assert.equal(picks.length, 0, 'no pick was opened');
    await vscode.commands.executeCommand('literatureTriage.exclude', b.id, undefined, 'Duplicate report');
    assert.equal(triage(b).reason, 'Duplicate report');
    // Exclude without a reason keeps the one there; any other decision clears it.
    await vscode.commands.executeCommand('literatureTriage.exclude', b.id);
    assert.equal(triage(b).reason, 'Duplicate report');
    await vscode.commands.executeCommand('literatureTriage.maybe', b.id);
    assert.equal(triage(b).reason, undefined);
  });

  test('requireExclusionReason: Exclude asks at full text by default, never when "never", at both stages when "always"', async () => {
    const paper = papers[4]!;
    await vscode.commands.executeCommand('literatureTriage.include', paper.id);
    await api.context.stage.set('fullText');

    const asked = vscode.commands.executeCommand('literatureTriage.exclude', paper.id);
    const pick = await openPick();
    assert.ok(!pick.items.some((i) => i.label === 'Exclude without a reason'), 'a reason is required');
    await close(pick);
    await asked;
    assert.equal(triage(paper).fullText?.status ?? 'untriaged', 'untriaged', 'Escape decided nothing');

    await set('requireExclusionReason', 'never');
    await vscode.commands.executeCommand('literatureTriage.exclude', paper.id);
    assert.equal(triage(paper).fullText?.status, 'exclude');
    assert.equal(picks.length, 1, 'no second pick');

    await api.context.stage.set('titleAbstract');
    await set('requireExclusionReason', 'always');
    const always = vscode.commands.executeCommand('literatureTriage.exclude', paper.id);
    await accept(await openPick());
    await always;
    assert.equal(triage(paper).status, 'exclude');
    assert.equal(triage(paper).reason, 'Wrong population');
  });

  test('the reader shows the stage, the reason, a button per reason and the criteria; its buttons decide', async () => {
    await set('criteria', CRITERIA);
    const paper = api.context.library.paper(api.view.orderedIds()[0]!)!;
    const messages: HostMessage[] = [];
    const original = reader().panel.post.bind(reader().panel);
    reader().panel.post = (message) => (messages.push(message), original(message));
    const viewOf = (id: string): PaperView | undefined =>
      messages
        .filter((m) => m.type === 'showPaper' && m.paper.id === id)
        .map((m) => (m as { paper: PaperView }).paper)
        .pop();
    try {
      await readAt(paper);
      let view = await eventually(() => viewOf(paper.id), 'the paper', {
        until: (v) => v?.criteria === CRITERIA,
      });
      assert.equal(view!.stageLabel, 'Title/abstract');
      assert.deepEqual(view!.exclusionReasons, REASONS);
      assert.equal(view!.criteriaOpen, true);
      assert.equal(view!.reasonRequired, false);

      await reader().handle({ type: 'excludeWithReason', paperId: paper.id, reason: 3 });
      assert.equal(triage(paper).reason, 'Not a primary study');
      await eventually(() => api.reader.currentPaper?.id, 'the reader to move on', {
        until: (id) => id !== paper.id,
      });

      await reader().handle({ type: 'criteriaOpen', open: false });
      messages.length = 0;
      api.reader.show(paper);
      view = await eventually(() => viewOf(paper.id), 'the paper again', { until: (v) => v !== undefined });
      assert.equal(view!.criteriaOpen, false, 'the collapsed panel is remembered');
      assert.equal(view!.status, 'exclude');
      assert.equal(view!.reason, 'Not a primary study');

      await reader().handle({ type: 'criteriaOpen', open: true });
      messages.length = 0;
      await api.context.stage.set('fullText');
      view = await eventually(() => viewOf(paper.id), 'the full-text view', {
        until: (v) => v?.stageLabel === 'Full text',
      });
      assert.equal(view!.status, 'untriaged', 'the decision shown is the full-text one');
      assert.equal(view!.titleAbstractStatusLabel, 'Excluded');
      assert.equal(view!.reason, undefined);
      assert.equal(view!.reasonRequired, true);
      assert.equal(view!.criteriaOpen, true);

      // The Exclude button at full text asks for the reason (required there).
      const asked = reader().handle({ type: 'setStatus', paperId: paper.id, status: 'exclude' });
      await accept(await openPick());
      await asked;
      assert.equal(triage(paper).fullText?.status, 'exclude');
      assert.equal(triage(paper).fullText?.reason, 'Wrong population');
    } finally {
      reader().panel.post = original;
    }
  });

  test('the search palette decides at the current stage; an exclusion that needs a reason goes to the reason pick', async () => {
    await api.context.stage.set('fullText');
    const session = await vscode.commands.executeCommand<SearchSession>(
      'literatureTriage.searchPapers',
      'autoregressive',
    );
    await eventually(() => session.settled, 'the first results');
    const item = session.picker.items.filter(isPaperItem)[0]!;
    session.decide(item, INCLUDE_BUTTON);
    assert.equal(triage(item.paper).fullText?.status, 'include');
    assert.equal(triage(item.paper).status, 'untriaged', 'the title/abstract decision is untouched');
    await eventually(
      () => session.picker.items.filter(isPaperItem).find((i) => i.paper.id === item.paper.id)?.description,
      'the row to show the full-text decision',
      { until: (description) => description === 'Full text: Included' },
    );

    session.decide(item, EXCLUDE_BUTTON);
    const pick = await openPick();
    assert.ok(pick.items.some((i) => i.label === 'Wrong outcome'));
    await accept(pick);
    await eventually(() => triage(item.paper).fullText?.reason, 'the full-text exclusion', {
      until: (reason) => reason === 'Wrong population',
    });
  });

  test('bad reason settings are one clear warning each, shown once; the usable reasons still work', async () => {
    window.window('showWarningMessage', async () => undefined);
    await set('exclusionReasons', [42, 'Wrong population', 'wrong population']);
    await set('requireExclusionReason', 'sometimes');
    const paper = papers[0]!;
    await vscode.commands.executeCommand('literatureTriage.excludeWithReason', paper.id, undefined, 1);
    assert.equal(triage(paper).reason, 'Wrong population');
    await vscode.commands.executeCommand('literatureTriage.exclude', paper.id);
    assert.equal(picks.length, 0, 'the default (full text only) applies at title/abstract');
    const warnings = (window.calls.get('showWarningMessage') ?? []).map((w) => String(w[0]));
    assert.equal(warnings.length, 2, JSON.stringify(warnings));
    assert.match(
      warnings[0]!,
      /exclusionReasons item 1 is the number 42, not a reason; it is left out \(and 1 more/,
    );
    assert.match(
      warnings[1]!,
      /requireExclusionReason is "sometimes"; expected "never", "fullText" or "always"/,
    );
  });

  test('the tree tooltip names the exclusion reason, and the full-text decision with its reason', async () => {
    const paper = papers[0]!;
    /** The paper's row, wherever the grouping puts it. */
    const rowOf = (nodes: readonly PapersNode[]): PapersNode | undefined => {
      for (const node of nodes) {
        if ('paper' in node && node.paper?.id === paper.id) return node;
        const children = api.view.provider.getChildren(node) as PapersNode[] | undefined;
        const found = children?.length ? rowOf(children) : undefined;
        if (found) return found;
      }
      return undefined;
    };
    const tooltip = () => {
      const row = rowOf(api.view.provider.getChildren() as PapersNode[]);
      assert.ok(row, 'the paper is in the tree');
      return String(api.view.provider.getTreeItem(row).tooltip).split('\n').slice(1, 3);
    };
    await vscode.commands.executeCommand('literatureTriage.excludeWithReason', paper.id, undefined, 1);
    await eventually(tooltip, 'the reason in the tooltip', {
      until: (lines) => lines.join('|') === 'Excluded|Reason: Wrong population',
    });
    await vscode.commands.executeCommand('literatureTriage.include', paper.id);
    await api.context.stage.set('fullText');
    await vscode.commands.executeCommand('literatureTriage.excludeWithReason', paper.id, undefined, 2);
    await eventually(tooltip, 'the full-text decision in the tooltip', {
      until: (lines) => lines.join('|') === 'Included|Full text: Excluded · reason: Wrong outcome',
    });
  });
});
