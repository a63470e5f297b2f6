/**
 * Papers the reviewers disagree on at a stage: two or more of them decided it and not all alike. Maybe
 * disagrees with both include and exclude. A paper only one reviewer has decided so far is not a conflict.
 */
import { reasonAt, type ReviewStage } from '../triage';
import { decisionAt, type AgreementCategory, type ReviewerDecisions } from './agreement';

export interface ReviewerView {
  readonly reviewer: string;
  readonly decision: AgreementCategory;
  readonly reason?: string;
  readonly note: string;
}

export interface Conflict {
  readonly id: string;
  /** The title a reviewer's file remembers (the first one that has one). */
  readonly title: string;
  /** Every reviewer who decided the paper, sorted by id. */
  readonly decisions: readonly ReviewerView[];
}

export function conflictsAt(reviewers: readonly ReviewerDecisions[], stage: ReviewStage): Conflict[] {
  const sorted = [...reviewers].sort((a, b) => compare(a.reviewer, b.reviewer));
  const ids = new Set<string>();
  for (const r of sorted) for (const id of r.state.papers.keys()) ids.add(id);
  const conflicts: Conflict[] = [];
  for (const id of [...ids].sort(compare)) {
    const decisions: ReviewerView[] = [];
    let title = '';
    for (const r of sorted) {
      const decision = decisionAt(r.state, id, stage);
      const triage = r.state.papers.get(id);
      if (decision === undefined || !triage) continue;
      title ||= triage.title;
      const reason = reasonAt(triage, stage);
      decisions.push({ reviewer: r.reviewer, decision, ...(reason ? { reason } : {}), note: triage.note });
    }
    if (decisions.length >= 2 && decisions.some((d) => d.decision !== decisions[0]!.decision)) {
      conflicts.push({ id, title, decisions });
    }
  }
  return conflicts;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
