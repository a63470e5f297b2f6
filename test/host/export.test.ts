import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { existingKeys, scanBib } from '../../src/core/bibtex';
import type { Paper } from '../../src/core/model/paper';
import type { PaperSummary } from '../../src/worker/protocol';
import { addTag, parse, setStatus, setStatusMany } from '../../src/core/triage';
import { BibLocation } from '../../src/extension/export/bibLocation';
import { writeEntriesToBib, type BibWriteResult } from '../../src/extension/export/bibWriter';
import { exportBibtex } from '../../src/extension/export/exportCommand';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import { staticCheck, validateBib, validationFailures } from '../support/bibtexValidators';
import { activeApi } from './support';
import { answer, pickByLabel, stubs, type Stubs } from './windowStubs';
import { eventually } from '../harness/eventually';
import { readWorkspaceFile, resetTriage, workspacePath, writeWorkspaceFile } from './workspaceFiles';

const NOW = '2026-02-01T10:00:00.000Z';

/** A hand-kept .bib: a comment, a macro, odd spacing, and no final line break. */
const EXISTING_BIB =
  '% My own references: keep this file as it is.\n' +
  '@string{jml = "Journal of Machine Learning"}\n' +
  '\n' +
  '@Article{ Smith2020 ,\n' +
  '   author = {Smith, Jane},\n' +
  '   title  = {An Existing Entry},\n' +
  '   journal = jml,\n' +
  '   year = 2020\n' +
  '}';

let api: LiteratureTriageApi;
let papers: readonly PaperSummary[];
/** The full papers (the host keeps summaries; the library worker has the rest). */
let full: Map<string, Paper>;
let stub: Stubs;

function infoMessages(): string[] {
  return (stub.calls.get('showInformationMessage') ?? []).map((args) => String(args[0]));
}

function bibText(): string {
  return readWorkspaceFile('references.bib') ?? '';
}

function keyOf(paper: PaperSummary): string | undefined {
  return api.context.store.state.papers.get(paper.id)?.key;
}

function onDiskKey(paper: PaperSummary): string | undefined {
  const text = readWorkspaceFile('literature-triage.json');
  return text ? parse(text).papers.get(paper.id)?.key : undefined;
}

/** Keys of entries whose paper has no year: biblatex's "missing date" is expected for them. */
function undatedKeys(result: BibWriteResult): string[] {
  return [...result.keys].filter(([id]) => full.get(id)?.year === undefined).map(([, key]) => key);
}

function assertValidBib(text: string, undated: string[]): void {
  const failures = validationFailures(validateBib(text), undated);
  assert.deepEqual(failures, [], failures.join('\n'));
}

async function runExport(...labels: string[]): Promise<BibWriteResult | undefined> {
  stub.window('showQuickPick', pickByLabel(...labels));
  return vscode.commands.executeCommand<BibWriteResult | undefined>('literatureTriage.exportBibtex');
}

