import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseResolutionFile, serializeReviewerFile } from '../../src/core/team';
import { decideMany, emptyState, type TriageState, type TriageStatus } from '../../src/core/triage';
import { scanBib } from '../../src/core/bibtex';
import { COMMANDS } from '../../src/extension/commands';
import type { PrismaRender } from '../../src/extension/review';
import type { PaperSummary } from '../../src/worker/protocol';
import { eventually } from '../harness/eventually';
import { activeApi } from './support';
import { answer, pickByLabel, stubs } from './windowStubs';
import {
  readWorkspaceFile,
  removeWorkspacePath,
  resetTriage,
  watcherReady,
  workspacePath,
  workspaceRoot,
} from './workspaceFiles';

type Decided = Exclude<TriageStatus, 'untriaged'>;
const NOW = '2026-12-07T10:00:00.000Z';
const A = 'a@example.org';
const B = 'b@example.org';
// Ten seed papers. They disagree on the 3rd, 7th, 9th and 10th (include/exclude, exclude/include,
// maybe/include, include/maybe). Table (rows A, columns B; include, maybe, exclude):
//   [[3, 1, 1], [1, 0, 0], [1, 0, 3]]  →  pₒ = 6/10, pₑ = (5·5 + 1·1 + 4·4)/100 = 0.42, κ = 0.18/0.58 = 9/29.
const DECISIONS_A: Decided[] = [
  'include',
  'include',
  'include',
  'include',
  'exclude',
  'exclude',
  'exclude',
  'exclude',
  'maybe',
  'include',
];
const DECISIONS_B: Decided[] = [
  'include',
  'include',
  'exclude',
  'include',
  'exclude',
  'exclude',
  'include',
  'exclude',
  'include',
  'maybe',
];
const DISAGREE = [2, 6, 8, 9];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Reviewer', '-c', `user.email=${A}`, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('literatureTriage');
}

