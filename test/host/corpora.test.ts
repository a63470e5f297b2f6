import * as assert from 'node:assert/strict';
import { ui } from '../../src/extension/shared/uiText';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { BUNDLED_SEED } from '../../src/extension/corpus/corpusService';
import { withProgressWhenLong } from '../../src/extension/shared/longWork';
import { readCorpora } from '../../src/worker/readCorpora';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import { activeApi } from './support';
import { answer, stubs, type Stubs } from './windowStubs';
import { eventually } from '../harness/eventually';
import { fixture, repoRoot, sleep, workspacePath, writeWorkspaceFile } from './workspaceFiles';

const SEED_PAPERS = 52;
const ATOM_PAPERS = 10;

let api: LiteratureTriageApi;
let stub: Stubs;
let logLines: string[];
let restoreLog: () => void;

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('literatureTriage');
}

function titles(): string[] {
  return api.context.library.papers.map((p) => p.title);
}

function errorMessages(): string[] {
  return (stub.calls.get('showErrorMessage') ?? []).map((args) => String(args[0]));
}

async function setCorpora(entries: string[] | undefined): Promise<void> {
  await config().update('corpora', entries, vscode.ConfigurationTarget.Workspace);
}

/** Captures what the extension writes to its output channel. */
function captureLog(): () => void {
  const log = api.context.log as unknown as { appendLine: (line: string) => void };
  const original = log.appendLine;
  log.appendLine = (line: string) => {
    logLines.push(line);
    original.call(log, line);
  };
  return () => (log.appendLine = original);
}

const oneEntryBib = (title: string) =>
  `@article{first,\n  author = {Doe, Ann},\n  title = {${title}},\n  year = {2021}\n}\n`;

