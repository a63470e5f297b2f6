import type { TriageStatus } from '../triage';
import type { PaperReview } from './prisma';

/**
 * Today's state file has one decision per paper and no full-text stage: its status is the title/abstract
 * decision (`untriaged` is not screened yet), and there is no full-text data (PrismaInput.fullTextRecorded
 * is false for it).
 */
export function reviewFromStatus(status: TriageStatus): PaperReview {
  return status === 'untriaged' ? {} : { screening: status };
}
