import type * as vscode from 'vscode';
import type { OutputLog } from './shared/outputLog';
import type { PaperSummary } from '../worker/protocol';
import type { CorpusService } from './corpus';
import type { Library } from './library';
import type { TriageStore } from './storage';
import type { ScreeningService } from './screening';
import type { ReviewStageState } from './shared/reviewStage';
import type { ReviewProtocol } from './shared/reviewProtocol';
import type { TeamDecisions } from './team';

/** The order papers appear in the Papers view (after grouping and filtering): the reader's prev/next. */
export interface PaperOrder {
  orderedIds(): string[];
}

/** Which papers a command acts on when it is not given any: the reader's paper, else the tree selection. */
export interface TargetResolver {
  targets(): PaperSummary[];
}

/**
 * The services every feature is given. Beyond these ports, a feature uses another folder only through what that
 * folder's index.ts exports (lint-enforced: eslint-rules/featureBoundaries.mjs): mostly types, the handles
 * extension.ts passes on (PapersView, ReaderHost), and a few functions such as search's use of setStatusOf.
 */
export interface FeatureContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: OutputLog;
  readonly corpus: CorpusService;
  readonly store: TriageStore;
  readonly library: Library;
  /** Prioritised screening: the ranking Next Untriaged follows and its explanations. */
  readonly screening: ScreeningService;
  /** The review stage decisions are made at (title/abstract or full text). */
  readonly stage: ReviewStageState;
  /** The review protocol from the settings: highlight terms, criteria, exclusion reasons. */
  readonly review: ReviewProtocol;
  /**
   * Team screening: the reviewers' decisions, conflicts and final decisions. `decisions()` is what export,
   * PRISMA and citation use (the team's final decisions in team mode, else the store's).
   */
  readonly team: TeamDecisions;
  /** The time for triage edits; tests may replace it. */
  now(): string;
}
