import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import type { GroupNode, PaperNode, PapersNode } from '../../src/extension/tree';
import { eventually } from '../harness/eventually';
import { activeApi, resetTriage } from './support';
import { workspacePath, writeWorkspaceFile } from './workspaceFiles';

const SEED_PAPERS = 52;
const FILE = 'corpora/leaving.bib';
const KEPT_TITLE = 'A paper whose corpus file goes away';

let api: LiteratureTriageApi;

const bib = (title: string) =>
  `@article{leaving,\n  author = {Doe, Ann},\n  title = {${title}},\n  year = {2021}\n}\n`;

function roots(): GroupNode[] {
  return api.view.provider.getChildren() as GroupNode[];
}

function labelOf(node: PapersNode): string {
  const label = api.view.provider.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

function missingGroup(): GroupNode | undefined {
  return roots().find((g) => g.group.kind === 'missing');
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('literatureTriage');
}

suite('Missing from corpora', () => {
  suiteSetup(async () => {
    api = await activeApi();
  });

  teardown(async () => {
    await config().update('corpora', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(workspacePath('corpora'), { recursive: true, force: true });
    await api.context.corpus.load();
    await eventually(() => api.context.library.papers.length, 'the seed alone again', {
      until: (n) => n === SEED_PAPERS,
    });
    await vscode.commands.executeCommand('literatureTriage.groupBy', 'topic');
    await resetTriage(api);
  });

  test('a decided paper whose file goes away is listed with its decision, kept in the state file, and comes back', async () => {
    writeWorkspaceFile(FILE, bib(KEPT_TITLE));
    await config().update('corpora', [FILE], vscode.ConfigurationTarget.Workspace);
    const paper = await eventually(
      () => api.context.library.papers.find((p) => p.title === KEPT_TITLE),
      'the paper to load',
    );
    await vscode.commands.executeCommand('literatureTriage.include', paper.id);
    await vscode.commands.executeCommand('literatureTriage.exclude', api.context.library.papers[0]!.id);
    assert.equal(missingGroup(), undefined, 'nothing is missing while every file is there');

    rmSync(workspacePath(FILE));
    const group = await eventually(missingGroup, 'the Missing from corpora group');
    assert.equal(labelOf(group), 'Missing from corpora');
    assert.equal(roots().at(-1), group, 'it comes after the topics');
    const rows = api.view.provider.getChildren(group) as PaperNode[];
    assert.deepEqual(
      rows.map((r) => r.paper.id),
      [paper.id],
      'only the paper no corpus holds; the seed paper decided too is in its topic',
    );
    const row = api.view.provider.getTreeItem(rows[0]!);
    assert.equal(labelOf(rows[0]!), KEPT_TITLE, 'the title the state file kept');
    assert.equal((row.iconPath as vscode.ThemeIcon).id, 'pass', 'its decision (include) shows');
    assert.equal(row.command, undefined, 'there is nothing to open');
    assert.equal(row.contextValue, 'missingPaper', 'no paper command is offered on it');
    assert.ok(!api.view.orderedIds().includes(paper.id), 'j/k never walk onto it');

    // Its decision is still in the state file, and in every grouping.
    await api.context.store.flush();
    const saved = JSON.parse(readFileSync(api.context.store.file.fsPath, 'utf8')) as {
      papers: Record<string, { status: string }>;
    };
    assert.equal(saved.papers[paper.id]?.status, 'include');
    await vscode.commands.executeCommand('literatureTriage.groupBy', 'status');
    assert.ok(missingGroup(), 'grouped by status too');

    // The file comes back: the paper is in its place again with its decision.
    writeWorkspaceFile(FILE, bib(KEPT_TITLE));
    await eventually(missingGroup, 'the group to go', { until: (g) => g === undefined });
    const back = api.context.library.papers.find((p) => p.title === KEPT_TITLE);
    assert.equal(back?.id, paper.id);
    assert.equal(api.context.library.triage(back).status, 'include');
  });

  test('a decision pulled into the state file for a paper no corpus has shows there at once', async () => {
    const { store } = api.context;
    await store.flush();
    const id = 'p_0000000000zzzz';
    writeFileJson(store.file.fsPath, {
      format: 'literature-triage',
      papers: {
        [id]: { status: 'exclude', title: 'Decided in another clone', updated: '2026-01-01T00:00:00Z' },
      },
      version: 1,
    });
    await store.reloadFromDisk();
    const group = await eventually(missingGroup, 'the Missing from corpora group');
    const rows = api.view.provider.getChildren(group) as PaperNode[];
    assert.deepEqual(
      rows.map((r) => [r.paper.id, labelOf(r)]),
      [[id, 'Decided in another clone']],
    );
  });
});

function writeFileJson(path: string, value: unknown): void {
  writeWorkspaceFile(vscode.workspace.asRelativePath(path), `${JSON.stringify(value, null, 2)}\n`);
}
