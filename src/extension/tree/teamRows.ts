import * as vscode from 'vscode';
import { decisionAt, type Conflict, type ReviewerDecisions } from '../../core/team';
import type { ReviewStage } from '../../core/triage';
import { SafeTreeItem } from '../shared/treeItems';
import { statusIcon } from '../shared/statusIcon';
import { statusLook } from '../shared/statusLook';
import { inline, shownText, ui, uiLines, type UiText } from '../shared/uiText';
import { textStart } from '../../core/text/textStart';
import type { ReviewerNode } from './nodes';

/** What the tree needs of team screening (FeatureContext.team). */
export interface TeamRows {
  /** Team mode with blind mode off: the others' decisions may be shown. */
  readonly revealed: boolean;
  openConflicts(stage: ReviewStage): readonly Conflict[];
  reviewers(): readonly ReviewerDecisions[];
  readonly session: { readonly reviewer: string | undefined };
  readonly onDidChange: vscode.Event<void>;
}

export const CONFLICTS_LABEL = 'Conflicts';
const NOTE_CHARS = 80;

/** A reviewer's row under a conflict: their decision's icon, their id, the reason and the start of the note. */
export function reviewerTreeItem(node: ReviewerNode, me: string | undefined): SafeTreeItem {
  const { view } = node;
  const who = view.reviewer === me ? ui`${view.reviewer} (you)` : shownText(view.reviewer);
  const item = new SafeTreeItem(who, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = statusIcon(view.decision);
  const label = statusLook(view.decision).label;
  const parts: UiText[] = [ui`${label}`];
  if (view.reason) parts.push(ui`${inline(shownText(view.reason, NOTE_CHARS))}`);
  if (view.note) parts.push(ui`${inline(shownText(textStart(view.note, NOTE_CHARS), NOTE_CHARS + 10))}`);
  item.description = ui`${parts.join(' · ')}`;
  const lines: UiText[] = [ui`${who}: ${label}`];
  if (view.reason) lines.push(ui`Reason: ${view.reason}`);
  if (view.note) lines.push(ui``, ui`Note: ${view.note}`);
  item.tooltip = uiLines(lines);
  item.contextValue = 'conflictReviewer';
  item.accessibilityInformation = {
    label: [view.reviewer, label, view.reason ?? '', view.note].filter(Boolean).join(', '),
  };
  return item;
}

/** The other reviewers' decisions on a paper at the stage, for its row ("b@example.org: Excluded"). */
export function othersDecisions(team: TeamRows, id: string, stage: ReviewStage): UiText | undefined {
  const parts: string[] = [];
  for (const r of team.reviewers()) {
    if (r.reviewer === team.session.reviewer) continue;
    const decision = decisionAt(r.state, id, stage);
    if (decision) parts.push(`${r.reviewer}: ${statusLook(decision).label}`);
  }
  return parts.length ? shownText(parts.join(' · ')) : undefined;
}
