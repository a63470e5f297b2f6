/**
 * Chooses the papers to export and gives each its entry and citation key.
 *
 * Keys: a pinned key (triage state) is always used as it is. Papers without one get a new key
 * (citeKey.ts) that avoids every key pinned anywhere in the state and every key of the target .bib
 * (`reservedKeys`), case-insensitively. New keys are handed out in paper-id order, not corpus order, so
 * the same set of papers gets the same keys however the corpus is sorted. The caller pins the returned
 * `newPins` (paper id → key; triage `pinKeys`) when it writes the file, so a key never changes once
 * exported.
 *
 * Two exported papers pinned to the same key (possible after hand edits or a merge) cannot both be
 * written; the later one in corpus order is left out and reported in `conflicts`.
 */
import type { Paper } from '../model/paper';
import { lookupTriage } from '../triage/operations';
import type { PaperRef, PaperTriage, TriageState, TriageStatus } from '../triage/types';
import { claimCiteKey } from './citeKey';
import { buildEntry, type BibEntry } from './entry';
import { compareCodeUnits, isValidCitationKey, normalizeTag } from '../triage/normalize';

export interface ExportOptions {
  /** Statuses to export, or 'all'. Default: include only. */
  statuses?: readonly TriageStatus[] | 'all';
  /** Export only papers carrying this tag (compared after tag normalisation, case-sensitively). */
  tag?: string;
  /** Keys the target file already holds: never given to a new paper. */
  reservedKeys?: Iterable<string>;
}

export interface KeyConflict {
  paperId: string;
  key: string;
  /** The paper that keeps the key. */
  heldBy: string;
}

interface ExportResult {
  /** In corpus order. */
  entries: BibEntry[];
  /** Keys given to papers that had none (paper id → key, in paper-id order): pin them when the file is written. */
  newPins: Map<string, string>;
  conflicts: KeyConflict[];
}

/** A paper in scope with its triage and the key it is cited by. */
export interface KeyedPaper {
  paper: Paper;
  triage: PaperTriage | undefined;
  key: string;
}

interface KeyedResult {
  /** In corpus order, one per key (see `conflicts`). */
  papers: KeyedPaper[];
  newPins: Map<string, string>;
  conflicts: KeyConflict[];
}

function inScope(triage: PaperTriage | undefined, options: ExportOptions): boolean {
  const status = triage?.status ?? 'untriaged';
  const statuses = options.statuses ?? ['include'];
  if (statuses !== 'all' && !statuses.includes(status)) return false;
  if (options.tag !== undefined && !(triage?.tags ?? []).includes(normalizeTag(options.tag))) return false;
  return true;
}

/** The papers the options choose, in corpus order, each with its triage. */
export function papersInScope<P extends PaperRef>(
  papers: readonly P[],
  state: TriageState,
  options: ExportOptions = {},
): { paper: P; triage: PaperTriage | undefined }[] {
  return papers
    .map((paper) => ({ paper, triage: lookupTriage(state, paper) }))
    .filter(({ triage }) => inScope(triage, options));
}

export function exportEntries(
  papers: readonly Paper[],
  state: TriageState,
  options: ExportOptions = {},
): ExportResult {
  const keyed = keyPapers(papers, state, options);
  return {
    entries: keyed.papers.map(({ paper, key, triage }) => buildEntry(paper, key, triage)),
    newPins: keyed.newPins,
    conflicts: keyed.conflicts,
  };
}

/**
 * The papers in scope with the keys Export BibTeX gives them: every format that names papers by key (the .bib,
 * CSL-JSON) goes through here, so their keys agree.
 */
export function keyPapers(
  papers: readonly Paper[],
  state: TriageState,
  options: ExportOptions = {},
): KeyedResult {
  const chosen = papersInScope(papers, state, options);

  const pinned = new Set<string>();
  for (const entry of state.papers.values()) if (entry.key) pinned.add(entry.key.toLowerCase());
  const taken = new Set(pinned);
  for (const key of options.reservedKeys ?? []) taken.add(key.toLowerCase());
  const claimed = new Set<string>();

  const keys = new Map<string, string>();
  const newPins = new Map<string, string>();
  const unpinned = chosen
    .filter(({ triage }) => !triage?.key)
    .sort((a, b) => compareCodeUnits(a.paper.id, b.paper.id));
  for (const { paper } of unpinned) {
    if (keys.has(paper.id)) continue;
    const key = sourceKey(paper, pinned, claimed) ?? claimCiteKey(paper, taken);
    taken.add(key.toLowerCase());
    claimed.add(key.toLowerCase());
    keys.set(paper.id, key);
    newPins.set(paper.id, key);
  }

  const keyed: KeyedPaper[] = [];
  const conflicts: KeyConflict[] = [];
  const writtenBy = new Map<string, string>();
  for (const { paper, triage } of chosen) {
    const key = triage?.key ?? keys.get(paper.id)!;
    const holder = writtenBy.get(key.toLowerCase());
    if (holder !== undefined) {
      if (holder !== paper.id) conflicts.push({ paperId: paper.id, key, heldBy: holder });
      continue;
    }
    writtenBy.set(key.toLowerCase(), paper.id);
    keyed.push({ paper, triage, key });
  }
  return { papers: keyed, newPins, conflicts };
}

/**
 * The key the paper's own .bib gave it, when no pinned key or other paper of this export holds it. It may be in
 * the target file already: that is the same entry, which the merge then keeps as it is.
 */
function sourceKey(
  paper: Paper,
  pinned: ReadonlySet<string>,
  claimed: ReadonlySet<string>,
): string | undefined {
  const key = paper.citationKey;
  if (!key || !isValidCitationKey(key)) return undefined;
  const folded = key.toLowerCase();
  return pinned.has(folded) || claimed.has(folded) ? undefined : key;
}
