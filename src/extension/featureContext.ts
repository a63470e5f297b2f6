import type * as vscode from 'vscode';
import type { OutputLog } from './shared/outputLog';
import type { PaperSummary } from '../worker/protocol';
import type { CorpusService } from './corpus/corpusService';
import type { Library } from './library/library';
import type { TriageStore } from './storage/triageStore';
import type { ScreeningService } from './screening/screeningService';

/** The order papers appear in the Papers view (after grouping and filtering): the reader's prev/next. */
export interface PaperOrder {
  orderedIds(): string[];
}

/** Which papers a command acts on when it is not given any: the reader's paper, else the tree selection. */
export interface TargetResolver {
  targets(): PaperSummary[];
}

/** Everything a feature needs; features never reach into each other except through these ports. */
export interface FeatureContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: OutputLog;
  readonly corpus: CorpusService;
  readonly store: TriageStore;
  readonly library: Library;
  /** Prioritised screening: the ranking Next Untriaged follows and its explanations. */
  readonly screening: ScreeningService;
  /** The time for triage edits; tests may replace it. */
  now(): string;
}
