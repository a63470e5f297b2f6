/** Screening decision for one paper. `untriaged` is the default for every paper not yet looked at. */
export type TriageStatus = 'untriaged' | 'include' | 'maybe' | 'exclude';

export const TRIAGE_STATUSES: readonly TriageStatus[] = ['untriaged', 'include', 'maybe', 'exclude'];

/** The two stages of a systematic review: screening titles and abstracts, then assessing full texts. */
export type ReviewStage = 'titleAbstract' | 'fullText';

export const REVIEW_STAGES: readonly ReviewStage[] = ['titleAbstract', 'fullText'];

/** The full-text stage of a paper: its report, whether it could be retrieved, and the decision on it. */
export interface FullTextReview {
  /** The full-text decision; `untriaged` while the report is not assessed. */
  readonly status: TriageStatus;
  /** Why the report was excluded; only while `status` is `exclude`. */
  readonly reason?: string;
  /** The full text: a workspace-relative path with `/` separators. */
  readonly pdf?: string;
  /** `false`: the report was sought and could not be retrieved. Absent: not said. */
  readonly retrieved?: false;
}

/** What the user decided about one paper. Values are canonical: tags normalised, unique and sorted. */
export interface PaperTriage {
  /** The paper's title when it was last edited: only for humans reading the state file. */
  readonly title: string;
  /** The title/abstract decision. */
  readonly status: TriageStatus;
  /** Why the paper was excluded at title/abstract; only while `status` is `exclude`. */
  readonly reason?: string;
  /** The full-text stage; absent until something is recorded there. */
  readonly fullText?: FullTextReview;
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
