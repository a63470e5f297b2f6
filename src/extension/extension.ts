import * as vscode from 'vscode';
import { CorpusService } from './corpus/corpusService';
import { PapersTreeProvider } from './tree/papersTreeProvider';
import { ReaderPanel } from './reader/readerPanel';
import { registerOpenPaper } from './reader/openPaperCommand';
import { PAPERS_VIEW_ID } from './commands';
import type { Paper } from '../core/model/paper';

/** What activate returns: used by the extension-host tests to observe the extension. */
export interface LiteratureTriageApi {
  papers(): readonly Paper[];
  tree: PapersTreeProvider;
  reader: ReaderPanel;
  ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): LiteratureTriageApi {
  const log = vscode.window.createOutputChannel('Literature Triage');
  const corpus = new CorpusService(context.extensionUri, log);
  const tree = new PapersTreeProvider(corpus);
  const reader = new ReaderPanel(context.extensionUri);
  const view = vscode.window.createTreeView(PAPERS_VIEW_ID, {
    treeDataProvider: tree,
    showCollapseAll: false,
  });
  context.subscriptions.push(log, corpus, tree, reader, view, registerOpenPaper(corpus, reader, view));

  const ready = corpus.load().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    log.appendLine(message);
    void vscode.window.showErrorMessage(`Literature Triage: could not read the corpus: ${message}`);
  });
  return { papers: () => corpus.all, tree, reader, ready };
}

export function deactivate(): void {}
