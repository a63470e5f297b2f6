import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { existingKeys } from '../../src/core/bibtex';
import { ASREVIEW_COLUMNS } from '../../src/core/export';
import { formatReferences } from '../../src/core/export/formattedCitation';
import { readCorpus } from '../../src/core/readers';
import { parseCsv } from '../../src/core/readers/csv/parseCsv';
import { addTag, setStatus, setStatusMany } from '../../src/core/triage';
import type { CopiedCitation } from '../../src/extension/export/copyCitation';
import type { FileExportResult } from '../../src/extension/export/fileExport';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import type { PaperSummary } from '../../src/worker/protocol';
import { activeApi } from './support';
import { answer, pickByLabel, stubs, type Stubs } from './windowStubs';
import { readWorkspaceFile, repoRoot, resetTriage, workspacePath } from './workspaceFiles';

const NOW = '2026-02-01T10:00:00.000Z';

let api: LiteratureTriageApi;
let papers: readonly PaperSummary[];
let stub: Stubs;

function infoMessages(): string[] {
  return (stub.calls.get('showInformationMessage') ?? []).map((args) => String(args[0]));
}

function keyOf(paper: PaperSummary): string | undefined {
  return api.context.store.state.papers.get(paper.id)?.key;
}

/** Runs an export command, picking the scope `labels` and saving to `relative` in the workspace. */
async function runExport(command: string, relative: string, ...labels: string[]) {
  const target = vscode.Uri.file(workspacePath(relative));
  stub.window('showQuickPick', pickByLabel(...labels));
  stub.window('showSaveDialog', async () => target);
  return vscode.commands.executeCommand<FileExportResult | undefined>(`literatureTriage.${command}`);
}

function saveDialogOptions(call = 0): vscode.SaveDialogOptions {
  return stub.calls.get('showSaveDialog')![call]![0] as vscode.SaveDialogOptions;
}

function bundledCsl(file: string): string {
  return readFileSync(`${repoRoot}/media/csl/${file}`, 'utf8');
}