suite('team screening through git', () => {
  const window = stubs();
  let tmp: string;

  suiteSetup(() => {
    tmp = mkdtempSync(join(tmpdir(), 'litriage-team-'));
  });

  teardown(async () => {
    window.restore();
    const api = await activeApi();
    api.team.session.stop();
    await eventually(() => api.context.store.file.path, 'the store back on the state file', {
      until: (path) => path.endsWith('/literature-triage.json'),
    });
    removeWorkspacePath('literature-triage');
    removeWorkspacePath('.git');
    removeWorkspacePath('references.bib');
    await resetTriage(api);
    await config().update('reviewer', undefined, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(() => rmSync(tmp, { recursive: true, force: true }));

  test('two clones screen apart, push and pull without a conflict; the Conflicts group, κ and a resolution that export and PRISMA follow', async function () {
    this.timeout(120_000);
    const api = await activeApi();
    await resetTriage(api);
    window.window('showInformationMessage', answer(undefined));
    const remote = join(tmp, 'remote.git');
    const cloneB = join(tmp, 'b');
    git(tmp, 'init', '--quiet', '--bare', '--initial-branch=main', remote);

    // Clone A is this window's workspace; only the team folder is tracked.
    const ws = workspaceRoot();
    git(ws, 'init', '--quiet', '--initial-branch=main');
    writeFileSync(join(ws, '.git', 'info', 'exclude'), '/*\n!/literature-triage/\n');
    git(ws, 'remote', 'add', 'origin', remote);
    await config().update('reviewer', A, vscode.ConfigurationTarget.Global);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.startTeamScreening), 'started');
    // The team's repository starts with the folder Start Team Screening set up; then B clones it.
    git(ws, 'add', 'literature-triage');
    git(ws, 'commit', '--quiet', '-m', 'Start team screening');
    git(ws, 'push', '--quiet', 'origin', 'main');
    git(tmp, 'clone', '--quiet', remote, cloneB);
    const papers = (api.context.library.papers as PaperSummary[]).slice(0, 10);
    assert.equal(papers.length, 10);

    // Reviewer A screens in the editor.
    const command = { include: COMMANDS.include, maybe: COMMANDS.maybe, exclude: COMMANDS.exclude };
    for (const [i, paper] of papers.entries())
      await vscode.commands.executeCommand(command[DECISIONS_A[i]!], paper);
    await api.context.store.flush();
    git(ws, 'add', 'literature-triage');
    git(ws, 'commit', '--quiet', '-m', 'A screened');

    // Reviewer B screens in their own clone at the same time (the same file format a window of B's writes).
    let bState: TriageState = emptyState();
    papers.forEach((p, i) => (bState = decideMany(bState, [p], 'titleAbstract', DECISIONS_B[i]!, NOW)));
    mkdirSync(join(cloneB, 'literature-triage', 'reviewers'), { recursive: true });
    writeFileSync(
      join(cloneB, 'literature-triage', 'reviewers', `${B}.json`),
      serializeReviewerFile({ reviewer: B, state: bState }),
    );
    git(cloneB, 'add', 'literature-triage');
    git(cloneB, 'commit', '--quiet', '-m', 'B screened');
    git(cloneB, 'push', '--quiet', 'origin', 'main');

    // A pulls B's work (a merge of two commits that touch different files) and pushes; B pulls A's.
    await watcherReady(ws);
    const pulled = git(ws, 'pull', '--no-rebase', '--no-edit', 'origin', 'main');
    assert.doesNotMatch(pulled, /CONFLICT/);
    git(ws, 'push', '--quiet', 'origin', 'main');
    git(cloneB, 'pull', '--quiet', '--no-rebase', 'origin', 'main');
    assert.ok(existsSync(join(cloneB, 'literature-triage', 'reviewers', `${A}.json`)));
    assert.equal(git(ws, 'status', '--porcelain'), '', 'nothing left to commit or merge');

    await eventually(() => api.team.session.others().map((r) => r.reviewer), "B's file in A's window", {
      until: (ids) => ids.join() === B,
    });
    const provider = api.view.provider;
    const groups = () => provider.getChildren();
    assert.ok(
      !groups().some((g) => g.kind === 'group' && g.group.kind === 'conflicts'),
      'blind: no conflicts',
    );
    const anyRow = provider.getChildren(groups()[0])[0]!;
    assert.doesNotMatch(String(provider.getTreeItem(anyRow).description ?? ''), /b@example\.org/);

    await vscode.commands.executeCommand(COMMANDS.revealDecisions);
    const conflictIds = () => {
      const first = groups()[0];
      return first?.kind === 'group' && first.group.kind === 'conflicts' ? [...first.paperIds] : [];
    };
    const expected = DISAGREE.map((i) => papers[i]!.id).sort();
    await eventually(conflictIds, 'the Conflicts group', { until: (ids) => ids.length > 0 });
    assert.deepEqual(conflictIds(), expected, 'exactly the disagreements');
    const conflictRow = provider
      .getChildren(groups()[0])
      .find((n) => n.kind === 'paper' && n.paper.id === papers[2]!.id)!;
    const reviewerRows = provider.getChildren(conflictRow).map((n) => provider.getTreeItem(n));
    assert.deepEqual(
      reviewerRows.map((r) => [String(r.label), String(r.description)]),
      [
        [`${A} (you)`, 'Included'],
        [B, 'Excluded'],
      ],
    );

    await vscode.commands.executeCommand(COMMANDS.showAgreement);
    const shown = await eventually(() => api.team.agreement.shown, 'the agreement', { until: (s) => !!s });
    assert.equal(shown![0]!.papersCompared, 10);
    assert.deepEqual(shown![0]!.table!.counts, [
      [3, 1, 1],
      [1, 0, 0],
      [1, 0, 3],
    ]);
    assert.ok(Math.abs(shown![0]!.cohenKappa! - 9 / 29) < 1e-12, `κ ${shown![0]!.cohenKappa}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // Before resolving: export and PRISMA count the 3 papers both included.
    const prisma = async () =>
      ((await vscode.commands.executeCommand(COMMANDS.showPrismaFlow)) as PrismaRender).flow.counts;
    const exportIncluded = async () => {
      window.window('showQuickPick', pickByLabel('Included papers'));
      await vscode.commands.executeCommand(COMMANDS.exportBibtex);
      return scanBib(readWorkspaceFile('references.bib') ?? '').entries.length;
    };
    assert.equal((await prisma()).sought, 3);
    assert.equal((await prisma()).screened, 6);
    assert.equal(await exportIncluded(), 3);

    // Resolve the include/exclude conflict as include: its final decision, who and when, in A's final file.
    assert.equal(
      await vscode.commands.executeCommand(COMMANDS.resolveConflict, papers[2]!.id, 'include'),
      'include',
    );
    const finalFile = parseResolutionFile(
      readFileSync(workspacePath(`literature-triage/final/${A}.json`), 'utf8'),
    );
    assert.equal(finalFile.resolver, A);
    assert.equal(finalFile.resolutions.get(papers[2]!.id)?.titleAbstract?.decision, 'include');
    await eventually(conflictIds, 'the Conflicts group after resolving', {
      until: (ids) => ids.length === 3,
    });
    assert.deepEqual(
      conflictIds(),
      expected.filter((id) => id !== papers[2]!.id),
    );
    assert.equal((await prisma()).sought, 4);
    assert.equal((await prisma()).screened, 7);
    assert.equal(await exportIncluded(), 4);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // The final decision travels through git like the reviewer files.
    git(ws, 'add', 'literature-triage');
    git(ws, 'commit', '--quiet', '-m', 'A resolved a conflict');
    git(ws, 'push', '--quiet', 'origin', 'main');
    git(cloneB, 'pull', '--quiet', '--no-rebase', 'origin', 'main');
    assert.ok(existsSync(join(cloneB, 'literature-triage', 'final', `${A}.json`)));
  });
});
