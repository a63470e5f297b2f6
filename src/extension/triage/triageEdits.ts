import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import {
  addTagMany,
  normalizeTag,
  removeTagMany,
  setNote,
  setStatusMany,
  type TriageStatus,
} from '../../core/triage';
import type { FeatureContext } from '../featureContext';
import { displayText } from '../../core/text/displayText';

const BULK_MESSAGE_MS = 4000;

const DONE: Record<TriageStatus, string> = {
  include: 'Included',
  maybe: 'Marked as maybe:',
  exclude: 'Excluded',
  untriaged: 'Cleared the decision on',
};

/** Each edit is one undoable step; an edit to several papers says so in the status bar. */
export function setStatusOf(ctx: FeatureContext, papers: readonly Paper[], status: TriageStatus): void {
  ctx.store.apply((state) => setStatusMany(state, papers, status, ctx.now()));
  announceBulk(papers, `${DONE[status]} ${papers.length} papers`);
}

export function addTagTo(ctx: FeatureContext, papers: readonly Paper[], tag: string): void {
  const clean = normalizeTag(tag);
  if (!clean) return;
  ctx.store.apply((state) => addTagMany(state, papers, clean, ctx.now()));
  announceBulk(papers, `Tagged ${papers.length} papers “${clean}”`);
}

export function removeTagFrom(ctx: FeatureContext, papers: readonly Paper[], tag: string): void {
  ctx.store.apply((state) => removeTagMany(state, papers, tag, ctx.now()));
  announceBulk(papers, `Removed the tag “${normalizeTag(tag)}” from ${papers.length} papers`);
}

export function setNoteOf(ctx: FeatureContext, paper: Paper, note: string): void {
  ctx.store.apply((state) => setNote(state, paper, note, ctx.now()));
}

function announceBulk(papers: readonly Paper[], message: string): void {
  if (papers.length > 1)
    vscode.window.setStatusBarMessage(`$(check) ${displayText(message)}`, BULK_MESSAGE_MS);
}
