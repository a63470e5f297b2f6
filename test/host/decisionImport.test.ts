import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { readCorpus } from '../../src/core/readers';
import { setStatus, triageOf } from '../../src/core/triage';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import { eventually } from '../harness/eventually';
import { activeApi, resetTriage } from './support';
import { pickByLabel, stubs, type Stubs } from './windowStubs';
import { workspacePath, writeWorkspaceFile } from './workspaceFiles';

const SEED_PAPERS = 52;
const FILE = 'corpora/labelled.csv';
const CSV =
  'record_id,title,abstract,authors,year,doi,label_included,exclusion_reason\n' +
  '1,Included in the file,An abstract about inclusion.,Doe J,2021,10.1000/one,1,\n' +
  '2,Decided here already,An abstract decided before.,Roe A,2020,,0,wrong design\n' +
  '3,Excluded with a reason,An abstract about exclusion.,Poe B,2019,,0,wrong population\n' +
  '4,A maybe in the file,An abstract left open.,,2018,,maybe,\n' +
  '5,No label in the file,An abstract without a decision.,,2017,,,\n';

let api: LiteratureTriageApi;
let stub: Stubs;
/** The messages shown, and which button each answer picks (undefined: dismissed). */
let shown: string[];

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('literatureTriage');
}

function statusOf(title: string): string {
  const paper = api.context.library.papers.find((p) => p.title === title);
  assert.ok(paper, `no paper titled ${title}`);
  return triageOf(api.context.store.state, paper).status;
}

suite('importing decisions from corpus files', () => {
  suiteSetup(async () => {
    api = await activeApi();
  });

  setup(async () => {
    await resetTriage(api);
    await api.context.extension.workspaceState.update('decisionImport.answered', undefined);
    shown = [];
    stub = stubs();
    stub.window('showInformationMessage', async (message: string, ...buttons: unknown[]) => {
      shown.push(message);
      // The offer is answered with its first button: Import.
      const first = buttons.find((b) => typeof b === 'string');
      return /screening decisions? not made here/.test(message) ? first : undefined;
    });
  });

  teardown(async () => {
    stub.restore();
    await config().update('corpora', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(workspacePath('corpora'), { recursive: true, force: true });
    await api.context.corpus.load();
    await eventually(() => api.context.library.papers.length, 'the seed alone again', {
      until: (n) => n === SEED_PAPERS,
    });
    await resetTriage(api);
  });

  test('adding a labelled CSV offers its decisions, imports them in one undoable step, never overwrites one made here, and says what it did', async () => {
    // A decision made here before the file arrives, for one of its papers.
    const decidedHere = readCorpus(new TextEncoder().encode(CSV), FILE).papers.find(
      (p) => p.title === 'Decided here already',
    )!;
    api.context.store.apply((state) => setStatus(state, decidedHere, 'include', api.context.now()));

    writeWorkspaceFile(FILE, CSV);
    await config().update('corpora', [FILE], vscode.ConfigurationTarget.Workspace);
    await eventually(() => [...shown], 'the import report', {
      until: (messages) => messages.some((m) => /imported \d+ decisions/.test(m)),
    });
    assert.deepEqual(shown, [
      'Literature Triage: “corpora/labelled.csv” holds 3 screening decisions not made here (1 include, 1 maybe, 1 exclude).',
      'Literature Triage: imported 3 decisions from “corpora/labelled.csv”, skipped 1 already decided here (and 1 paper without a decision).',
    ]);
    assert.equal(statusOf('Included in the file'), 'include');
    assert.equal(statusOf('Decided here already'), 'include', 'the decision made here is kept');
    assert.equal(statusOf('Excluded with a reason'), 'exclude');
    assert.equal(statusOf('A maybe in the file'), 'maybe');
    assert.equal(statusOf('No label in the file'), 'untriaged');
    const excluded = api.context.library.papers.find((p) => p.title === 'Excluded with a reason')!;
    assert.equal(api.context.library.triage(excluded).reason, 'wrong population');
    assert.equal(api.context.library.triage(excluded).note, '', 'the reason has its own field');

    await api.context.store.flush();
    const saved = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(api.context.store.file)),
    ) as { papers: Record<string, { status: string; reason?: string }>; version: number };
    assert.equal(saved.papers[excluded.id]?.reason, 'wrong population');
    assert.equal(saved.version, 2, 'a reason needs version 2 of the state file');

    // One undo takes the whole import back, and nothing else.
    await vscode.commands.executeCommand('literatureTriage.undo');
    assert.equal(statusOf('Included in the file'), 'untriaged');
    assert.equal(statusOf('Excluded with a reason'), 'untriaged');
    assert.equal(statusOf('Decided here already'), 'include');

    // Answered once: a reload does not offer the same decisions again.
    const before = shown.length;
    await api.context.corpus.load();
    await api.context.store.flush();
    assert.equal(shown.length, before, shown.slice(before).join('\n'));

    // The command offers them again.
    stub.window('showQuickPick', pickByLabel(FILE));
    const result = await vscode.commands.executeCommand('literatureTriage.importDecisions');
    assert.deepEqual(result, { imported: 3, skipped: 1, withoutDecision: 1 });
    assert.equal(statusOf('Included in the file'), 'include');
    assert.equal(statusOf('Decided here already'), 'include');
    assert.match(shown.at(-1)!, /imported 3 decisions .* skipped 1 already decided here/);

    // Nothing left to import.
    await vscode.commands.executeCommand('literatureTriage.importDecisions');
    assert.match(shown.at(-1)!, /every decision in the corpus files is already made here/);
  });
});