suite('corpora', () => {
  suiteSetup(async () => {
    api = await activeApi();
  });

  setup(() => {
    stub = stubs();
    stub.window('showInformationMessage', answer(undefined));
    stub.window('showErrorMessage', answer(undefined));
    logLines = [];
    restoreLog = captureLog();
  });

  teardown(async () => {
    stub.restore();
    restoreLog();
    await setCorpora(undefined);
    await config().update('includeBundledSeed', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(workspacePath('corpora'), { recursive: true, force: true });
    await api.context.corpus.load();
    await eventually(() => api.context.library.papers.length, 'the seed alone again', {
      until: (n) => n === SEED_PAPERS,
    });
  });

  test('Add Corpus File… adds the workspace-relative path to the setting and loads its papers', async () => {
    const path = writeWorkspaceFile('corpora/arxiv.xml', fixture('corpora/arxiv-atom.xml'));
    stub.window('showOpenDialog', async () => [vscode.Uri.file(path)]);
    const added = await vscode.commands.executeCommand<string[]>('literatureTriage.addCorpusFile');
    assert.deepEqual(added, ['corpora/arxiv.xml']);
    const options = stub.calls.get('showOpenDialog')![0]![0] as vscode.OpenDialogOptions;
    assert.deepEqual(Object.values(options.filters!)[0]!.sort(), [
      'bib',
      'csv',
      'json',
      'nbib',
      'ris',
      'tsv',
      'txt',
      'xml',
    ]);
    assert.equal(options.canSelectMany, true);
    assert.deepEqual(config().inspect<string[]>('corpora')?.workspaceValue, ['corpora/arxiv.xml']);
    assert.equal(api.context.library.papers.length, SEED_PAPERS + ATOM_PAPERS);
    assert.ok(
      api.context.corpus.lastLoad!.files.some(
        (f) => f.label === 'corpora/arxiv.xml' && f.papers === ATOM_PAPERS,
      ),
    );
    assert.match(infoMessage(), /added corpora\/arxiv\.xml \(10 papers\); 62 papers in all/);

    // Adding it again changes nothing.
    const again = await vscode.commands.executeCommand<string[]>('literatureTriage.addCorpusFile');
    assert.deepEqual(again, []);
    assert.deepEqual(config().inspect<string[]>('corpora')?.workspaceValue, ['corpora/arxiv.xml']);
  });

  test('editing, creating and deleting corpus files re-indexes automatically', async () => {
    writeWorkspaceFile('corpora/mine.bib', oneEntryBib('Watching corpus files for changes'));
    await setCorpora(['corpora/*.bib']);
    await eventually(titles, 'the first load', {
      until: (t) => t.includes('Watching corpus files for changes'),
    });

    writeWorkspaceFile('corpora/mine.bib', oneEntryBib('An edited title seen by the watcher'));
    await eventually(titles, 'the edit to be re-indexed', {
      until: (t) => t.includes('An edited title seen by the watcher'),
    });
    assert.ok(!titles().includes('Watching corpus files for changes'));
    const found = await api.context.library.filter('edited title watcher');
    assert.equal(found.size, 1, 'the search index has the new title');

    writeWorkspaceFile('corpora/second.bib', oneEntryBib('A second file matching the pattern'));
    await eventually(titles, 'a new file to be indexed', {
      until: (t) => t.includes('A second file matching the pattern'),
    });

    rmSync(workspacePath('corpora/mine.bib'));
    await eventually(titles, 'a deleted file to drop out', {
      until: (t) => !t.includes('An edited title seen by the watcher'),
    });
    assert.equal(api.context.library.papers.length, SEED_PAPERS + 1);
  });

  test('a file whose name holds glob characters is read as that file, and watched', async () => {
    const name = 'corpora/papers [2024] {draft}.bib';
    writeWorkspaceFile(name, oneEntryBib('A file named with brackets and braces'));
    await setCorpora([name]);
    await eventually(titles, 'the file to load', {
      until: (t) => t.includes('A file named with brackets and braces'),
    });
    assert.deepEqual(errorMessages(), []);

    writeWorkspaceFile(name, oneEntryBib('Its edit is seen by the watcher'));
    await eventually(titles, 'the edit to be re-indexed', {
      until: (t) => t.includes('Its edit is seen by the watcher'),
    });
    assert.ok(!titles().includes('A file named with brackets and braces'));
  });

  test('a broken corpus file shows an error naming it, and the other files still load', async () => {
    writeWorkspaceFile('corpora/broken.json', fixture('corpora/hf-daily-papers-extra/2024-12-11.json'));
    writeWorkspaceFile('corpora/good.bib', oneEntryBib('A good file next to a broken one'));
    await setCorpora(['corpora/broken.json', 'corpora/good.bib', 'corpora/missing.ris']);
    await eventually(titles, 'the good file', {
      until: (t) => t.includes('A good file next to a broken one'),
    });
    await eventually(errorMessages, 'two error notifications', { until: (shown) => shown.length >= 2 });
    const errors = errorMessages();
    assert.ok(
      errors.some((m) => m.startsWith('Literature Triage: cannot read corpus “corpora/broken.json”: ')),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((m) => /cannot read corpus “corpora\/missing\.ris”: the file does not exist/.test(m)),
      errors.join('\n'),
    );
    assert.equal(api.context.library.papers.length, SEED_PAPERS + 1, 'seed and good file loaded');
    assert.ok(logLines.some((l) => l.includes('error corpora/broken.json')));

    // The same error is not shown again on every reload.
    const shown = errorMessages().length;
    await api.context.corpus.load();
    assert.equal(errorMessages().length, shown);
  });

  test('the library worker reads the corpora: the same papers, warnings and errors as the readers give', async () => {
    // A small good file next to a broken one first.
    writeWorkspaceFile('corpora/broken.json', fixture('corpora/hf-daily-papers-extra/2024-12-11.json'));
    writeWorkspaceFile('corpora/good.bib', oneEntryBib('A good file next to a broken one'));
    await setCorpora(['corpora/broken.json', 'corpora/good.bib']);
    await eventually(titles, 'the small load', {
      until: (t) => t.includes('A good file next to a broken one'),
    });
    const inPlace = api.context.corpus.lastLoad!;
    const brokenInPlace = inPlace.errors.find((e) => e.file === 'corpora/broken.json');
    assert.ok(brokenInPlace, 'the broken file is reported');

    // A BibTeX file of 169 entries takes about a second to parse: the worker reads it, and the others with it.
    const bib = fixture('corpora/real-bibliography.bib');
    writeWorkspaceFile('corpora/refs.bib', bib);
    await setCorpora(['corpora/broken.json', 'corpora/good.bib', 'corpora/refs.bib']);
    await eventually(() => api.context.corpus.lastLoad?.files.map((f) => f.label), 'the large load', {
      until: (files) => files?.includes('corpora/refs.bib') ?? false,
    });
    const load = api.context.corpus.lastLoad!;
    assert.ok(logLines.some((l) => /^Loaded \d+ papers from 3 corpus file\(s\)/.test(l)));
    assert.deepEqual(
      load.errors.find((e) => e.file === 'corpora/broken.json'),
      brokenInPlace,
      'the same error message as with the small load, naming the file',
    );
    const expected = readCorpora([
      { label: BUNDLED_SEED, bytes: readFileSync(join(repoRoot, BUNDLED_SEED)) },
      {
        label: 'corpora/good.bib',
        bytes: new TextEncoder().encode(oneEntryBib('A good file next to a broken one')),
      },
      { label: 'corpora/refs.bib', bytes: bib },
    ]);
    assert.equal(load.files.find((f) => f.label === 'corpora/refs.bib')?.papers, 158);
    assert.deepEqual(
      load.papers.map((p) => p.id),
      expected.papers.map((p) => p.id),
    );
    assert.deepEqual(
      await api.context.library.fullPapers(load.papers.map((p) => p.id)),
      expected.papers,
      'papers arrive whole (sources, links, authors)',
    );
    assert.deepEqual(load.warnings, expected.warnings);
    assert.equal(api.context.library.papers.length, expected.papers.length);
    assert.ok(
      titles().some((t) => /[À-ž]/.test(t)),
      'decoded LaTeX accents survive the trip',
    );
  });

  test('read warnings go to the "Literature Triage" output channel', async () => {
    const text = oneEntryBib('Kept entry') + '\n@misc{untitled,\n  author = {Roe, Bo},\n  year = {2020}\n}\n';
    writeWorkspaceFile('corpora/warn.bib', text);
    await setCorpora(['corpora/warn.bib']);
    await eventually(titles, 'the load', { until: (t) => t.includes('Kept entry') });
    await eventually(() => [...logLines], 'the warning in the log', {
      until: (lines) =>
        lines.some((l) => /warning corpora\/warn\.bib:\d+: entry .*untitled.* has no title: skipped/.test(l)),
    });
    assert.equal(errorMessages().length, 0, 'a warning is not an error notification');
    assert.equal(api.context.log.name, 'Literature Triage');
  });

  test('Rebuild Index re-reads the corpora and rebuilds the index under a progress notification', async () => {
    let progressTitle: string | undefined;
    const original = vscode.window.withProgress;
    stub.window('withProgress', (options: vscode.ProgressOptions, task: Parameters<typeof original>[1]) => {
      progressTitle ??= options.title;
      assert.equal(options.location, vscode.ProgressLocation.Notification);
      return original.call(vscode.window, options, task);
    });
    const result = await vscode.commands.executeCommand<{ papers: number; files: number; errors: number }>(
      'literatureTriage.rebuildIndex',
    );
    assert.deepEqual(result, { papers: SEED_PAPERS, files: 1, errors: 0 });
    assert.equal(progressTitle, 'Literature Triage: rebuilding the index');
    assert.equal(
      api.context.library.times.last?.source,
      'built',
      'a new index was built, not taken from a cache',
    );
    assert.ok(logLines.some((l) => l.startsWith('Rebuild Index: indexed 52 papers from 1 file(s)')));
  });

  test('long work shows a progress notification; quick work shows none', async () => {
    const titles: string[] = [];
    stub.window(
      'withProgress',
      async (options: vscode.ProgressOptions, task: (p: vscode.Progress<object>) => Promise<unknown>) => {
        titles.push(options.title ?? '');
        return task({ report: () => undefined });
      },
    );
    assert.equal(await withProgressWhenLong(ui`quick`, async () => 1, { delayMs: 200 }), 1);
    await sleep(300);
    assert.deepEqual(titles, []);
    assert.equal(await withProgressWhenLong(ui`slow`, () => sleep(300).then(() => 2), { delayMs: 50 }), 2);
    assert.equal(await withProgressWhenLong(ui`large`, async () => 3, { large: true }), 3);
    await assert.rejects(
      withProgressWhenLong(ui`failing`, () => Promise.reject(new Error('boom')), { large: true }),
      /boom/,
    );
    assert.deepEqual(titles, ['slow', 'large', 'failing']);
  });

  test('without the bundled seed and with no corpora, the view is empty and shows its welcome content', async () => {
    await config().update('includeBundledSeed', false, vscode.ConfigurationTarget.Workspace);
    await eventually(() => api.context.library.papers.length, 'no papers', { until: (n) => n === 0 });
    assert.deepEqual(await api.view.provider.getChildren(), []);
    assert.equal(errorMessages().length, 0);
  });
});

function infoMessage(): string {
  return (stub.calls.get('showInformationMessage') ?? []).map((args) => String(args[0])).join('\n');
}
