import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import type { FindResult } from '../../src/extension/review';
import type { PaperSummary } from '../../src/worker/protocol';
import { eventually } from '../harness/eventually';
import { activeApi, resetTriage } from './support';
import { answer, stubs, type Stubs } from './windowStubs';
import { fixture, removeWorkspacePath, workspacePath, writeWorkspaceFile } from './workspaceFiles';

const SEED_PAPERS = 52;
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

let api: LiteratureTriageApi;
let stub: Stubs;

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('literatureTriage');
}

async function paperWithDoi(doi: string): Promise<PaperSummary> {
  const papers = api.context.library.papers;
  const full = await api.context.library.fullPapers(papers.map((p) => p.id));
  const found = full.find((p) => p.doi?.toLowerCase() === doi.toLowerCase());
  assert.ok(found, `a paper with the DOI ${doi}`);
  return api.context.library.paper(found.id)!;
}

suite('full texts', () => {
  suiteSetup(async () => {
    api = await activeApi();
    writeWorkspaceFile('corpora/sample.ris', fixture('corpora/sample.ris'));
    await config().update('corpora', ['corpora/sample.ris'], vscode.ConfigurationTarget.Workspace);
    await eventually(() => api.context.corpus.lastLoad?.files.map((f) => f.label), 'the RIS file loaded', {
      until: (labels) => labels?.includes('corpora/sample.ris') === true,
    });
  });

  setup(async () => {
    stub = stubs();
    stub.window('showInformationMessage', answer(undefined));
    await resetTriage(api);
  });

  teardown(async () => {
    stub.restore();
    await config().update('fullTextFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    removeWorkspacePath('fulltexts');
    await resetTriage(api);
  });

  suiteTeardown(async () => {
    await config().update('corpora', undefined, vscode.ConfigurationTarget.Workspace);
    removeWorkspacePath('corpora');
    await eventually(() => api.context.library.papers.length, 'the seed alone again', {
      until: (n) => n === SEED_PAPERS,
    });
  });

  test('Find Full Texts links the PDFs named by the DOIs of the reports sought, and says what it found', async () => {
    const a = await paperWithDoi('10.1037/a0039713');
    const b = await paperWithDoi('10.1089/neu.2015.3992');
    const excluded = api.context.library.papers.find((p) => p.id !== a.id && p.id !== b.id)!;
    await vscode.commands.executeCommand('literatureTriage.include', [a.id, b.id]);
    await vscode.commands.executeCommand('literatureTriage.exclude', excluded.id);
    writeWorkspaceFile('fulltexts/10.1037_a0039713.pdf', PDF);
    writeWorkspaceFile('fulltexts/2015/Smith - 10.1089-NEU.2015.3992.PDF', PDF);
    writeWorkspaceFile('fulltexts/unrelated.pdf', PDF);
    await config().update('fullTextFolder', 'fulltexts', vscode.ConfigurationTarget.Workspace);

    const result = (await vscode.commands.executeCommand('literatureTriage.findFullTexts')) as FindResult;
    assert.equal(result.searched, 3);
    assert.equal(result.missing, 0);
    const pdfOf = (p: PaperSummary) => api.context.library.triage(p).fullText?.pdf;
    assert.equal(pdfOf(a), 'fulltexts/10.1037_a0039713.pdf');
    assert.equal(pdfOf(b), 'fulltexts/2015/Smith - 10.1089-NEU.2015.3992.PDF');
    assert.equal(pdfOf(excluded), undefined, 'only reports sought are searched for');
    const said = (stub.calls.get('showInformationMessage') ?? []).map((c) => String(c[0]));
    assert.match(said.at(-1)!, /^Found 2 full text\(s\) among 3 PDF\(s\) in “fulltexts”; 0 of 2 report\(s\)/);
  });

  test('without literatureTriage.fullTextFolder, Find Full Texts says what to set', async () => {
    stub.window('showWarningMessage', answer(undefined));
    assert.equal(await vscode.commands.executeCommand('literatureTriage.findFullTexts'), undefined);
    const warned = (stub.calls.get('showWarningMessage') ?? []).map((c) => String(c[0]));
    assert.match(warned[0]!, /literatureTriage\.fullTextFolder/);
  });

  test('Link Full Text PDF… stores the picked file workspace-relative; Open Full Text offers it first, then the DOI', async () => {
    const paper = await paperWithDoi('10.1037/a0039713');
    const path = writeWorkspaceFile('fulltexts/picked.pdf', PDF);
    stub.window('showOpenDialog', async () => [vscode.Uri.file(path)]);
    const stored = await vscode.commands.executeCommand('literatureTriage.linkFullText', paper.id);
    assert.equal(stored, 'fulltexts/picked.pdf');
    assert.equal(api.context.library.triage(paper).fullText?.pdf, 'fulltexts/picked.pdf');

    let offered: string[] = [];
    stub.window('showQuickPick', async (items: readonly vscode.QuickPickItem[]) => {
      offered = items.map((i) => `${i.label} ${i.description ?? ''}`.trim());
      return items[0];
    });
    const opened = await vscode.commands.executeCommand('literatureTriage.openFullText', paper.id);
    assert.equal(opened, 'fulltexts/picked.pdf');
    assert.deepEqual(offered.slice(0, 2), [
      '$(file-pdf) Open the linked PDF fulltexts/picked.pdf',
      '$(link-external) Open the DOI https://doi.org/10.1037/a0039713',
    ]);
    // The record's own URL (a Scopus link in this RIS file), then linking another PDF.
    assert.match(offered[2]!, /^\$\(link-external\) Open the URL http:\/\/www\.scopus\.com\//);
    assert.equal(offered[3], '$(file-add) Link a PDF…');
    assert.equal(offered.length, 4);
    await eventually(
      () => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as
          { uri?: vscode.Uri } | undefined;
        return input?.uri?.path;
      },
      'the PDF open in an editor',
      { until: (p) => p === vscode.Uri.file(workspacePath('fulltexts/picked.pdf')).path },
    );
  });

  test('Mark Full Text Not Retrieved and Retrieved: the report leaves and rejoins the full-text queue, one undo each', async () => {
    const paper = await paperWithDoi('10.1089/neu.2015.3992');
    await vscode.commands.executeCommand('literatureTriage.include', paper.id);
    await vscode.commands.executeCommand('literatureTriage.markNotRetrieved', paper.id);
    assert.equal(api.context.library.triage(paper).fullText?.retrieved, false);
    await vscode.commands.executeCommand('literatureTriage.markRetrieved', paper.id);
    assert.equal(api.context.library.triage(paper).fullText, undefined);
    await vscode.commands.executeCommand('literatureTriage.undo');
    assert.equal(api.context.library.triage(paper).fullText?.retrieved, false);
  });
});