async function openDocument(relative: string, text: string): Promise<vscode.TextEditor> {
  const path = writeWorkspaceFile(relative, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  return vscode.window.showTextDocument(document);
}

suite('export and citing', () => {
  suiteSetup(async () => {
    api = await activeApi();
    papers = api.context.library.papers;
    assert.ok(papers.length >= 8);
    full = new Map((await api.context.library.fullPapers(papers.map((p) => p.id))).map((p) => [p.id, p]));
    assert.equal(full.size, papers.length);
  });

  setup(() => {
    stub = stubs();
    stub.window('showInformationMessage', answer(undefined));
    stub.window('showErrorMessage', answer(undefined));
  });

  teardown(async () => {
    stub.restore();
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) await document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(workspacePath('references.bib'), { force: true });
    rmSync(workspacePath('cite'), { recursive: true, force: true });
    rmSync(workspacePath('elsewhere'), { recursive: true, force: true });
    await resetTriage(api);
  });

  test('Export BibTeX… "included" adds the entries, keeps the existing file byte for byte, pins the keys', async () => {
    writeWorkspaceFile('references.bib', EXISTING_BIB);
    api.context.store.apply((s) => setStatusMany(s, [papers[0]!, papers[1]!], 'include', NOW));
    api.context.store.apply((s) => setStatus(s, papers[2]!, 'exclude', NOW));

    const result = await runExport('Included papers');
    assert.ok(result);
    assert.equal(result.added, 2);
    assert.equal(result.kept, 0);
    const text = bibText();
    assert.ok(text.startsWith(EXISTING_BIB), 'the existing text is kept byte for byte');
    const entries = scanBib(text).entries.filter((e) => e.key);
    assert.deepEqual(
      entries.map((e) => e.key),
      ['Smith2020', keyOf(papers[0]!), keyOf(papers[1]!)],
    );
    assert.match(infoMessages()[0]!, /^Exported 2 entries to “references\.bib”: 2 added, 0 already there\./);
    assert.deepEqual(stub.calls.get('showInformationMessage')![0]!.slice(1), ['Open File']);

    await api.context.store.flush();
    assert.equal(onDiskKey(papers[0]!), keyOf(papers[0]!), 'the key is pinned in the state file');
    assert.equal(onDiskKey(papers[1]!), keyOf(papers[1]!));
    assert.equal(keyOf(papers[2]!), undefined, 'an excluded paper is not exported');

    assertValidBib(text, undatedKeys(result));

    // Again: nothing to add, the file is left exactly as it was.
    const again = await runExport('Included papers');
    assert.equal(again?.added, 0);
    assert.equal(again?.kept, 2);
    assert.equal(bibText(), text);
    assert.match(infoMessages().at(-1)!, /2 entries to “references\.bib”: 0 added, 2 already there/);
  });

  test('keys never change once exported, even when the .bib is deleted and written again', async () => {
    api.context.store.apply((s) => setStatusMany(s, papers.slice(0, 3), 'include', NOW));
    const first = await runExport('Included papers');
    const keys = papers.slice(0, 3).map(keyOf);
    assert.ok(
      keys.every((k) => k),
      'every key is pinned',
    );
    rmSync(workspacePath('references.bib'));
    api.context.store.apply((s) => setStatus(s, papers[3]!, 'include', NOW));
    const second = await runExport('Included papers');
    assert.equal(second?.added, 4);
    assert.deepEqual(papers.slice(0, 3).map(keyOf), keys);
    assert.deepEqual([...second!.keys.values()].slice(0, 3).sort(), [...first!.keys.values()].sort());
  });

  test('Export BibTeX… "maybe" and "a tag" export just those papers', async () => {
    api.context.store.apply((s) => setStatus(s, papers[4]!, 'maybe', NOW));
    api.context.store.apply((s) => setStatus(s, papers[5]!, 'include', NOW));
    api.context.store.apply((s) => addTag(s, papers[6]!, 'survey', NOW));
    api.context.store.apply((s) => addTag(s, papers[5]!, 'survey', NOW));

    const maybe = await runExport('Maybe papers');
    assert.deepEqual([...maybe!.keys.keys()], [papers[4]!.id]);
    const tagged = await runExport('Papers with a tag…', 'survey');
    assert.deepEqual([...tagged!.keys.keys()], [papers[5]!.id, papers[6]!.id]);
    assert.equal(tagged?.added, 2);
    assert.deepEqual(
      [...existingKeys(bibText())].sort(),
      [keyOf(papers[4]!), keyOf(papers[5]!), keyOf(papers[6]!)].map((k) => k!.toLowerCase()).sort(),
    );
    const tagKeywords = scanBib(bibText()).entries.find((e) => e.key === keyOf(papers[6]!))!;
    assert.match(bibText().slice(tagKeywords.start, tagKeywords.end), /keywords = \{survey\}/);
  });

  test('Export BibTeX… "all" writes every paper, and real bibtex and biber accept the file', async function () {
    this.timeout(120_000);
    const result = await runExport('All papers');
    assert.equal(result?.added, papers.length);
    const text = bibText();
    assert.equal(existingKeys(text).size, papers.length);
    assert.deepEqual(staticCheck(text).problems, []);
    assertValidBib(text, undatedKeys(result!));
    assert.match(
      infoMessages()[0]!,
      new RegExp(`^Exported ${papers.length} entries to “references\\.bib”: ${papers.length} added`),
    );
  });

  test('Export BibTeX… of the selection exports the papers the command targets', async () => {
    const location = new BibLocation(memoryMemento());
    stub.window('showQuickPick', pickByLabel('Selected papers'));
    const result = await exportBibtex(api.context, { targets: () => [papers[7]!] }, location);
    assert.deepEqual([...result!.keys.keys()], [papers[7]!.id]);
    assert.equal(existingKeys(bibText()).size, 1);
  });

  test('with no folder open, Export BibTeX… asks where to write and remembers it for citing', async () => {
    const memory = memoryMemento();
    const location = new BibLocation(memory, () => undefined);
    const chosen = vscode.Uri.file(workspacePath('elsewhere/chosen.bib'));
    stub.window('showSaveDialog', async () => chosen);
    stub.window('showQuickPick', pickByLabel('Included papers'));
    api.context.store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
    const result = await exportBibtex(api.context, { targets: () => [] }, location);
    assert.equal(result?.file.toString(), chosen.toString());
    assert.equal(stub.calls.get('showSaveDialog')!.length, 1);
    assert.ok(existingKeys(readFileSync(chosen.fsPath, 'utf8')).has(keyOf(papers[0]!)!.toLowerCase()));
    assert.equal(existsSync(workspacePath('references.bib')), false);
    assert.equal(
      (await location.target('if-unknown'))?.toString(),
      chosen.toString(),
      'remembered for citing',
    );
    assert.equal(stub.calls.get('showSaveDialog')!.length, 1, 'no second question');
  });

  test('a .bib with an unclosed entry is left alone, with an error offering to open it', async () => {
    const broken = '@article{broken,\n  title = {Never closed\n';
    writeWorkspaceFile('references.bib', broken);
    api.context.store.apply((s) => setStatus(s, papers[0]!, 'include', NOW));
    const result = await runExport('Included papers');
    assert.equal(result, undefined);
    assert.equal(bibText(), broken);
    const [message, ...items] = stub.calls.get('showErrorMessage')![0]!;
    assert.match(String(message), /could not export to “references\.bib”: .*braces never close/);
    assert.deepEqual(items, ['Open File']);
    assert.equal(keyOf(papers[0]!), undefined, 'no key is pinned when nothing was written');
  });

  test('two exports into one .bib at the same time both land', async () => {
    const file = vscode.Uri.file(workspacePath('references.bib'));
    const [a, b] = await Promise.all([
      writeEntriesToBib(api.context, file, [full.get(papers[0]!.id)!], { statuses: 'all' }),
      writeEntriesToBib(api.context, file, [full.get(papers[1]!.id)!], { statuses: 'all' }),
    ]);
    assert.equal(a.added + b.added, 2);
    assert.deepEqual(
      [...existingKeys(bibText())].sort(),
      [keyOf(papers[0]!)!, keyOf(papers[1]!)!].map((k) => k.toLowerCase()).sort(),
    );
  });

  test('Copy BibTeX puts the paper’s entry on the clipboard and pins its key', async () => {
    const paper = papers[3]!;
    const text = await vscode.commands.executeCommand<string>('literatureTriage.copyBibtex', paper.id);
    const key = keyOf(paper);
    assert.ok(key, 'the key is pinned');
    assert.ok(text.startsWith(`@misc{${key},`) || text.startsWith(`@article{${key},`), text.slice(0, 60));
    assert.equal(scanBib(text).entries.length, 1);
    assert.deepEqual(staticCheck(text).problems, []);
    assert.equal(await vscode.env.clipboard.readText(), text);
    assert.equal(existsSync(workspacePath('references.bib')), false, 'copying writes no file');
  });

  test('Insert Citation inserts \\cite{key} at every cursor of a .tex file and adds the entry to the .bib', async () => {
    api.context.store.apply((s) => setStatus(s, papers[5]!, 'maybe', NOW));
    api.context.store.apply((s) => setStatus(s, papers[2]!, 'include', NOW));
    api.context.store.apply((s) => setStatus(s, papers[0]!, 'exclude', NOW));
    const editor = await openDocument('cite/paper.tex', 'As shown in .\nSee also .\n');
    editor.selections = [new vscode.Selection(0, 12, 0, 12), new vscode.Selection(1, 9, 1, 9)];
    stub.window('showQuickPick', pickByLabel(papers[1]!.title));
    const inserted = await vscode.commands.executeCommand<{ key: string }>('literatureTriage.insertCitation');
    const key = inserted.key;
    assert.equal(key, keyOf(papers[1]!));
    assert.equal(editor.document.getText(), `As shown in \\cite{${key}}.\nSee also \\cite{${key}}.\n`);
    assert.ok(existingKeys(bibText()).has(key.toLowerCase()), 'the .bib gained the entry');

    const items = (await (stub.calls.get('showQuickPick')![0]![0] as Thenable<
      vscode.QuickPickItem[]
    >)) as (vscode.QuickPickItem & { paper: PaperSummary })[];
    assert.equal(items[0]!.paper.id, papers[2]!.id, 'included papers come first');
    assert.equal(items[1]!.paper.id, papers[5]!.id, 'then maybe');
    assert.equal(items.at(-1)!.paper.id, papers[0]!.id, 'excluded papers come last');
    assert.equal(items.length, papers.length);
  });

  test('Insert Citation writes [@key] in Markdown and the bare key elsewhere; a known key leaves the .bib alone', async () => {
    const paper = papers[4]!;
    const md = await openDocument('cite/notes.md', 'Speculative decoding  works.\n');
    md.selection = new vscode.Selection(0, 21, 0, 21);
    stub.window('showQuickPick', pickByLabel(paper.title));
    const { key } = await vscode.commands.executeCommand<{ key: string }>('literatureTriage.insertCitation');
    assert.equal(md.document.getText(), `Speculative decoding [@${key}] works.\n`);
    const bibAfterFirst = bibText();
    assert.ok(existingKeys(bibAfterFirst).has(key.toLowerCase()));

    const txt = await openDocument('cite/list.txt', 'key: \n');
    txt.selection = new vscode.Selection(0, 5, 0, 5);
    stub.window('showQuickPick', pickByLabel(paper.title));
    await vscode.commands.executeCommand('literatureTriage.insertCitation');
    assert.equal(txt.document.getText(), `key: ${key}\n`);
    assert.equal(bibText(), bibAfterFirst, 'the entry was there already: the .bib is unchanged');
  });

  test('Insert Citation inside \\cite{…} adds just the key', async () => {
    const editor = await openDocument('cite/more.tex', 'Known \\cite{Smith2020}.\n');
    editor.selection = new vscode.Selection(0, 21, 0, 21);
    const inserted = await vscode.commands.executeCommand<{ key: string }>(
      'literatureTriage.insertCitation',
      papers[6]!.id,
    );
    assert.equal(editor.document.getText(), `Known \\cite{Smith2020,${inserted.key}}.\n`);
  });

  test('Insert Citation with no editor open says so and changes nothing', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(() => vscode.window.activeTextEditor, 'no active editor', {
      until: (editor) => editor === undefined,
    });
    const result = await vscode.commands.executeCommand('literatureTriage.insertCitation', papers[0]!.id);
    assert.equal(result, undefined);
    assert.match(infoMessages()[0]!, /open a document/);
    assert.equal(keyOf(papers[0]!), undefined);
  });
});

function memoryMemento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
  } as vscode.Memento;
}
