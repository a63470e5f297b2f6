import type { PaperTriage, TriageState, TriageStatus } from '../triage';
import type { Decision, PaperReview } from './prisma';

/**
 * A status alone (a state without a full-text stage): the title/abstract decision, `untriaged` not screened
 * yet, and no full-text data (PrismaInput.fullTextRecorded is false for it).
 */
export function reviewFromStatus(status: TriageStatus): PaperReview {
  return status === 'untriaged' ? {} : { screening: status };
}

function decision(status: TriageStatus): Decision | undefined {
  return status === 'untriaged' ? undefined : status;
}

/** What a paper's triage says for PRISMA: its title/abstract decision and its full-text stage, if any. */
export function reviewOf(triage: PaperTriage | undefined): PaperReview {
  if (!triage) return {};
  const review: PaperReview = reviewFromStatus(triage.status);
  const fullText = triage.fullText;
  if (!fullText) return review;
  return {
    ...review,
    fullText: {
      retrieved: fullText.retrieved,
      decision: decision(fullText.status),
      reason: fullText.reason,
    },
  };
}

/** Whether any paper records something at full text: only then are the full-text counts known. */
export function recordsFullText(state: TriageState): boolean {
  for (const entry of state.papers.values()) if (entry.fullText !== undefined) return true;
  return false;
}
