import { flashStatus } from './notifications';
import { inline, quoted, ui, type UiText } from './uiText';
import type { PaperSummary } from '../../worker/protocol';
import {
  addTagMany,
  decideMany,
  importDecisions,
  normalizeTag,
  removeTagMany,
  setFullTextPdf,
  setNote,
  setRetrievedMany,
  setStatusMany,
  type DecisionToImport,
  type ReviewStage,
  type TriageStatus,
} from '../../core/triage';
import type { FeatureContext } from '../featureContext';
import { statusLook } from './statusLook';

/**
 * The one way the extension edits triage: the triage commands, the search picker's buttons and the reader all
 * call these, so every edit is one undoable, journalled step of the store and says the same in the status bar.
 * What a surface does around an edit (the reader moving on after a decision) stays with that surface.
 */

const BULK_MESSAGE_MS = 4000;

/** Each edit is one undoable step; an edit to several papers says so in the status bar. */
export function setStatusOf(
  ctx: FeatureContext,
  papers: readonly PaperSummary[],
  status: TriageStatus,
  reason?: string,
): void {
  ctx.store.apply((state) => setStatusMany(state, papers, status, ctx.now(), reason));
  announceBulk(papers, ui`${statusLook(status).done} ${papers.length} papers`);
}

/**
 * A decision at a stage: the title/abstract status or the full-text one. An exclusion with a reason records
 * it; without one it keeps the reason already there; any other decision clears it.
 */
export function decideAt(
  ctx: FeatureContext,
  papers: readonly PaperSummary[],
  stage: ReviewStage,
  status: TriageStatus,
  reason?: string,
): void {
  ctx.store.apply((state) => decideMany(state, papers, stage, status, ctx.now(), reason));
  announceBulk(papers, ui`${statusLook(status).done} ${papers.length} papers`);
}

/** Links (undefined: unlinks) a paper's full text, a workspace-relative path with `/`. */
export function setFullTextPdfOf(ctx: FeatureContext, paper: PaperSummary, pdf: string | undefined): void {
  ctx.store.apply((state) => setFullTextPdf(state, paper, pdf, ctx.now()));
}

/** `false`: the reports could not be retrieved; `true` takes that back. */
export function setRetrievedOf(
  ctx: FeatureContext,
  papers: readonly PaperSummary[],
  retrieved: boolean,
): void {
  ctx.store.apply((state) => setRetrievedMany(state, papers, retrieved, ctx.now()));
}

export function addTagTo(ctx: FeatureContext, papers: readonly PaperSummary[], tag: string): void {
  const clean = normalizeTag(tag);
  if (!clean) return;
  ctx.store.apply((state) => addTagMany(state, papers, clean, ctx.now()));
  announceBulk(papers, ui`Tagged ${papers.length} papers ${quoted(clean)}`);
}

export function removeTagFrom(ctx: FeatureContext, papers: readonly PaperSummary[], tag: string): void {
  ctx.store.apply((state) => removeTagMany(state, papers, tag, ctx.now()));
  announceBulk(papers, ui`Removed the tag ${quoted(normalizeTag(tag))} from ${papers.length} papers`);
}

export function setNoteOf(ctx: FeatureContext, paper: PaperSummary, note: string): void {
  ctx.store.apply((state) => setNote(state, paper, note, ctx.now()));
}

/** Decisions from corpus files, for papers undecided here only: one undoable step. */
export function importDecisionsInto(
  ctx: FeatureContext,
  decisions: readonly DecisionToImport[],
): { imported: number; skipped: number } {
  let counts = { imported: 0, skipped: 0 };
  ctx.store.apply((state) => {
    const result = importDecisions(state, decisions, ctx.now());
    counts = { imported: result.imported.length, skipped: result.skipped.length };
    return result.state;
  });
  return counts;
}

function announceBulk(papers: readonly PaperSummary[], message: UiText): void {
  if (papers.length > 1) flashStatus(ui`$(check) ${inline(message)}`, BULK_MESSAGE_MS);
}
