/** Match positions for highlighting: half-open character ranges into a paper's title or abstract. */

type HighlightField = 'title' | 'abstract';

export interface MatchRange {
  field: HighlightField;
  /** Index of the first highlighted character. */
  start: number;
  /** Index just after the last highlighted character. */
  end: number;
}

export const HIGHLIGHT_FIELDS: readonly HighlightField[] = ['title', 'abstract'];

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
