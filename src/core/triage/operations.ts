/**
 * Pure triage operations: each returns a new state (or the same object when nothing changed, so no-ops
 * leave no undo step). The caller passes the time; nothing here reads a clock.
 */
import {
  canonicalTags,
  isEmptyTriage,
  isValidCitationKey,
  makeFullText,
  makeTriage,
  normalizeNote,
  normalizePdfPath,
  normalizeReason,
  normalizeTag,
  sameFullText,
} from './normalize';
import type { FullTextReview, PaperRef, PaperTriage, ReviewStage, TriageState, TriageStatus } from './types';

interface Located {
  storedUnder: string;
  entry: PaperTriage;
}

function locate(state: TriageState, paper: PaperRef): Located | undefined {
  for (const id of [paper.id, ...(paper.aliases ?? [])]) {
    const entry = state.papers.get(id);
    if (entry) return { storedUnder: id, entry };
  }
  return undefined;
}

/** The paper's saved triage: under its id first, then under its aliases (ids it had before a merge). */
export function lookupTriage(state: TriageState, paper: PaperRef): PaperTriage | undefined {
  return locate(state, paper)?.entry;
}

/** The triage a paper has, with defaults for papers never touched. */
export function triageOf(state: TriageState, paper: PaperRef): PaperTriage {
  return (
    lookupTriage(state, paper) ??
    makeTriage({ title: paper.title, status: 'untriaged', tags: [], note: '', updated: '' })
  );
}

type Fields = Pick<PaperTriage, 'status' | 'reason' | 'fullText' | 'tags' | 'note' | 'key'>;

