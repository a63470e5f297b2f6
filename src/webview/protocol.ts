// The only contract between the reader webview and the extension host. Both directions are discriminated
// unions; the host validates every incoming message with isWebviewMessage before acting on it, because the
// webview renders untrusted paper text and must be treated like any other untrusted client.

import { TRIAGE_STATUSES, type TriageStatus } from '../core/triage';

/**
 * A half-open range of characters of the title or the abstract: a match of the search query (`match`), or an
 * inclusion or exclusion term of `literatureTriage.highlight` (with the term as written in the setting).
 */
export interface HighlightRange {
  field: 'title' | 'abstract';
  start: number;
  end: number;
  kind: 'match' | 'include' | 'exclude';
  term?: string;
}

export interface SimilarPaperView {
  id: string;
  title: string;
  status: TriageStatus;
  /** The status as the host words it everywhere ("Included"). */
  statusLabel: string;
}

/** One reviewer's decision on the paper in team screening. */
export interface ReviewerDecisionView {
  reviewer: string;
  /** This window's reviewer. */
  you: boolean;
  status: TriageStatus;
  statusLabel: string;
  reason?: string;
  note: string;
}

/** Team screening with the others' decisions revealed: who decided what, and the team's final decision. */
export interface TeamView {
  reviewers: ReviewerDecisionView[];
  /** "Included (the reviewers agree)", "Excluded (resolved by …)", "Open conflict: …". */
  finalLabel: string;
  conflict: boolean;
}

/** Everything the reader shows about one paper. All strings are untrusted: the webview renders them as text. */
export interface PaperView {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  year?: number;
  venue?: string;
  topic?: string;
  /** The decision at the window's review stage. */
  status: TriageStatus;
  /** The status as the host words it everywhere ("Included"). */
  statusLabel: string;
  /** The review stage decisions are made at ("Title/abstract", "Full text"). */
  stageLabel: string;
  /** At the full-text stage: the title/abstract decision ("Included"). */
  titleAbstractStatusLabel?: string;
  /** The exclusion reason at this stage, when the paper is excluded with one. */
  reason?: string;
  /** `literatureTriage.exclusionReasons` in order: the keys 1–9 exclude with the first nine. */
  exclusionReasons: string[];
  /** True when an exclusion at this stage must give a reason. */
  reasonRequired: boolean;
  tags: string[];
  note: string;
  /** http(s) links found in the abstract; opening one is up to the host. */
  links: string[];
  highlights: HighlightRange[];
  /** "3 inclusion terms, 1 exclusion term"; absent when no highlight terms are set. */
  termCounts?: string;
  /** The review's criteria (`literatureTriage.criteria`), Markdown; absent when none are set. */
  criteria?: string;
  /** The criteria panel is expanded (remembered per workspace). */
  criteriaOpen: boolean;
  similar: SimilarPaperView[];
  /** Terms that made screening rank this untriaged paper high ("suggested because: …"). */
  suggestedBecause?: string[];
  /** Only with the other reviewers' decisions revealed (never in blind mode). */
  team?: TeamView;
  /** 1-based place in the Papers view's order, when the paper is listed there. */
  position?: { index: number; total: number };
}

/** Host → webview. */
export type HostMessage =
  | { type: 'showPaper'; paper: PaperView }
  | { type: 'empty'; reason: 'none' | 'missing' | 'loading' }
  | { type: 'noteSaved'; paperId: string; persisted: boolean }
  | { type: 'announce'; text: string };

/** Webview → host. The webview sends 'ready' once its listeners are installed (the handshake). */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'shown'; paperId: string }
  | { type: 'navigate'; direction: 'next' | 'previous' }
  | { type: 'openPaper'; paperId: string }
  | { type: 'setStatus'; paperId: string; status: TriageStatus }
  /** Exclude with reason N (1-based) of the reasons the view listed. */
  | { type: 'excludeWithReason'; paperId: string; reason: number }
  /** Exclude with a reason picked (or typed) in a quick pick. */
  | { type: 'pickReason'; paperId: string }
  | { type: 'criteriaOpen'; open: boolean }
  | { type: 'addTag'; paperId: string; tag: string }
  | { type: 'removeTag'; paperId: string; tag: string }
  | { type: 'saveNote'; paperId: string; note: string }
  | { type: 'openLink'; paperId: string; url: string }
  | { type: 'editing'; editing: boolean }
  | { type: 'search' };

/** What the webview keeps across reloads (vscode.setState), read back by the panel serializer. */
export interface ReaderState {
  paperId: string;
}

const MAX_ID_LENGTH = 200;
export const MAX_TAG_LENGTH = 200;
export const MAX_NOTE_LENGTH = 100_000;
const MAX_URL_LENGTH = 4_000;

type FieldCheck = (value: unknown) => boolean;

const text =
  (maxLength: number, allowEmpty = false): FieldCheck =>
  (value) =>
    typeof value === 'string' && value.length <= maxLength && (allowEmpty || value.length > 0);
const oneOf =
  (...allowed: readonly unknown[]): FieldCheck =>
  (value) =>
    allowed.includes(value);
const paperId = text(MAX_ID_LENGTH);

/** The fields of each webview message variant (besides `type`), and what each must hold. */
const WEBVIEW_MESSAGE_FIELDS: { [K in WebviewMessage['type']]: Record<string, FieldCheck> } = {
  ready: {},
  shown: { paperId },
  navigate: { direction: oneOf('next', 'previous') },
  openPaper: { paperId },
  setStatus: { paperId, status: oneOf(...TRIAGE_STATUSES) },
  excludeWithReason: {
    paperId,
    reason: (value) => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1000,
  },
  pickReason: { paperId },
  criteriaOpen: { open: (value) => typeof value === 'boolean' },
  addTag: { paperId, tag: text(MAX_TAG_LENGTH) },
  removeTag: { paperId, tag: text(MAX_TAG_LENGTH) },
  saveNote: { paperId, note: text(MAX_NOTE_LENGTH, true) },
  openLink: { paperId, url: text(MAX_URL_LENGTH) },
  editing: { editing: (value) => typeof value === 'boolean' },
  search: {},
};

/** True only for a plain object that is exactly one WebviewMessage variant: known type, every field valid, nothing else. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isPlainObject(value)) return false;
  const type = value.type;
  if (typeof type !== 'string' || !Object.hasOwn(WEBVIEW_MESSAGE_FIELDS, type)) return false;
  const fields = WEBVIEW_MESSAGE_FIELDS[type as WebviewMessage['type']];
  const keys = Object.keys(value);
  if (keys.length !== Object.keys(fields).length + 1) return false;
  return keys.every((key) => key === 'type' || (Object.hasOwn(fields, key) && fields[key]!(value[key])));
}

export function isReaderState(value: unknown): value is ReaderState {
  return isPlainObject(value) && paperId(value.paperId);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
