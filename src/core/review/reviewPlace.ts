import type { PaperTriage, ReviewStage } from '../triage';

/**
 * Where a paper is in a two-stage review. A paper included at title/abstract has moved on to the full-text
 * stage, so each paper is in exactly one place: the title/abstract places hold the papers not included there,
 * the full-text places the included ones.
 */
export type ReviewPlace =
  | 'toScreen'
  | 'screeningMaybe'
  | 'screeningExcluded'
  | 'toAssess'
  | 'notRetrieved'
  | 'fullTextMaybe'
  | 'fullTextIncluded'
  | 'fullTextExcluded';

/** In the order the Papers view lists them: each stage's work left first. */
export const REVIEW_PLACES: readonly ReviewPlace[] = [
  'toScreen',
  'screeningMaybe',
  'screeningExcluded',
  'toAssess',
  'fullTextMaybe',
  'notRetrieved',
  'fullTextIncluded',
  'fullTextExcluded',
];

export const PLACE_STAGE: Readonly<Record<ReviewPlace, ReviewStage>> = {
  toScreen: 'titleAbstract',
  screeningMaybe: 'titleAbstract',
  screeningExcluded: 'titleAbstract',
  toAssess: 'fullText',
  notRetrieved: 'fullText',
  fullTextMaybe: 'fullText',
  fullTextIncluded: 'fullText',
  fullTextExcluded: 'fullText',
};

/**
 * A decided report is where its decision puts it, even if it was once marked not retrieved (it was found
 * later); an undecided one marked not retrieved is not retrieved.
 */
export function reviewPlace(triage: Pick<PaperTriage, 'status' | 'fullText'> | undefined): ReviewPlace {
  const status = triage?.status ?? 'untriaged';
  if (status === 'untriaged') return 'toScreen';
  if (status === 'maybe') return 'screeningMaybe';
  if (status === 'exclude') return 'screeningExcluded';
  const fullText = triage?.fullText;
  switch (fullText?.status ?? 'untriaged') {
    case 'include':
      return 'fullTextIncluded';
    case 'exclude':
      return 'fullTextExcluded';
    case 'maybe':
      return 'fullTextMaybe';
    case 'untriaged':
      return fullText?.retrieved === false ? 'notRetrieved' : 'toAssess';
  }
}

/** The papers a stage has to decide (its queue) and the ones it has decided. */
export interface StageProgress {
  /** Papers at this stage: every paper at title/abstract, the included ones at full text. */
  total: number;
  /** Looked at there (a maybe counts, as in the title/abstract count; so does a report not retrieved). */
  done: number;
  counts: Record<ReviewPlace, number>;
}

/** Whether `place` still waits for a decision at its stage: the stage's queue. */
export function awaitsDecision(place: ReviewPlace): boolean {
  return place === 'toScreen' || place === 'toAssess';
}

export function stageProgress(
  triages: Iterable<Pick<PaperTriage, 'status' | 'fullText'> | undefined>,
  stage: ReviewStage,
): StageProgress {
  const counts = Object.fromEntries(REVIEW_PLACES.map((p) => [p, 0])) as Record<ReviewPlace, number>;
  for (const triage of triages) counts[reviewPlace(triage)]++;
  if (stage === 'titleAbstract') {
    const total = REVIEW_PLACES.reduce((n, p) => n + counts[p], 0);
    return { total, done: total - counts.toScreen, counts };
  }
  const total = REVIEW_PLACES.filter((p) => PLACE_STAGE[p] === 'fullText').reduce((n, p) => n + counts[p], 0);
  return { total, done: total - counts.toAssess, counts };
}
