import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import type { PrismaRender } from '../../src/extension/review';
import { decideAt } from '../../src/extension/shared/triageEdits';
import { eventually } from '../harness/eventually';
import { activeApi, resetTriage } from './support';

let api: LiteratureTriageApi;

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('literatureTriage');
}

/** The numbers of the written SVG's boxes, by box: `<g data-box="…">` … `n = 3` / `n = ?`. */
function boxCounts(svg: string): Record<string, string[]> {
  const boxes: Record<string, string[]> = {};
  for (const m of svg.matchAll(/<g data-box="([a-z_]+)"[^>]*>([\s\S]*?)<\/g>/g))
    boxes[m[1]!] = [...m[2]!.matchAll(/<tspan class="count">n = ([0-9?]+)<\/tspan>/g)].map((c) => c[1]!);
  return boxes;
}

suite('PRISMA flow diagram', () => {
  suiteSetup(async () => {
    api = await activeApi();
    await resetTriage(api);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('exclusionReasons', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('prismaFile', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('prismaSources', undefined, vscode.ConfigurationTarget.Workspace);
    await resetTriage(api);
  });

  test('the command writes the SVG from the loaded corpora and the decisions, shows it, and follows decisions while open', async () => {
    const { library } = api.context;
    const papers = library.papers;
    const files = api.context.corpus.lastLoad!.files;
    const records = files.reduce((n, f) => n + f.records, 0);
    await config().update(
      'exclusionReasons',
      ['Wrong population', 'Wrong outcome'],
      vscode.ConfigurationTarget.Workspace,
    );
    await vscode.commands.executeCommand('literatureTriage.include', papers[0]!.id);
    await vscode.commands.executeCommand('literatureTriage.include', papers[1]!.id);
    await vscode.commands.executeCommand('literatureTriage.exclude', papers[2]!.id);

    const render = (await vscode.commands.executeCommand('literatureTriage.showPrismaFlow')) as PrismaRender;
    const c = render.flow.counts;
    assert.equal(
      Object.values(c.identified).reduce((a, b) => a + b, 0),
      records,
    );
    assert.equal(c.duplicates_removed, records - papers.length);
    assert.equal(c.screened, 3);
    assert.equal(c.excluded_screening, 1);
    assert.equal(c.sought, 2);
    assert.equal(c.assessed, null, 'no full-text decision yet: unknown, not zero');
    assert.ok(render.flow.unknown.some((u) => u.field === 'assessed'));
    assert.ok(api.prisma.isOpen);
    await eventually(
      () => vscode.window.tabGroups.activeTabGroup.activeTab?.label,
      'the panel as active tab',
      {
        until: (label) => label === 'PRISMA Flow Diagram',
      },
    );
    assert.deepEqual(render.written, { file: 'prisma-flow.svg' });
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const onDisk = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'prisma-flow.svg')),
    );
    assert.equal(onDisk, render.svg);
    assert.deepEqual(boxCounts(onDisk).screened, ['3']);
    assert.deepEqual(boxCounts(onDisk).assessed, ['?']);

    // A full-text exclusion with a reason while the panel is open: drawn and written again.
    await vscode.commands.executeCommand('literatureTriage.switchStage', 'fullText');
    try {
      decideAt(api.context, [papers[0]!], 'fullText', 'exclude', 'Wrong outcome');
      decideAt(api.context, [papers[1]!], 'fullText', 'include');
      const next = await eventually(() => api.prisma.current, 'the diagram after the full-text decisions', {
        until: (r) => r?.flow.counts.assessed === 2,
      });
      assert.deepEqual(next!.flow.counts.excluded_reports, { 'Wrong outcome': 1 });
      assert.equal(next!.flow.counts.included, 1);
      const rewritten = new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'prisma-flow.svg')),
      );
      assert.deepEqual(boxCounts(rewritten).assessed, ['2']);
      assert.deepEqual(boxCounts(rewritten).included, ['1']);
    } finally {
      await vscode.commands.executeCommand('literatureTriage.switchStage', 'titleAbstract');
    }
  });

  test('literatureTriage.prismaFile names where the diagram goes', async () => {
    await config().update('prismaFile', 'review/flow.svg', vscode.ConfigurationTarget.Workspace);
    const render = (await vscode.commands.executeCommand('literatureTriage.showPrismaFlow')) as PrismaRender;
    assert.deepEqual(render.written, { file: 'review/flow.svg' });
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const file = vscode.Uri.joinPath(folder, 'review', 'flow.svg');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), render.svg);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'review'), { recursive: true });
  });

  test('sources are named by literatureTriage.prismaSources; reasons follow exclusionReasons, also when it changes while open', async () => {
    const papers = api.context.library.papers;
    await config().update(
      'prismaSources',
      { 'hf-daily-papers-seed.txt': 'Hugging Face Daily Papers' },
      vscode.ConfigurationTarget.Workspace,
    );
    await config().update(
      'exclusionReasons',
      ['Wrong outcome', 'Wrong population'],
      vscode.ConfigurationTarget.Workspace,
    );
    await vscode.commands.executeCommand(
      'literatureTriage.include',
      papers.slice(0, 3).map((p) => p.id),
    );
    decideAt(api.context, papers.slice(0, 2), 'fullText', 'exclude', 'Wrong population');
    decideAt(api.context, [papers[2]!], 'fullText', 'exclude', 'Wrong outcome');
    const render = (await vscode.commands.executeCommand('literatureTriage.showPrismaFlow')) as PrismaRender;
    assert.deepEqual(Object.keys(render.flow.counts.identified), ['Hugging Face Daily Papers']);
    assert.deepEqual(render.flow.counts.excluded_reports, { 'Wrong outcome': 1, 'Wrong population': 2 });
    assert.deepEqual(Object.keys(render.flow.counts.excluded_reports!), [
      'Wrong outcome',
      'Wrong population',
    ]);
    await config().update(
      'exclusionReasons',
      ['Wrong population', 'Wrong outcome'],
      vscode.ConfigurationTarget.Workspace,
    );
    await eventually(
      () => Object.keys(api.prisma.current?.flow.counts.excluded_reports ?? {}),
      'the reasons in the new order',
      { until: (keys) => keys[0] === 'Wrong population' },
    );
  });
});
