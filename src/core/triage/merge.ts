/**
 * merge(local, disk, base?): combines this window's state with the state file as changed elsewhere
 * (another window, a `git pull`). Deterministic and symmetric in what it keeps; nothing either side added
 * is lost.
 *
 * With `base` (the state both sides started from, e.g. what this window last read from disk), per paper:
 * - A side that did not change the paper since `base` takes the other side's version as a whole
 *   (including "reset to untriaged", which removes the entry).
 * - tags: the union of both sides, minus tags that were in `base` and that either side removed.
 * - note: the side that changed it; if both changed it differently, both texts are kept (see mergeNotes).
 * - status, key: the side that changed it; if both did, the side with the newer `updated` time.
 * - reason: goes with the status when one side's status won (the reason it was excluded for); when both sides
 *   agree on the status, the side that changed the reason, or the newer one. The full-text stage is merged
 *   the same way member by member (its status with its reason, the PDF, "not retrieved").
 *   (A key is never dropped for lack of one: a side without a key never beats a side with one unless it
 *   removed the key itself, which the operations never do.)
 * - title: from the newer side; updated: the newer of the two.
 *
 * Without `base` nothing is known about removals, so it is a union: a paper on one side only is kept as it
 * is; on both sides, tags are united, notes merged as below, and status, key and title come from the newer
 * side (a missing key never wins over a present one).
 *
 * Ties in `updated` (the same millisecond) are broken by a fixed order, so the result never depends on
 * which side is called local: for status include > maybe > exclude > untriaged, for other strings the
 * smaller in code-unit order.
 */
import { compareCodeUnits, isEmptyTriage, makeFullText, makeTriage, sameFullText } from './normalize';
import type { FullTextReview, PaperTriage, TriageState, TriageStatus } from './types';

export const NOTE_MERGE_SEPARATOR = '--- merged: both versions of this note are kept ---';

const EMPTY: PaperTriage = makeTriage({ title: '', status: 'untriaged', tags: [], note: '', updated: '' });

const STATUS_RANK: Record<TriageStatus, number> = { include: 3, maybe: 2, exclude: 1, untriaged: 0 };

function time(entry: PaperTriage): number {
  const t = Date.parse(entry.updated);
  return Number.isNaN(t) ? -Infinity : t;
}

/** The newer of two entries; on a tie, `tieBreak` decides (negative: `a`). */
function newer(
  a: PaperTriage,
  b: PaperTriage,
  tieBreak: (a: PaperTriage, b: PaperTriage) => number,
): PaperTriage {
  const diff = time(a) - time(b);
  if (diff !== 0 && !Number.isNaN(diff)) return diff > 0 ? a : b;
  return tieBreak(a, b) <= 0 ? a : b;
}

const byStatusRank = (a: PaperTriage, b: PaperTriage): number =>
  STATUS_RANK[b.status] - STATUS_RANK[a.status];
const byKey = (a: PaperTriage, b: PaperTriage): number => {
  if (a.key === undefined || b.key === undefined) return a.key === undefined ? 1 : -1;
  return compareCodeUnits(a.key, b.key);
};
const byTitle = (a: PaperTriage, b: PaperTriage): number => compareCodeUnits(a.title, b.title);

/**
 * Notes: equal, unchanged on one side, or empty on one side → the other. If one text contains the other,
 * the longer one (it loses nothing, and merging a merged note again is stable). Otherwise both texts,
 * the older edit first, joined by a blank line, NOTE_MERGE_SEPARATOR and a blank line.
 */
function mergeNotes(local: PaperTriage, disk: PaperTriage, base?: PaperTriage): string {
  const [l, d] = [local.note, disk.note];
  if (l === d) return l;
  if (base) {
    if (l === base.note) return d;
    if (d === base.note) return l;
  }
  if (l === '' || d.includes(l)) return d;
  if (d === '' || l.includes(d)) return l;
  const first = newer(local, disk, (a, b) => compareCodeUnits(b.note, a.note)) === local ? disk : local;
  const second = first === local ? disk : local;
  return `${first.note}\n\n${NOTE_MERGE_SEPARATOR}\n\n${second.note}`;
}

