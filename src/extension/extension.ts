import * as vscode from 'vscode';
import { showError } from './shared/notifications';
import { createOutputLog } from './shared/outputLog';
import { CorpusService } from './corpus/corpusService';
import { registerCorpusCommands } from './corpus/corpusCommands';
import { IndexingService } from './indexing/indexingService';
import { Library } from './library/library';
import { SCREENING_WORKER_SCRIPT, ScreeningService } from './screening/screeningService';
import { TriageStore } from './storage/triageStore';
import { stateFileLocation } from './storage/stateFileLocation';
import { registerStoreNotifications } from './storage/storeNotifications';
import { registerPapersView, type PapersView } from './tree';
import { registerReader, type ReaderHost } from './reader';
import { registerTriageCommands } from './triage';
import { registerSearch } from './search';
import { registerExport } from './export';
import type { FeatureContext, TargetResolver } from './featureContext';
import { settings } from './settings';
import { ui } from './shared/uiText';
import { CONTEXT_KEYS } from './commands';
import { ContextKey } from './contextKey';

/** What activate returns: the extension-host tests observe the extension through it. */
export interface LiteratureTriageApi {
  readonly context: FeatureContext;
  readonly view: PapersView;
  readonly reader: ReaderHost;
  /** Resolves once the corpus and the state file have been read. */
  readonly ready: Promise<void>;
}

/** Kept so deactivate can write a decision whose save was still waiting for its delay. */
let activeStore: TriageStore | undefined;

export function activate(context: vscode.ExtensionContext): LiteratureTriageApi {
  const log = createOutputLog('Literature Triage');
  const corpus = new CorpusService(context.extensionUri, log);
  const store = new TriageStore(() => stateFileLocation(context));
  activeStore = store;
  const indexing = new IndexingService(context, log);
  const library = new Library(corpus, store, indexing);
  const screening = new ScreeningService(
    library,
    vscode.Uri.joinPath(context.extensionUri, SCREENING_WORKER_SCRIPT).fsPath,
  );
  context.subscriptions.push(log, corpus, store, indexing, library, screening);
  const features: FeatureContext = {
    extension: context,
    log,
    corpus,
    store,
    library,
    screening,
    now: () => new Date().toISOString(),
  };

  const view = registerPapersView(features);
  const reader = registerReader(features, view);
  context.subscriptions.push(
    reader.onDidChangePaper((paper) => {
      if (!screening.isScreening(paper?.id)) screening.leaveScreening();
    }),
  );
  const targets: TargetResolver = {
    targets: () => {
      const current = reader.isActive ? reader.currentPaper : undefined;
      return current ? [current] : view.selectedPapers();
    },
  };
  registerStoreNotifications(features);
  registerCorpusCommands(features);
  registerTriageCommands(features, targets, reader, view);
  registerSearch(features, reader, view);
  registerExport(features, targets);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (settings.affects(e, 'stateFile')) void store.relocate();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void store.relocate()),
  );

  const loading = new ContextKey(CONTEXT_KEYS.loading);
  loading.set(true);
  const ready = Promise.all([corpus.load(), store.open()])
    .then(() => undefined)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log.appendLine(ui`${message}`);
      void showError(ui`Literature Triage: ${message}`);
    })
    .finally(() => loading.set(false));
  return { context: features, view, reader, ready };
}

export async function deactivate(): Promise<void> {
  await activeStore?.flush();
  activeStore = undefined;
}