suite('exports for other tools (RIS, CSV, CSL-JSON) and formatted citations', () => {
  suiteSetup(async () => {
    api = await activeApi();
    papers = api.context.library.papers;
    assert.ok(papers.length >= 8);
  });

  setup(() => {
    stub = stubs();
    stub.window('showInformationMessage', answer(undefined));
    stub.window('showErrorMessage', answer(undefined));
  });

  teardown(async () => {
    stub.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(workspacePath('exports'), { recursive: true, force: true });
    rmSync(workspacePath('references.bib'), { force: true });
    await api.context.extension.workspaceState.update('literatureTriage.lastExport.ris', undefined);
    await api.context.extension.globalState.update('literatureTriage.lastCitationStyle', undefined);
    await resetTriage(api);
  });

  test('Export RIS… "included" asks for the file (literature-triage.ris by default) and writes those papers', async () => {
    api.context.store.apply((s) => setStatusMany(s, [papers[0]!, papers[1]!], 'include', NOW));
    api.context.store.apply((s) => setStatus(s, papers[2]!, 'exclude', NOW));
    const result = await runExport('exportRis', 'exports/out.ris', 'Included papers');
    assert.deepEqual(result?.ids, [papers[0]!.id, papers[1]!.id]);

    const options = saveDialogOptions();
    assert.equal(options.defaultUri?.fsPath, workspacePath('literature-triage.ris'));
    assert.deepEqual(options.filters, { RIS: ['ris'] });
    const text = readWorkspaceFile('exports/out.ris')!;
    assert.match(text, /^TY {2}- GEN\r\n/);
    assert.equal((text.match(/KW {2}- literature-triage:include\r\n/g) ?? []).length, 2);
    const back = readCorpus(new TextEncoder().encode(text), 'out.ris').papers;
    assert.deepEqual(
      back.map((p) => p.id),
      [papers[0]!.id, papers[1]!.id],
    );
    assert.equal(infoMessages()[0], 'Exported 2 papers to “exports/out.ris”.');
    assert.deepEqual(stub.calls.get('showInformationMessage')![0]!.slice(1), ['Open File']);

    // The next export opens the dialog on the file chosen this time.
    await runExport('exportRis', 'exports/out.ris', 'Included papers');
    assert.equal(saveDialogOptions().defaultUri?.fsPath, workspacePath('exports/out.ris'));
  });

  test('Export CSV (ASReview)… "all" writes every paper with its label; a tag scope only the tagged', async () => {
    api.context.store.apply((s) => setStatus(s, papers[3]!, 'include', NOW));
    api.context.store.apply((s) => setStatus(s, papers[4]!, 'exclude', NOW));
    api.context.store.apply((s) => addTag(s, papers[5]!, 'survey', NOW));
    await runExport('exportCsv', 'exports/all.csv', 'All papers');
    const [header, ...rows] = parseCsv(readWorkspaceFile('exports/all.csv')!, 'all.csv');
    assert.deepEqual(header!.fields, [...ASREVIEW_COLUMNS]);
    assert.equal(rows.length, papers.length);
    const labels = rows.map((r) => r.fields[6]);
    assert.equal(labels.filter((l) => l === '1').length, 1);
    assert.equal(labels.filter((l) => l === '0').length, 1);
    assert.equal(infoMessages()[0], `Exported ${papers.length} papers to “exports/all.csv”.`);

    const tagged = await runExport('exportCsv', 'exports/tagged.csv', 'Papers with a tag…', 'survey');
    assert.deepEqual(tagged?.ids, [papers[5]!.id]);
    const titles = stub.calls.get('showQuickPick')!.map((args) => (args[1] as vscode.QuickPickOptions).title);
    assert.deepEqual(titles, ['Export CSV', 'Export CSV: papers with a tag']);
  });

  test('Export CSL-JSON… cites by the keys Export BibTeX then writes, pinned in the state', async () => {
    api.context.store.apply((s) => setStatusMany(s, [papers[6]!, papers[7]!], 'include', NOW));
    const result = await runExport('exportCslJson', 'exports/refs.csl.json', 'Included papers');
    assert.equal(saveDialogOptions().defaultUri?.fsPath, workspacePath('literature-triage.csl.json'));
    const items = JSON.parse(readWorkspaceFile('exports/refs.csl.json')!) as {
      id: string;
      keyword?: string;
    }[];
    assert.deepEqual(
      items.map((i) => i.id),
      [keyOf(papers[6]!), keyOf(papers[7]!)],
      'the keys are pinned',
    );
    assert.ok(items.every((i) => i.keyword === 'literature-triage:include'));
    assert.equal(result?.ids.length, 2);

    stub.window('showQuickPick', pickByLabel('Included papers'));
    await vscode.commands.executeCommand('literatureTriage.exportBibtex');
    const bibKeys = existingKeys(readWorkspaceFile('references.bib')!);
    assert.deepEqual([...bibKeys].sort(), items.map((i) => i.id.toLowerCase()).sort());
  });

  test('an export onto the triage state file is refused; nothing in scope says so without asking for a file', async () => {
    api.context.store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
    await api.context.store.flush();
    const stateFile = api.context.store.file.fsPath;
    const before = readFileSync(stateFile, 'utf8');
    stub.window('showQuickPick', pickByLabel('Included papers'));
    stub.window('showSaveDialog', async () => api.context.store.file);
    const refused = await vscode.commands.executeCommand('literatureTriage.exportCslJson');
    assert.equal(refused, undefined);
    assert.equal(readFileSync(stateFile, 'utf8'), before);
    assert.match(String(stub.calls.get('showErrorMessage')![0]![0]), /is the triage state file/);

    const nothing = await runExport('exportRis', 'exports/none.ris', 'Maybe papers');
    assert.equal(nothing, undefined);
    assert.equal(stub.calls.get('showSaveDialog')!.length, 0, 'no file is asked for');
    assert.match(infoMessages()[0]!, /no maybe papers to export/);
    assert.equal(existsSync(workspacePath('exports/none.ris')), false);
  });

  test('Copy Formatted Citation copies the reference in the style picked, and offers it first next time', async () => {
    const paper = papers[2]!;
    stub.window('showQuickPick', pickByLabel('IEEE'));
    const copied = await vscode.commands.executeCommand<CopiedCitation>(
      'literatureTriage.copyFormattedCitation',
      paper.id,
    );
    const full = (await api.context.library.fullPapers([paper.id]))[0]!;
    const expected = formatReferences([full], bundledCsl('ieee.csl'), bundledCsl('locales-en-US.xml'));
    assert.equal(copied.style, 'ieee');
    assert.equal(copied.text, expected);
    assert.match(copied.text, /^\[1\] /);
    assert.equal(await vscode.env.clipboard.readText(), expected);
    const firstItems = (
      await (stub.calls.get('showQuickPick')![0]![0] as Thenable<vscode.QuickPickItem[]>)
    ).map((i) => i.label);
    assert.deepEqual(firstItems, ['APA', 'IEEE', 'Vancouver'], 'the setting’s default (APA) first');

    // A tree multi-selection: both papers, one line each; IEEE is offered first now.
    stub.window('showQuickPick', pickByLabel('IEEE'));
    const two = await vscode.commands.executeCommand<CopiedCitation>(
      'literatureTriage.copyFormattedCitation',
      papers[0],
      [papers[0], papers[1]],
    );
    const items = (await (stub.calls.get('showQuickPick')![0]![0] as Thenable<vscode.QuickPickItem[]>)).map(
      (i) => i.label,
    );
    assert.equal(items[0], 'IEEE');
    assert.deepEqual(
      two.text.split('\n').map((line) => line.slice(0, 4)),
      ['[1] ', '[2] '],
    );
    assert.equal(keyOf(paper), undefined, 'a formatted citation pins no key');
  });

  test('Copy Formatted Citation in APA and Vancouver match the CSL processor on the bundled styles', async () => {
    const paper = papers[5]!;
    const full = (await api.context.library.fullPapers([paper.id]))[0]!;
    for (const [label, file] of [
      ['APA', 'apa.csl'],
      ['Vancouver', 'vancouver.csl'],
    ] as const) {
      stub.window('showQuickPick', pickByLabel(label));
      const copied = await vscode.commands.executeCommand<CopiedCitation>(
        'literatureTriage.copyFormattedCitation',
        paper.id,
      );
      assert.equal(copied.text, formatReferences([full], bundledCsl(file), bundledCsl('locales-en-US.xml')));
      assert.ok(copied.text.includes(full.title.slice(0, 30)), copied.text);
    }
  });
});
