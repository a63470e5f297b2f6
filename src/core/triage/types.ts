/** Screening decision for one paper. `untriaged` is the default for every paper not yet looked at. */
export type TriageStatus = 'untriaged' | 'include' | 'maybe' | 'exclude';

export const TRIAGE_STATUSES: readonly TriageStatus[] = ['untriaged', 'include', 'maybe', 'exclude'];

/** What the user decided about one paper. Values are canonical: tags normalised, unique and sorted. */
export interface PaperTriage {
  /** The paper's title when it was last edited: only for humans reading the state file. */
  readonly title: string;
  readonly status: TriageStatus;
  readonly tags: readonly string[];
  readonly note: string;
  /** Citation key pinned at first export; it never changes afterwards. */
  readonly key?: string;
  /** ISO 8601 time of the last change. */
  readonly updated: string;
}

/**
 * Triage state of a corpus, keyed by paper id. Papers that are untriaged with no tags, note or key have no
 * entry at all, so the state (and its file) only grows with real decisions.
 */
export interface TriageState {
  readonly papers: ReadonlyMap<string, PaperTriage>;
}

/** The part of a `Paper` the operations need. `aliases` are older ids the paper's state may be stored under. */
export interface PaperRef {
  readonly id: string;
  readonly title: string;
  readonly aliases?: readonly string[];
}

export function emptyState(): TriageState {
  return { papers: new Map() };
}