function sameFields(a: Fields, b: Fields): boolean {
  return (
    a.status === b.status &&
    a.reason === b.reason &&
    sameFullText(a.fullText, b.fullText) &&
    a.note === b.note &&
    a.key === b.key &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

/** The reason only while excluded, an empty full-text review dropped: what makeTriage would store. */
function canonicalFields(fields: Fields): Fields {
  const { reason, fullText, ...rest } = makeTriage({ ...fields, title: '', updated: '' });
  return { ...rest, reason, fullText };
}

/**
 * Applies `change` to each paper's fields. An entry found under an alias moves to the paper's current id.
 * Entries that end up empty are removed.
 */
function applyToEach(
  state: TriageState,
  papers: Iterable<PaperRef>,
  now: string,
  change: (current: PaperTriage, paper: PaperRef) => Fields,
): TriageState {
  let next: Map<string, PaperTriage> | undefined;
  for (const paper of papers) {
    const view: TriageState = next ? { papers: next } : state;
    const found = locate(view, paper);
    const current = found?.entry ?? triageOf(view, paper);
    const fields = canonicalFields(change(current, paper));
    if (sameFields(current, fields)) continue;
    next ??= new Map(state.papers);
    if (found) next.delete(found.storedUnder);
    const entry = makeTriage({ ...fields, title: paper.title, updated: now });
    if (!isEmptyTriage(entry)) next.set(paper.id, entry);
  }
  return next ? { papers: next } : state;
}

/**
 * The reason rule of both stages: excluding with a reason records it; excluding without one keeps the reason
 * an excluded paper already has; any other decision clears it.
 */
function reasonFor(
  status: TriageStatus,
  given: string | undefined,
  current: { status: TriageStatus; reason?: string | undefined },
): string | undefined {
  if (status !== 'exclude') return undefined;
  return normalizeReason(given) ?? (current.status === 'exclude' ? current.reason : undefined);
}

export function setStatus(
  state: TriageState,
  paper: PaperRef,
  status: TriageStatus,
  now: string,
  reason?: string,
): TriageState {
  return setStatusMany(state, [paper], status, now, reason);
}

/** The title/abstract decision, with the reason rule of `reasonFor`. */
export function setStatusMany(
  state: TriageState,
  papers: Iterable<PaperRef>,
  status: TriageStatus,
  now: string,
  reason?: string,
): TriageState {
  return applyToEach(state, papers, now, (current) => ({
    ...current,
    status,
    reason: reasonFor(status, reason, current),
  }));
}

const NO_FULL_TEXT: FullTextReview = { status: 'untriaged' };

function withFullText(current: PaperTriage, change: Partial<FullTextReview>): Fields {
  const before = current.fullText ?? NO_FULL_TEXT;
  return { ...current, fullText: makeFullText({ ...before, ...change }) };
}

/** The full-text decision, with the same reason rule as the title/abstract one. */
export function setFullTextStatusMany(
  state: TriageState,
  papers: Iterable<PaperRef>,
  status: TriageStatus,
  now: string,
  reason?: string,
): TriageState {
  return applyToEach(state, papers, now, (current) => {
    const before = current.fullText ?? NO_FULL_TEXT;
    return withFullText(current, { status, reason: reasonFor(status, reason, before) });
  });
}

/** A decision at `stage`: the title/abstract status or the full-text one. */
export function decideMany(
  state: TriageState,
  papers: Iterable<PaperRef>,
  stage: ReviewStage,
  status: TriageStatus,
  now: string,
  reason?: string,
): TriageState {
  return stage === 'fullText'
    ? setFullTextStatusMany(state, papers, status, now, reason)
    : setStatusMany(state, papers, status, now, reason);
}

/** Links (or, with undefined, unlinks) the paper's full text: a workspace-relative path. */
export function setFullTextPdf(
  state: TriageState,
  paper: PaperRef,
  pdf: string | undefined,
  now: string,
): TriageState {
  const clean = normalizePdfPath(pdf);
  return applyToEach(state, [paper], now, (current) => withFullText(current, { pdf: clean }));
}

/** `false`: the reports were sought and could not be retrieved; `true` takes that back. */
export function setRetrievedMany(
  state: TriageState,
  papers: Iterable<PaperRef>,
  retrieved: boolean,
  now: string,
): TriageState {
  return applyToEach(state, papers, now, (current) =>
    withFullText(current, { retrieved: retrieved ? undefined : false }),
  );
}

/** The paper's decision at `stage`. */
export function statusAt(triage: PaperTriage, stage: ReviewStage): TriageStatus {
  return stage === 'fullText' ? (triage.fullText?.status ?? 'untriaged') : triage.status;
}

/** The paper's exclusion reason at `stage`, if it is excluded there with one. */
export function reasonAt(triage: PaperTriage, stage: ReviewStage): string | undefined {
  return stage === 'fullText' ? triage.fullText?.reason : triage.reason;
}

export function addTag(state: TriageState, paper: PaperRef, tag: string, now: string): TriageState {
  return addTagMany(state, [paper], tag, now);
}

export function addTagMany(
  state: TriageState,
  papers: Iterable<PaperRef>,
  tag: string,
  now: string,
): TriageState {
  const clean = normalizeTag(tag);
  if (!clean) return state;
  return applyToEach(state, papers, now, (current) => ({
    ...current,
    tags: canonicalTags([...current.tags, clean]),
  }));
}

export function removeTag(state: TriageState, paper: PaperRef, tag: string, now: string): TriageState {
  return removeTagMany(state, [paper], tag, now);
}

export function removeTagMany(
  state: TriageState,
  papers: Iterable<PaperRef>,
  tag: string,
  now: string,
): TriageState {
  const clean = normalizeTag(tag);
  return applyToEach(state, papers, now, (current) => ({
    ...current,
    tags: current.tags.filter((t) => t !== clean),
  }));
}

export function setNote(state: TriageState, paper: PaperRef, note: string, now: string): TriageState {
  const clean = normalizeNote(note);
  return applyToEach(state, [paper], now, (current) => ({ ...current, note: clean }));
}

export class InvalidCitationKeyError extends Error {
  constructor(readonly key: string) {
    super(`"${key}" is not a usable citation key (ASCII letters and digits, then also _ : . + / -)`);
    this.name = 'InvalidCitationKeyError';
  }
}

/** Pins (or explicitly re-pins) a paper's citation key. Export never re-pins a key that is already set. */
export function pinKey(state: TriageState, paper: PaperRef, key: string, now: string): TriageState {
  return pinKeys(state, [[paper, key]], now);
}

export function pinKeys(
  state: TriageState,
  pins: Iterable<readonly [PaperRef, string]>,
  now: string,
): TriageState {
  const list = [...pins];
  for (const [, key] of list) if (!isValidCitationKey(key)) throw new InvalidCitationKeyError(key);
  const byId = new Map(list.map(([paper, key]) => [paper.id, key]));
  return applyToEach(
    state,
    list.map(([paper]) => paper),
    now,
    (current, paper) => ({ ...current, key: byId.get(paper.id) }),
  );
}

/** A decision made elsewhere (a corpus file's label) to take over; see importDecisions. */
export interface DecisionToImport {
  readonly paper: PaperRef;
  readonly status: Exclude<TriageStatus, 'untriaged'>;
  /** Why the paper was excluded: its title/abstract exclusion reason. */
  readonly reason?: string;
  /** The file's notes on the paper: appended to the note. */
  readonly note?: string;
  readonly tags?: readonly string[];
}

/**
 * Takes over decisions for papers that have none here. A paper with any status (under its id or an alias) is
 * skipped, whatever the decision says, and so is a second decision for a paper in the same batch. An imported
 * paper gets the status and the reason (of an exclusion), the file's note appended to its note (unless already
 * there), and the tags added. Returns the new state and the ids of the papers imported and skipped.
 */
export function importDecisions(
  state: TriageState,
  decisions: Iterable<DecisionToImport>,
  now: string,
): { state: TriageState; imported: string[]; skipped: string[] } {
  const take = new Map<string, DecisionToImport>();
  const skipped: string[] = [];
  for (const d of decisions) {
    const status = lookupTriage(state, d.paper)?.status ?? 'untriaged';
    if (status !== 'untriaged' || take.has(d.paper.id)) skipped.push(d.paper.id);
    else take.set(d.paper.id, d);
  }
  const next = applyToEach(
    state,
    [...take.values()].map((d) => d.paper),
    now,
    (current, paper) => {
      const d = take.get(paper.id)!;
      const lines = current.note ? [current.note] : [];
      const add = (text: string | undefined) => {
        const clean = text?.trim();
        if (clean && !current.note.includes(clean)) lines.push(clean);
      };
      add(d.note);
      return {
        ...current,
        status: d.status,
        reason: reasonFor(d.status, d.reason, current),
        note: normalizeNote(lines.join('\n')),
        tags: canonicalTags([...current.tags, ...(d.tags ?? [])]),
      };
    },
  );
  return { state: next, imported: [...take.keys()], skipped };
}
