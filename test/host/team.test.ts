import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseResolutionFile, parseReviewerFile, serializeReviewerFile } from '../../src/core/team';
import { decideMany, emptyState, type TriageState } from '../../src/core/triage';
import { COMMANDS } from '../../src/extension/commands';
import type { PaperSummary } from '../../src/worker/protocol';
import { eventually } from '../harness/eventually';
import { activeApi, resetTriage } from './support';
import { pickByLabel, stubs } from './windowStubs';
import {
  readWorkspaceFile,
  removeWorkspacePath,
  watcherReady,
  workspaceRoot,
  writeWorkspaceFile,
} from './workspaceFiles';

const FOLDER = 'literature-triage/reviewers';
const NOW = '2026-12-01T10:00:00.000Z';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('literatureTriage');
}

suite('team screening', () => {
  const window = stubs();

  teardown(async () => {
    window.restore();
    const api = await activeApi();
    await resetTriage(api);
    api.team.session.stop();
    await eventually(() => api.context.store.file.path, 'the store back on the state file', {
      until: (path) => path.endsWith('/literature-triage.json'),
    });
    removeWorkspacePath('literature-triage');
    await resetTriage(api);
    await config().update('reviewer', undefined, vscode.ConfigurationTarget.Global);
    await config().update('blind', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('Start Team Screening moves my decisions into my reviewer file; later ones go there, not to the state file', async () => {
    const api = await activeApi();
    await resetTriage(api);
    await config().update('reviewer', 'Alice@Example.org', vscode.ConfigurationTarget.Global);
    const [first, second] = api.context.library.papers as PaperSummary[];
    await vscode.commands.executeCommand(COMMANDS.include, first);
    await api.context.store.flush();
    const before = readWorkspaceFile('literature-triage.json');
    window.window('showInformationMessage', async () => undefined);

    assert.equal(await vscode.commands.executeCommand(COMMANDS.startTeamScreening), 'started');
    assert.equal(api.team.session.reviewer, 'alice@example.org');
    const mine = `${FOLDER}/alice@example.org.json`;
    await eventually(() => readWorkspaceFile(mine), 'my reviewer file', { until: (t) => t !== undefined });
    await vscode.commands.executeCommand(COMMANDS.exclude, second);
    await api.context.store.flush();
    const file = parseReviewerFile(readWorkspaceFile(mine)!);
    assert.equal(file.reviewer, 'alice@example.org');
    assert.equal(file.state.papers.get(first!.id)?.status, 'include');
    assert.equal(file.state.papers.get(second!.id)?.status, 'exclude');
    assert.equal(readWorkspaceFile('literature-triage.json'), before, 'the state file is left as it was');
    assert.match(readWorkspaceFile(`${FOLDER}/.gitignore`) ?? '', /\.\*\.journal/);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.startTeamScreening), 'already');
  });

  test("another reviewer's file is read; blind mode hides the agreement until Reveal Decisions", async () => {
    const api = await activeApi();
    await resetTriage(api);
    await config().update('reviewer', 'alice', vscode.ConfigurationTarget.Global);
    window.window('showInformationMessage', async () => undefined);
    await vscode.commands.executeCommand(COMMANDS.startTeamScreening);
    const papers = (api.context.library.papers as PaperSummary[]).slice(0, 6);
    // Alice: i i i e e e; Bob: i i e e e i → table [[2, 1], [1, 2]], pₒ 4/6, pₑ 1/2, κ 1/3.
    const alice = ['include', 'include', 'include', 'exclude', 'exclude', 'exclude'] as const;
    const bob = ['include', 'include', 'exclude', 'exclude', 'exclude', 'include'] as const;
    papers.forEach((p, i) =>
      api.context.store.apply((s) => decideMany(s, [p], 'titleAbstract', alice[i]!, NOW)),
    );
    let bobState: TriageState = emptyState();
    papers.forEach((p, i) => (bobState = decideMany(bobState, [p], 'titleAbstract', bob[i]!, NOW)));
    writeWorkspaceFile(`${FOLDER}/bob.json`, serializeReviewerFile({ reviewer: 'bob', state: bobState }));
    await eventually(() => api.team.session.others().map((r) => r.reviewer), "bob's file", {
      until: (ids) => ids.join() === 'bob',
    });

    await vscode.commands.executeCommand(COMMANDS.showAgreement);
    assert.equal(api.team.blind.on, true);
    assert.equal(api.team.agreement.shown, undefined, 'nothing of the others is shown while blind');
    await vscode.commands.executeCommand(COMMANDS.revealDecisions);
    const shown = await eventually(() => api.team.agreement.shown, 'the agreement', { until: (s) => !!s });
    const [stage] = shown!;
    assert.deepEqual(stage!.reviewers, ['alice', 'bob']);
    assert.equal(stage!.papersCompared, 6);
    assert.deepEqual(stage!.table!.counts, [
      [2, 1],
      [1, 2],
    ]);
    assert.ok(Math.abs(stage!.cohenKappa! - 1 / 3) < 1e-12);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a corrupt reviewer file is named once in a warning, left as it is, and the others still load', async () => {
    const api = await activeApi();
    await resetTriage(api);
    await config().update('reviewer', 'alice', vscode.ConfigurationTarget.Global);
    window.window('showInformationMessage', async () => undefined);
    window.window('showWarningMessage', async () => undefined);
    await vscode.commands.executeCommand(COMMANDS.startTeamScreening);
    const corrupt = '{ "format": "literature-triage", "papers": {,\n';
    writeWorkspaceFile(`${FOLDER}/carol.json`, corrupt);
    writeWorkspaceFile(
      `${FOLDER}/dave.json`,
      serializeReviewerFile({ reviewer: 'dave', state: emptyState() }),
    );
    writeWorkspaceFile(
      `${FOLDER}/eve.json`,
      serializeReviewerFile({ reviewer: '../x', state: emptyState() }),
    );
    await eventually(() => api.team.session.others().map((r) => r.reviewer), "dave's file", {
      until: (ids) => ids.join() === 'dave',
    });
    await eventually(() => api.team.session.problems.map((p) => p.name), 'the problems', {
      until: (names) => names.join() === 'carol.json,eve.json',
    });
    const warnings = () =>
      (window.calls.get('showWarningMessage') ?? [])
        .map((args) => String(args[0]))
        .filter((m) => /reviewer file/.test(m));
    await eventually(warnings, 'the warnings', { until: (w) => w.length === 2 });
    assert.match(warnings()[0]!, /carol\.json.*line 1, column \d+/);
    assert.match(warnings()[1]!, /eve\.json.*contains a path/);
    await api.team.session.reload();
    assert.equal(warnings().length, 2, 'each problem is reported once');
    assert.equal(readWorkspaceFile(`${FOLDER}/carol.json`), corrupt);
  });

  test('the reviewer id is asked once when neither the setting nor git gives one; a path is refused', async () => {
    const api = await activeApi();
    await resetTriage(api);
    let validation: unknown;
    window.window('showInputBox', async (options: vscode.InputBoxOptions) => {
      validation = await options.validateInput?.('../x');
      return 'Reviewer.Two';
    });
    window.window('showInformationMessage', async () => undefined);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.startTeamScreening), 'started');
    assert.match(String(validation), /contains a path/);
    assert.equal(api.team.session.reviewer, 'reviewer.two');
    assert.equal(
      vscode.workspace.getConfiguration('literatureTriage').inspect('reviewer')?.globalValue,
      'reviewer.two',
    );
  });

  test('a reviewer file that arrives later (a pull) turns team mode on; Next Conflict walks the conflicts, Resolve records who and when; the ranker learns the final decisions once revealed', async () => {
    const api = await activeApi();
    await resetTriage(api);
    await config().update('reviewer', 'alice', vscode.ConfigurationTarget.Global);
    window.window('showInformationMessage', async () => undefined);
    const papers = (api.context.library.papers as PaperSummary[]).slice(0, 4);
    await api.team.session.open();
    assert.equal(api.team.session.active, false, 'no reviewer files yet');
    // The reviewers folder does not exist yet: the pull creates it with the file in it.
    await watcherReady(workspaceRoot());
    // Bob's file arrives: include, exclude, include on the first three, and a fourth only he decided.
    let bob: TriageState = emptyState();
    const bobs = ['include', 'exclude', 'include', 'include'] as const;
    papers.forEach((p, i) => (bob = decideMany(bob, [p], 'titleAbstract', bobs[i]!, NOW)));
    writeWorkspaceFile(`${FOLDER}/bob.json`, serializeReviewerFile({ reviewer: 'bob', state: bob }));
    await eventually(() => api.team.session.reviewer, 'team mode on', { until: (r) => r === 'alice' });
    await eventually(() => api.context.store.file.path, 'my reviewer file', {
      until: (path) => path.endsWith(`${FOLDER}/alice.json`),
    });
    // Alice: exclude, exclude, maybe → conflicts on the 1st (exclude/include) and 3rd (maybe/include).
    const alices = ['exclude', 'exclude', 'maybe'] as const;
    papers
      .slice(0, 3)
      .forEach((p, i) =>
        api.context.store.apply((s) => decideMany(s, [p], 'titleAbstract', alices[i]!, NOW)),
      );
    assert.deepEqual(api.context.team.openConflicts('titleAbstract'), [], 'blind: no conflicts shown');
    assert.equal(api.context.team.trainingState().papers.get(papers[3]!.id), undefined, 'blind: mine only');

    await vscode.commands.executeCommand(COMMANDS.revealDecisions);
    const expected = [papers[0]!.id, papers[2]!.id].sort();
    assert.deepEqual(
      api.context.team.openConflicts('titleAbstract').map((c) => c.id),
      expected,
    );
    const opened = await vscode.commands.executeCommand<string>(COMMANDS.nextConflict);
    assert.equal(opened, expected[0]);
    await eventually(() => api.reader.currentPaper?.id, 'the conflict in the reader', {
      until: (id) => id === expected[0],
    });
    assert.equal(await vscode.commands.executeCommand<string>(COMMANDS.nextConflict), expected[1]);
    await eventually(() => api.reader.currentPaper?.id, 'the next conflict in the reader', {
      until: (id) => id === expected[1],
    });

    // Resolve one through the pick: each decision says who chose it.
    window.window('showQuickPick', pickByLabel('Included'));
    assert.equal(await vscode.commands.executeCommand(COMMANDS.resolveConflict, expected[1]), 'include');
    const items = window.calls.get('showQuickPick')![0]![0] as vscode.QuickPickItem[];
    const byLabel = Object.fromEntries(items.map((item) => [item.label, item.description ?? '']));
    const chooser =
      expected[1] === papers[2]!.id
        ? { Included: 'bob', Maybe: 'alice' }
        : { Included: 'bob', Excluded: 'alice' };
    for (const [label, who] of Object.entries(chooser)) assert.equal(byLabel[label], who);
    // And the other with an argument: exclude, with a reason.
    const other = expected[0]!;
    assert.equal(
      await vscode.commands.executeCommand(COMMANDS.resolveConflict, other, 'exclude', 'Wrong population'),
      'exclude',
    );
    const final = parseResolutionFile(readWorkspaceFile('literature-triage/final/alice.json')!);
    assert.equal(final.resolver, 'alice');
    assert.equal(final.resolutions.get(expected[1]!)?.titleAbstract?.decision, 'include');
    assert.deepEqual(final.resolutions.get(other)?.titleAbstract, {
      decision: 'exclude',
      reason: 'Wrong population',
      resolved: final.resolutions.get(other)!.titleAbstract!.resolved,
    });
    assert.ok(!Number.isNaN(Date.parse(final.resolutions.get(other)!.titleAbstract!.resolved)));
    assert.deepEqual(api.context.team.openConflicts('titleAbstract'), []);
    const decisions = api.context.team.decisions();
    assert.equal(decisions.papers.get(expected[1]!)?.status, 'include');
    assert.equal(decisions.papers.get(other)?.reason, 'Wrong population');
    assert.equal(
      decisions.papers.get(papers[3]!.id)?.status ?? 'untriaged',
      'untriaged',
      'one reviewer of two',
    );
    // The ranker learns the final decisions where there are any (the resolved maybe is an include).
    const training = api.context.team.trainingState();
    assert.equal(training.papers.get(expected[1]!)?.status, 'include');
    assert.equal(training.papers.get(papers[1]!.id)?.status, 'exclude');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a corrupt final-decisions file is named once and never written over: resolving into it is refused', async () => {
    const api = await activeApi();
    await resetTriage(api);
    await config().update('reviewer', 'alice', vscode.ConfigurationTarget.Global);
    window.window('showInformationMessage', async () => undefined);
    window.window('showWarningMessage', async () => undefined);
    window.window('showErrorMessage', async () => undefined);
    await vscode.commands.executeCommand(COMMANDS.startTeamScreening);
    const [paper] = api.context.library.papers as PaperSummary[];
    api.context.store.apply((s) => decideMany(s, [paper!], 'titleAbstract', 'include', NOW));
    const bob = decideMany(emptyState(), [paper!], 'titleAbstract', 'exclude', NOW);
    writeWorkspaceFile(`${FOLDER}/bob.json`, serializeReviewerFile({ reviewer: 'bob', state: bob }));
    const corrupt = '{\n  "format": "literature-triage-final",\n  "resolutions": [],\n';
    writeWorkspaceFile('literature-triage/final/alice.json', corrupt);
    await vscode.commands.executeCommand(COMMANDS.revealDecisions);
    await eventually(() => api.context.team.openConflicts('titleAbstract').length, 'the conflict', {
      until: (n) => n === 1,
    });
    const warnings = () =>
      (window.calls.get('showWarningMessage') ?? [])
        .map((a) => String(a[0]))
        .filter((m) => /final-decisions/.test(m));
    await eventually(warnings, 'the warning', { until: (w) => w.length === 1 });
    assert.match(warnings()[0]!, /literature-triage\/final\/alice\.json.*not valid JSON/);

    assert.equal(
      await vscode.commands.executeCommand(COMMANDS.resolveConflict, paper!.id, 'include'),
      undefined,
    );
    const errors = (window.calls.get('showErrorMessage') ?? []).map((a) => String(a[0]));
    assert.match(
      errors.at(-1) ?? '',
      /not recorded: literature-triage\/final\/alice\.json: line \d+, column \d+/,
    );
    assert.equal(readWorkspaceFile('literature-triage/final/alice.json'), corrupt, 'left as it was');
    assert.equal(api.context.team.openConflicts('titleAbstract').length, 1);
    await api.context.team.reload();
    assert.equal(warnings().length, 1, 'named once');
  });
});