function sameContent(a: PaperTriage, b: PaperTriage): boolean {
  return (
    a.status === b.status &&
    a.reason === b.reason &&
    sameFullText(a.fullText, b.fullText) &&
    a.note === b.note &&
    a.key === b.key &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

function mergeTags(local: PaperTriage, disk: PaperTriage, base?: PaperTriage): string[] {
  const removed = new Set<string>();
  for (const tag of base?.tags ?? []) {
    if (!local.tags.includes(tag) || !disk.tags.includes(tag)) removed.add(tag);
  }
  const union = new Set([...local.tags, ...disk.tags]);
  return [...union].filter((t) => !removed.has(t)).sort(compareCodeUnits);
}

function pickChanged<T>(l: T, d: T, b: T | undefined, hasBase: boolean, whenBothChanged: () => T): T {
  if (l === d) return l;
  if (hasBase) {
    if (l === b) return d;
    if (d === b) return l;
  }
  return whenBothChanged();
}

interface Decided {
  status: TriageStatus;
  reason?: string | undefined;
}

/** A status with its reason: the reason follows the side whose status won. */
function mergeDecision(
  local: Decided,
  disk: Decided,
  base: Decided | undefined,
  hasBase: boolean,
  newerSide: () => 'local' | 'disk',
): Decided {
  const status = pickChanged(local.status, disk.status, base?.status, hasBase, () =>
    newerSide() === 'local' ? local.status : disk.status,
  );
  if (local.status !== disk.status) return status === local.status ? local : disk;
  const reason = pickChanged(local.reason, disk.reason, base?.reason, hasBase, () => {
    if (local.reason === undefined || disk.reason === undefined) return local.reason ?? disk.reason;
    return newerSide() === 'local' ? local.reason : disk.reason;
  });
  return { status, reason };
}

const NO_FULL_TEXT: FullTextReview = { status: 'untriaged' };

function mergeFullText(
  local: PaperTriage,
  disk: PaperTriage,
  base: PaperTriage | undefined,
  newerSide: (tieBreak: (a: PaperTriage, b: PaperTriage) => number) => 'local' | 'disk',
): FullTextReview | undefined {
  const [l, d] = [local.fullText ?? NO_FULL_TEXT, disk.fullText ?? NO_FULL_TEXT];
  const b = base ? (base.fullText ?? NO_FULL_TEXT) : undefined;
  const hasBase = base !== undefined;
  const byFullTextStatus = (x: PaperTriage, y: PaperTriage) =>
    STATUS_RANK[(y.fullText ?? NO_FULL_TEXT).status] - STATUS_RANK[(x.fullText ?? NO_FULL_TEXT).status];
  const decision = mergeDecision(l, d, b, hasBase, () => newerSide(byFullTextStatus));
  const pdf = pickChanged(l.pdf, d.pdf, b?.pdf, hasBase, () => {
    if (l.pdf === undefined || d.pdf === undefined) return l.pdf ?? d.pdf;
    return newerSide((x, y) => compareCodeUnits(x.fullText?.pdf ?? '', y.fullText?.pdf ?? '')) === 'local'
      ? l.pdf
      : d.pdf;
  });
  // Not retrieved is a fact someone found out: kept unless a side took it back since the base.
  const retrieved = pickChanged(l.retrieved, d.retrieved, b?.retrieved, hasBase, () => false as const);
  return makeFullText({ ...decision, pdf, retrieved });
}

function mergeEntry(local: PaperTriage, disk: PaperTriage, base: PaperTriage | undefined): PaperTriage {
  const hasBase = base !== undefined;
  const newerSide = (tieBreak: (a: PaperTriage, b: PaperTriage) => number) =>
    newer(local, disk, tieBreak) === local ? ('local' as const) : ('disk' as const);
  const { status, reason } = mergeDecision(local, disk, base, hasBase, () => newerSide(byStatusRank));
  const key = pickChanged(local.key, disk.key, base?.key, hasBase, () => {
    if (local.key === undefined || disk.key === undefined) return local.key ?? disk.key;
    return newer(local, disk, byKey).key;
  });
  const latest = newer(local, disk, byTitle);
  return makeTriage({
    title: latest.title || local.title || disk.title,
    status,
    reason,
    fullText: mergeFullText(local, disk, base, newerSide),
    tags: mergeTags(local, disk, base),
    note: mergeNotes(local, disk, base),
    key,
    updated: time(local) >= time(disk) ? local.updated : disk.updated,
  });
}

export function merge(local: TriageState, disk: TriageState, base?: TriageState): TriageState {
  const ids = new Set([...local.papers.keys(), ...disk.papers.keys()]);
  const papers = new Map<string, PaperTriage>();
  for (const id of [...ids].sort(compareCodeUnits)) {
    const l = local.papers.get(id);
    const d = disk.papers.get(id);
    let result: PaperTriage;
    if (base) {
      const b = base.papers.get(id) ?? EMPTY;
      const [lx, dx] = [l ?? EMPTY, d ?? EMPTY];
      if (sameContent(lx, b)) result = dx;
      else if (sameContent(dx, b)) result = lx;
      else result = mergeEntry(lx, dx, b);
    } else {
      result = l && d ? mergeEntry(l, d, undefined) : (l ?? d)!;
    }
    if (!isEmptyTriage(result)) papers.set(id, result);
  }
  return { papers };
}
