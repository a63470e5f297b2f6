/**
 * Which vocabulary terms a query term stands for, with lunr's semantics: a plain term is itself; `*` in a
 * term matches any run of characters (so `trans*` is every term starting with "trans"); a term with an edit
 * distance matches every term within that many insertions, deletions, substitutions or transpositions of
 * adjacent characters. Works on a sorted vocabulary: prefixes by binary search, other patterns by a scan
 * narrowed to the prefix before the first `*`.
 */
import { lowerBound } from './postings';

/** Terms of `sorted` that `term` expands to; at most `limit` + 1 are returned (enough to tell "too many"). */
export function expandTerm(
  sorted: readonly string[],
  term: string,
  editDistance: number,
  limit: number,
): string[] {
  if (editDistance > 0) return withinEdits(sorted, term, editDistance, limit);
  const star = term.indexOf('*');
  if (star < 0) {
    const i = lowerBound(sorted, term);
    return sorted[i] === term ? [term] : [];
  }
  const prefix = term.slice(0, star);
  const start = lowerBound(sorted, prefix);
  const end = prefix === '' ? sorted.length : lowerBound(sorted, prefixEnd(prefix));
  const out: string[] = [];
  if (star === term.length - 1 && !term.slice(0, -1).includes('*')) {
    for (let i = start; i < end && out.length <= limit; i++) out.push(sorted[i]!);
    return out;
  }
  const pattern = wildcardPattern(term);
  for (let i = start; i < end && out.length <= limit; i++) if (pattern.test(sorted[i]!)) out.push(sorted[i]!);
  return out;
}

/** The smallest string greater than every string starting with `prefix`. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function wildcardPattern(term: string): RegExp {
  const parts = term.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 'su');
}

function withinEdits(sorted: readonly string[], term: string, distance: number, limit: number): string[] {
  const out: string[] = [];
  const rows = new EditRows(term.length + distance + 1);
  for (const candidate of sorted) {
    if (Math.abs(candidate.length - term.length) > distance) continue;
    if (rows.withinDistance(term, candidate, distance)) {
      out.push(candidate);
      if (out.length > limit) break;
    }
  }
  return out;
}

/** Scratch rows for the optimal-string-alignment distance (insert, delete, substitute, swap adjacent). */
export class EditRows {
  private prevPrev: Int32Array;
  private prev: Int32Array;
  private row: Int32Array;

  constructor(width: number) {
    this.prevPrev = new Int32Array(width + 1);
    this.prev = new Int32Array(width + 1);
    this.row = new Int32Array(width + 1);
  }

  /** Whether the distance between a and b is at most max; stops as soon as a whole row exceeds max. */
  withinDistance(a: string, b: string, max: number): boolean {
    const n = b.length;
    if (n + 1 > this.row.length) return new EditRows(n).withinDistance(a, b, max);
    let prevPrev = this.prevPrev;
    let prev = this.prev;
    let row = this.row;
    for (let j = 0; j <= n; j++) prev[j] = j;
    for (let i = 1; i <= a.length; i++) {
      row[0] = i;
      let rowMin = i;
      const ai = a.charCodeAt(i - 1);
      for (let j = 1; j <= n; j++) {
        const bj = b.charCodeAt(j - 1);
        let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
        if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
          d = Math.min(d, prevPrev[j - 2]! + 1);
        }
        row[j] = d;
        if (d < rowMin) rowMin = d;
      }
      if (rowMin > max) return false;
      const spare = prevPrev;
      prevPrev = prev;
      prev = row;
      row = spare;
    }
    return prev[n]! <= max;
  }
}
