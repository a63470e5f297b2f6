import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { keyPapers, scanBib, shortTitleWords } from '../../src/core/bibtex';
import type { Paper } from '../../src/core/model/paper';
import { addTag, setNote, setStatus } from '../../src/core/triage';
import { COMMANDS } from '../../src/extension/commands';
import type { AuditResult } from '../../src/extension/cite';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import { eventually } from '../harness/eventually';
import { activeApi } from './support';
import {
  readWorkspaceFile,
  removeWorkspacePath,
  resetTriage,
  workspacePath,
  writeWorkspaceFile,
} from './workspaceFiles';

const NOW = '2026-02-01T10:00:00.000Z';
const DIR = 'cite-test';

/** A co-author's file: keys with `:`, `-` and `_`, a broken entry in the middle, and one key defined twice. */
const COAUTHOR_BIB =
  '@article{doe:2020-graph_nets,\n  author = {Doe, Jane and Roe, Richard},\n  title = {Graph Networks at Scale},\n' +
  '  journal = {Journal of Graphs},\n  year = {2020},\n}\n\n' +
  '@article{broken2021,\n  title = {Missing its closing brace,\n  year = 2021\n\n' +
  '@inproceedings{after_the_break-2022,\n  author = {Okafor, Ada},\n  title = {Still Read After a Broken Entry},\n' +
  '  booktitle = {Proceedings},\n  year = {2022},\n}\n\n' +
  '@misc{twice,\n  title = {First Version},\n  year = {2019},\n}\n';
const OTHER_BIB = '@misc{twice,\n  title = {Second, Different Version},\n  year = {2019},\n}\n';

let api: LiteratureTriageApi;
let full: Paper[];
let included: Paper;
let maybe: Paper;
let excluded: Paper;
/** Untriaged, in no .bib: the paper a completion adds. */
let fresh: Paper;
/** The keys Export BibTeX gives the library's papers (none is pinned before the tests). */
let keyOf: Map<string, string>;

const plainWords = (title: string): string[] => title.split(/\s+/).filter((w) => /^[A-Za-z]+$/.test(w));

const labelOf = (item: vscode.CompletionItem): string =>
  typeof item.label === 'string' ? item.label : item.label.label;

const EXTENSION: Record<string, string> = {
  latex: 'tex',
  markdown: 'md',
  quarto: 'qmd',
  rmd: 'Rmd',
  typst: 'typ',
};
let documents = 0;

/** A document saved in the workspace (so closing it asks nothing), opened in an editor. */
async function openDoc(language: string, content: string): Promise<vscode.TextDocument> {
  const path = writeWorkspaceFile(`${DIR}/docs/doc${++documents}.${EXTENSION[language]}`, content);
  const document = await vscode.workspace.openTextDocument(path);
  assert.equal(document.languageId, language);
  await vscode.window.showTextDocument(document);
  return document;
}

/** Hover and documentation Markdown as the text it shows. */
const plain = (markdown: string): string =>
  markdown.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');

async function completions(
  document: vscode.TextDocument,
  position?: vscode.Position,
): Promise<vscode.CompletionItem[]> {
  const at = position ?? document.positionAt(document.getText().length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    at,
  );
  return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
}

async function keysOffered(language: string, content: string): Promise<string[]> {
  return (await completions(await openDoc(language, content))).map(labelOf);
}

