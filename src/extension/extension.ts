import * as vscode from 'vscode';
import { showError } from './shared/notifications';
import { createOutputLog } from './shared/outputLog';
import { CorpusService, registerCorpusCommands } from './corpus';
import { Library, startLibraryWorker } from './library';
import { registerScreeningProgress, ScreeningService, type ScreeningProgressPanel } from './screening';
import { registerStoreNotifications, stateFileLocation, TriageStore } from './storage';
import { registerPapersView, type PapersView } from './tree';
import { registerReader, type ReaderHost } from './reader';
import { registerTriageCommands } from './triage';
import { registerSearch } from './search';
import { registerExport } from './export';
import { registerReview, type PrismaView } from './review';
import { BlindMode, registerTeam, TeamDecisions, TeamSession, type TeamFeature } from './team';
import { registerCite, type CiteHandle } from './cite';
import type { FeatureContext, TargetResolver } from './featureContext';
import { settings } from './settings';
import { ui } from './shared/uiText';
import { ReviewProtocol } from './shared/reviewProtocol';
import { CONTEXT_KEYS } from './commands';
import { ContextKey } from './contextKey';
import { ReviewStageState } from './shared/reviewStage';

/** What activate returns: the extension-host tests observe the extension through it. */
export interface LiteratureTriageApi {
  readonly context: FeatureContext;
  readonly view: PapersView;
  readonly reader: ReaderHost;
  /** The Screening Progress view's model (gain curve, counter, stopping verdict). */
  readonly progress: ScreeningProgressPanel;
  /** The PRISMA flow diagram's panel and its last render. */
  readonly prisma: PrismaView;
  /** Team screening: the session (reviewer files), blind mode and the agreement panel. */
  readonly team: TeamFeature & { readonly session: TeamSession };
  /** Citing in documents: the key index and the diagnostics. */
  readonly cite: CiteHandle;
  /** Resolves once the corpus and the state file have been read. */
  readonly ready: Promise<void>;
}

/** Kept so deactivate can write a decision whose save was still waiting for its delay. */
let activeStore: TriageStore | undefined;

export function activate(context: vscode.ExtensionContext): LiteratureTriageApi {
  const log = createOutputLog('Literature Triage');
  const team = new TeamSession();
  // In team screening the store keeps this window's reviewer file instead of the state file.
  const store = new TriageStore(
    () => team.myFile() ?? stateFileLocation(context),
    undefined,
    () => team.reviewer,
  );
  activeStore = store;
  const blind = new BlindMode(team);
  const teamDecisions = new TeamDecisions(team, store, blind);
  // The worker reports to the library, which needs the worker: tied once both exist.
  const owner: { library?: Library } = {};
  const worker = startLibraryWorker(context, {
    started: () => owner.library?.workerStarted(),
    crashed: (reason) => owner.library?.workerCrashed(reason),
  });
  const corpus = new CorpusService(context.extensionUri, log, worker);
  const library = new Library(corpus, store, worker, teamDecisions);
  owner.library = library;
  const screening = new ScreeningService(library);
  const stage = new ReviewStageState(context.workspaceState);
  const review = new ReviewProtocol(log);
  context.subscriptions.push(
    log,
    team,
    blind,
    teamDecisions,
    { dispose: () => worker.dispose() },
    corpus,
    store,
    library,
    screening,
    stage,
    review,
  );
  const features: FeatureContext = {
    extension: context,
    log,
    corpus,
    store,
    library,
    screening,
    stage,
    review,
    team: teamDecisions,
    now: () => new Date().toISOString(),
  };

  const view = registerPapersView(features);
  const reader = registerReader(features, view);
  const progress = registerScreeningProgress(screening, context, log);
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
  const prisma = registerReview(features, targets);
  const teamFeature = registerTeam(features, targets);
  const cite = registerCite(features);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (settings.affects(e, 'stateFile')) void store.relocate();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void store.relocate()),
    // Before the store has opened, team.open() decides where it opens.
    team.onDidChange(() => storeOpened && void store.relocate()),
  );

  const loading = new ContextKey(CONTEXT_KEYS.loading);
  loading.set(true);
  let storeOpened = false;
  const ready = Promise.all([
    corpus.load(),
    team
      .open()
      .then(() => store.open())
      .then(() => void (storeOpened = true)),
  ])
    .then(() => undefined)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log.appendLine(ui`${message}`);
      void showError(ui`Literature Triage: ${message}`);
    })
    .finally(() => {
      loading.set(false);
      prisma.loaded();
    });
  return {
    context: features,
    view,
    reader,
    progress,
    prisma,
    cite,
    team: { ...teamFeature, session: team },
    ready,
  };
}

export async function deactivate(): Promise<void> {
  await activeStore?.flush();
  activeStore = undefined;
}
