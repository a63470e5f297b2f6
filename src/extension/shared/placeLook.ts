import type { ReviewPlace } from '../../core/review/reviewPlace';
import type { TriageStatus } from '../../core/triage';

/** How each place of a two-stage review is named (the Papers view's stage groups). */
export const PLACE_LABELS: Readonly<Record<ReviewPlace, string>> = {
  toScreen: 'Title/abstract: to screen',
  screeningMaybe: 'Title/abstract: maybe',
  screeningExcluded: 'Title/abstract: excluded',
  toAssess: 'Full text: to assess',
  fullTextMaybe: 'Full text: maybe',
  notRetrieved: 'Full text: not retrieved',
  fullTextIncluded: 'Full text: included',
  fullTextExcluded: 'Full text: excluded',
};

/** The decision whose icon a place's group shows; a report not retrieved has its own icon. */
export const PLACE_STATUS: Readonly<Record<ReviewPlace, TriageStatus | undefined>> = {
  toScreen: 'untriaged',
  screeningMaybe: 'maybe',
  screeningExcluded: 'exclude',
  toAssess: 'untriaged',
  fullTextMaybe: 'maybe',
  notRetrieved: undefined,
  fullTextIncluded: 'include',
  fullTextExcluded: 'exclude',
};