async function hoverText(document: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    document.positionAt(offset),
  );
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => plain(typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function diagnosticsOf(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  await api.cite.diagnostics.update(document);
  return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Literature Triage');
}

async function closeEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) if (document.isDirty) await document.save();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('Cite while you write', () => {
  suiteSetup(async () => {
    api = await activeApi();
    await resetTriage(api);
    removeWorkspacePath('references.bib');
    const papers = api.context.library.papers;
    full = await api.context.library.fullPapers(papers.map((p) => p.id));
    const speculative = full.filter((p) => /speculative decoding/i.test(p.title));
    assert.equal(speculative.length, 2, 'the seed has two speculative-decoding papers');
    included = speculative[0]!;
    maybe = speculative[1]!;
    excluded = full.find((p) => !/speculative/i.test(p.title))!;
    fresh = full.find(
      (p) => !/speculative/i.test(p.title) && p.id !== excluded.id && plainWords(p.title).length >= 3,
    )!;
    const { store } = api.context;
    store.apply((s) => setStatus(s, included, 'include', NOW));
    store.apply((s) => addTag(s, included, 'core', NOW));
    store.apply((s) => setNote(s, included, 'Read the acceptance criterion section.', NOW));
    store.apply((s) => setStatus(s, maybe, 'maybe', NOW));
    store.apply((s) => setStatus(s, excluded, 'exclude', NOW));
    keyOf = new Map(keyPapers(full, store.state, { statuses: 'all' }).papers.map((k) => [k.paper.id, k.key]));
    writeWorkspaceFile(`${DIR}/coauthor.bib`, COAUTHOR_BIB);
    // The excluded paper has an entry (an earlier export): citing it is a warning, not an unknown key.
    writeWorkspaceFile(
      `${DIR}/other.bib`,
      `${OTHER_BIB}\n@misc{${keyOf.get(excluded.id)},\n  title = {${excluded.title}},\n}\n`,
    );
    await eventually(
      async () => (await api.cite.index.index()).get('twice')?.definitions.length === 2,
      'both .bib files read',
    );
  });

  suiteTeardown(async () => {
    await closeEditors();
    removeWorkspacePath(DIR);
    removeWorkspacePath('references.bib');
    await resetTriage(api);
  });

  teardown(closeEditors);

  test('LaTeX: every cite command, starred, with optional arguments and after a comma offers keys, included first', async () => {
    const heads = [
      '\\cite{',
      '\\citep{',
      '\\citet{',
      '\\parencite{',
      '\\textcite{',
      '\\autocite{',
      '\\footcite{',
      '\\nocite{',
      '\\cite*{',
      '\\cite[p.~3]{',
      '\\parencite[see][12]{',
      '\\cite{doe:2020-graph_nets, ',
      '\\citep{doe:2020-graph_nets,',
    ];
    for (const head of heads) {
      const keys = await keysOffered('latex', `Some text ${head}`);
      assert.equal(keys[0], keyOf.get(included.id), `${head}: the included paper first`);
      assert.equal(keys[1], keyOf.get(maybe.id), `${head}: then maybe`);
      assert.ok(keys.includes('doe:2020-graph_nets'), `${head}: .bib entries too`);
      assert.ok(
        keys.indexOf(keyOf.get(excluded.id)!) > keys.indexOf('doe:2020-graph_nets'),
        `${head}: excluded last`,
      );
    }
    assert.deepEqual(await keysOffered('latex', 'No citation here {'), []);
    assert.deepEqual(await keysOffered('latex', '\\section{'), []);
  });

  test('LaTeX: typed words search titles and authors, the range replaces what was typed', async () => {
    const document = await openDoc('latex', 'See \\cite{okafor still');
    const items = await completions(document);
    assert.deepEqual(items.map(labelOf), ['after_the_break-2022']);
    const range = items[0]!.range as vscode.Range;
    assert.equal(document.getText(range), 'okafor still');
    assert.equal(items[0]!.insertText, 'after_the_break-2022');
    assert.equal(items[0]!.detail, 'Still Read After a Broken Entry');
    const docs = plain((items[0]!.documentation as vscode.MarkdownString).value);
    assert.match(docs, /Okafor, Ada · 2022 · Proceedings/);
    assert.match(docs, /only in a \.bib file/);

    const speculative = (await keysOffered('latex', '\\cite{speculative deco')).slice(0, 2);
    assert.deepEqual(speculative, [keyOf.get(included.id), keyOf.get(maybe.id)]);
  });

  test('LaTeX: a key with : - _ is completed from its prefix', async () => {
    const document = await openDoc('latex', '\\textcite{doe:2020-gr');
    const items = await completions(document);
    assert.deepEqual(items.map(labelOf), ['doe:2020-graph_nets']);
    assert.equal(document.getText(items[0]!.range as vscode.Range), 'doe:2020-gr');
  });

  test('Markdown, Quarto and R Markdown: [@, @ after white space or ;, -@ offer keys; an e-mail address does not', async () => {
    for (const language of ['markdown', 'quarto', 'rmd']) {
      for (const text of ['As shown [@', 'As shown @', 'See [@doe:2020-graph_nets; @', 'Doe says [-@']) {
        const keys = await keysOffered(language, text);
        assert.equal(keys[0], keyOf.get(included.id), `${language} ${text}`);
      }
      assert.deepEqual(await keysOffered(language, 'mail me at jane@'), [], `${language}: e-mail`);
      assert.deepEqual(await keysOffered(language, '[@doe:2020-gr'), ['doe:2020-graph_nets'], language);
    }
  });

  test('Typst: @ and #cite(< offer keys', async () => {
    assert.equal((await keysOffered('typst', 'As in @'))[0], keyOf.get(included.id));
    assert.equal((await keysOffered('typst', '#cite(<'))[0], keyOf.get(included.id));
    assert.deepEqual(await keysOffered('typst', '#cite(<after_the'), ['after_the_break-2022']);
    assert.deepEqual(await keysOffered('typst', 'name@'), []);
  });

  test('a 5,000-character line: completion at its end and hover in its middle', async () => {
    const filler = 'word '.repeat(500);
    const line = `${filler}\\cite{doe:2020-graph_nets} ${filler}`.slice(0, 5000) + ' \\cite{';
    assert.ok(line.length >= 5000);
    const document = await openDoc('latex', line);
    assert.equal((await completions(document)).map(labelOf)[0], keyOf.get(included.id));
    const at = line.indexOf('doe:2020') + 3;
    assert.match(await hoverText(document, at), /Graph Networks at Scale/);
  });

  test('hover: title, authors, year, status, tags, note and Open in Reader', async () => {
    const key = keyOf.get(included.id)!;
    const text = `Intro \\citep[p.~3]{${key}} and \\cite{doe:2020-graph_nets} and \\cite{nowhere-2020}.`;
    const document = await openDoc('latex', text);
    const hover = await hoverText(document, text.indexOf(key) + 2);
    assert.ok(hover.includes(`**${included.title}**`), hover);
    assert.match(hover, /included/);
    assert.match(hover, /core/);
    assert.match(hover, /acceptance criterion section/);
    assert.match(hover, /Open in Reader\]\(command:literatureTriage\.openPaper\?/);
    const bibHover = await hoverText(document, text.indexOf('doe:2020') + 1);
    assert.match(bibHover, /Doe, Jane; Roe, Richard · 2020 · Journal of Graphs/);
    assert.match(bibHover, /only in a \.bib file/);
    assert.match(bibHover, /cite-test\/coauthor\.bib:1/);
    assert.match(await hoverText(document, text.indexOf('nowhere') + 1), /Unknown citation key/);
  });

  test('Go to Definition opens the .bib entry; Open Cited Paper opens the paper', async () => {
    const document = await openDoc('markdown', 'Text [@after_the_break-2022, p. 3] and [@twice].');
    const at = (needle: string) => document.positionAt(document.getText().indexOf(needle) + 2);
    const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      at('after_the'),
    );
    assert.equal(links.length, 1);
    const link = links[0]!;
    const uri = 'targetUri' in link ? link.targetUri : link.uri;
    const range = 'targetUri' in link ? link.targetRange : link.range;
    assert.equal(uri.fsPath, workspacePath(`${DIR}/coauthor.bib`));
    assert.equal(
      range.start.line,
      COAUTHOR_BIB.split('\n').findIndex((l) => l.startsWith('@inproceedings')),
    );
    const twice = await vscode.commands.executeCommand<unknown[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      at('twice'),
    );
    assert.equal(twice.length, 2, 'a key defined in two files has two definitions');

    const key = keyOf.get(included.id)!;
    const latex = await openDoc('latex', `\\cite{${key}}`);
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(latex.positionAt(8), latex.positionAt(8));
    const opened = await vscode.commands.executeCommand<string | undefined>(COMMANDS.openCitedPaper);
    assert.equal(opened, included.id);
    await eventually(() => api.reader.currentPaper?.id === included.id, 'the reader shows the cited paper');
  });

  test('diagnostics: unresolved (error), excluded and conflicting (warnings), an unterminated brace, updated on change', async () => {
    const excludedKey = keyOf.get(excluded.id)!;
    const text =
      `\\cite{after_the_break-2022, broken2021}\n` +
      `% \\cite{commented-out}\n` +
      `\\cite{${excludedKey}} and \\cite{twice}\n` +
      `\\cite{doe:2020-graph_nets, never_defined\n` +
      `Text after the unterminated brace \\cite{also:missing}.\n`;
    const document = await openDoc('latex', text);
    const summary = (ds: vscode.Diagnostic[]) =>
      ds
        .map(
          (d) =>
            `${d.code}:${d.severity === vscode.DiagnosticSeverity.Error ? 'error' : 'warning'}:${document.getText(d.range)}`,
        )
        .sort();
    await eventually(async () => summary(await diagnosticsOf(document)), 'the diagnostics', {
      until: (s) =>
        JSON.stringify(s) ===
        JSON.stringify(
          [
            'unresolved:error:broken2021',
            `excluded:warning:${excludedKey}`,
            'conflicting:warning:twice',
            'unresolved:error:never_defined',
            'unresolved:error:also:missing',
          ].sort(),
        ),
    });
    const editor = vscode.window.activeTextEditor!;
    const start = text.indexOf('never_defined');
    await editor.edit((e) =>
      e.replace(
        new vscode.Range(document.positionAt(start), document.positionAt(start + 'never_defined'.length)),
        'twice',
      ),
    );
    await eventually(
      () => summary(vscode.languages.getDiagnostics(document.uri)),
      'diagnostics after the edit',
      {
        until: (s) =>
          !s.some((d) => d.includes('never_defined')) &&
          s.filter((d) => d.startsWith('conflicting')).length === 2,
      },
    );
  });

  test('a key that spells a library title: quick fix "Add from the library" adds the entry and cites its key', async () => {
    // Spelled another way than the key Export BibTeX gives: the title words in kebab case.
    const guessed = shortTitleWords(maybe.title)
      .map((w) => w.toLowerCase())
      .join('-');
    assert.notEqual(guessed.toLowerCase(), keyOf.get(maybe.id)!.toLowerCase());
    const document = await openDoc('latex', `As shown in \\cite{${guessed}}.`);
    const diagnostics = await diagnosticsOf(document);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /the library has/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostics[0]!.range,
    );
    const fix = actions.find((a) => a.title.startsWith('Add from the library'));
    assert.ok(fix, `a quick fix among ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.workspace.applyEdit(fix.edit!);
    await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
    const key = keyOf.get(maybe.id)!;
    assert.equal(document.getText(), `As shown in \\cite{${key}}.`);
    const bib = readWorkspaceFile('references.bib') ?? '';
    assert.deepEqual(
      scanBib(bib).entries.map((e) => e.key),
      [key],
    );
    assert.equal(api.context.library.triage(maybe).key, key, 'the key is pinned');
    await eventually(async () => (await diagnosticsOf(document)).length === 0, 'the key resolves');
  });

  test('accepting a paper without a .bib entry adds it to the bib file and pins its key; one undo removes the key', async () => {
    const key = keyOf.get(fresh.id)!;
    const before = 'Fast decoding \\cite{';
    const document = await openDoc('latex', before);
    const words = plainWords(fresh.title).slice(0, 2).join(' ').toLowerCase();
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(document.positionAt(before.length), words));
    const item = (await completions(document)).find((i) => labelOf(i) === key);
    assert.ok(item, `${key} is offered for "${words}"`);
    assert.equal(item.command?.command, COMMANDS.citeAddToBib);
    await editor.edit((e) => e.replace(item.range as vscode.Range, item.insertText as string), {
      undoStopBefore: true,
      undoStopAfter: true,
    });
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(document.getText(), before + key);
    const bib = readWorkspaceFile('references.bib') ?? '';
    assert.ok(
      scanBib(bib).entries.some((e) => e.key === key),
      bib,
    );
    assert.equal(api.context.library.triage(fresh).key, key);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before + words, 'one undo removes the inserted key');
    assert.ok(scanBib(readWorkspaceFile('references.bib') ?? '').entries.some((e) => e.key === key));
    await eventually(
      async () => (await api.cite.index.index()).get(key)?.definitions.length === 1,
      'the new entry is read',
    );
    const again = (await completions(document)).find((i) => labelOf(i) === key);
    assert.equal(again?.command, undefined, 'once in the .bib, accepting it adds nothing');
  });

  test('the citation audit of a multi-file LaTeX project: included papers never cited, cited keys not included', async () => {
    const includedKey = keyOf.get(included.id)!;
    writeWorkspaceFile(
      `${DIR}/paper/main.tex`,
      '\\documentclass{article}\n\\addbibresource{../coauthor.bib}\n\\begin{document}\n\\input{sections/intro}\n% \\include{unused}\n\\include{sections/results.tex}\n\\end{document}\n',
    );
    writeWorkspaceFile(`${DIR}/paper/sections/intro.tex`, `Intro \\cite{doe:2020-graph_nets}.\n`);
    writeWorkspaceFile(`${DIR}/paper/sections/results.tex`, `Results \\cite{${keyOf.get(excluded.id)}}.\n`);
    const intro = await vscode.workspace.openTextDocument(workspacePath(`${DIR}/paper/sections/intro.tex`));
    await vscode.window.showTextDocument(intro);
    let audit = await vscode.commands.executeCommand<AuditResult>(COMMANDS.auditCitations, { pick: false });
    assert.deepEqual(audit.files.sort(), [
      `${DIR}/paper/main.tex`,
      `${DIR}/paper/sections/intro.tex`,
      `${DIR}/paper/sections/results.tex`,
    ]);
    assert.ok(audit.includedNotCited.some((i) => i.key === includedKey));
    assert.deepEqual(
      audit.citedNotIncluded.map((c) => `${c.key}:${c.standing}`).sort(),
      [`${keyOf.get(excluded.id)}:exclude`, 'doe:2020-graph_nets:bib only'].sort(),
    );
    // Unsaved edits count: the audit reads the editor's text.
    const comma = intro.getText().indexOf('}');
    await vscode.window.activeTextEditor!.edit((e) => e.insert(intro.positionAt(comma), `,${includedKey}`));
    audit = await vscode.commands.executeCommand<AuditResult>(COMMANDS.auditCitations, { pick: false });
    assert.ok(!audit.includedNotCited.some((i) => i.key === includedKey));
  });

  test('each part can be turned off', async () => {
    const config = vscode.workspace.getConfiguration('literatureTriage');
    const document = await openDoc('latex', '\\cite{twice} \\cite{');
    try {
      await config.update('cite.completion', false, vscode.ConfigurationTarget.Workspace);
      await config.update('cite.hover', false, vscode.ConfigurationTarget.Workspace);
      await config.update('cite.definition', false, vscode.ConfigurationTarget.Workspace);
      await config.update('cite.diagnostics', false, vscode.ConfigurationTarget.Workspace);
      assert.deepEqual(await completions(document), []);
      assert.equal(await hoverText(document, 8), '');
      const links = await vscode.commands.executeCommand<unknown[]>(
        'vscode.executeDefinitionProvider',
        document.uri,
        document.positionAt(8),
      );
      assert.equal(links.length, 0);
      await eventually(
        () =>
          vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Literature Triage')
            .length === 0,
        'no diagnostics',
      );
    } finally {
      for (const part of ['completion', 'hover', 'definition', 'diagnostics'])
        await config.update(`cite.${part}`, undefined, vscode.ConfigurationTarget.Workspace);
    }
    await eventually(async () => (await completions(document)).length > 0, 'completion back on');
  });
});
