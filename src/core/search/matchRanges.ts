/** Match positions for highlighting: half-open character ranges into a paper's title or abstract. */
import type lunr from 'lunr';

export type HighlightField = 'title' | 'abstract';

export interface MatchRange {
  field: HighlightField;
  /** Index of the first highlighted character. */
  start: number;
  /** Index just after the last highlighted character. */
  end: number;
}

const HIGHLIGHT_FIELDS: readonly HighlightField[] = ['title', 'abstract'];

type PositionMetadata = { position?: Array<[number, number]> };

/** Ranges of every matched word in title and abstract, from lunr's position metadata. */
export function rangesFromLunr(matchData: lunr.MatchData): MatchRange[] {
  const ranges: MatchRange[] = [];
  const byTerm = matchData.metadata as Record<string, Record<string, PositionMetadata>>;
  for (const term of Object.keys(byTerm)) {
    const fields = byTerm[term] ?? {};
    for (const field of HIGHLIGHT_FIELDS) {
      for (const [start, length] of fields[field]?.position ?? []) {
        ranges.push({ field, start, end: start + length });
      }
    }
  }
  return mergeRanges(ranges);
}

/** Sorts ranges (title first, then by start) and merges those that overlap or touch. */
export function mergeRanges(ranges: readonly MatchRange[]): MatchRange[] {
  const sorted = [...ranges]
    .filter((r) => r.end > r.start)
    .sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field) || a.start - b.start || a.end - b.end);
  const merged: MatchRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.field === range.field && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

function fieldOrder(field: HighlightField): number {
  return HIGHLIGHT_FIELDS.indexOf(field);
}
