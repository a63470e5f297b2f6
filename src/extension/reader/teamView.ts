import { decisionAt } from '../../core/team';
import { reasonAt, type ReviewStage } from '../../core/triage';
import type { TeamView } from '../../webview/protocol';
import type { FeatureContext } from '../featureContext';
import { statusLook } from '../shared/statusLook';

/**
 * With the others' decisions revealed in team screening: each reviewer's decision on the paper at the stage
 * (reason and note too) and what the team's final decision is; undefined while blind or outside team mode.
 */
export function teamView(team: FeatureContext['team'], id: string, stage: ReviewStage): TeamView | undefined {
  if (!team.revealed) return undefined;
  const me = team.session.reviewer;
  const reviewers = team.reviewers().flatMap((r) => {
    const decision = decisionAt(r.state, id, stage);
    const triage = r.state.papers.get(id);
    if (!decision || !triage) return [];
    const reason = decision === 'exclude' ? reasonAt(triage, stage) : undefined;
    return [
      {
        reviewer: r.reviewer,
        you: r.reviewer === me,
        status: decision,
        statusLabel: statusLook(decision).label,
        ...(reason ? { reason } : {}),
        note: triage.note,
      },
    ];
  });
  reviewers.sort((a, b) => (a.reviewer < b.reviewer ? -1 : a.reviewer > b.reviewer ? 1 : 0));
  const final = team.finalDecision(id, stage);
  // A conflict: two or more decided, not all alike (see core/team/conflicts.ts), and nobody resolved it.
  const open = !final && reviewers.length >= 2 && reviewers.some((r) => r.status !== reviewers[0]!.status);
  const finalLabel = final
    ? final.from === 'agreed'
      ? `${statusLook(final.decision).label} (the reviewers agree)`
      : `${statusLook(final.decision).label} (resolved by ${final.from.resolver}, ${final.from.resolved.slice(0, 10)})`
    : open
      ? 'Open conflict: Resolve Conflict records the final decision'
      : 'Not yet: waiting for more reviewers';
  return { reviewers, finalLabel, conflict: open };
}
