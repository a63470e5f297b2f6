import type { HighlightRange } from './protocol';

export interface Segment {
  text: string;
  /** Inside a match of the search query. */
  marked: boolean;
  /** Inside an inclusion or exclusion term (the term as written in the setting). */
  term?: { kind: 'include' | 'exclude'; term: string };
}

interface Span {
  start: number;
  end: number;
}

/**
 * Cuts `text` into pieces from the ranges of one field: search matches (`marked`) and highlight terms (`term`),
 * which may overlap each other. Ranges come from the host, so they are clamped to the text and sorted; matches
 * are merged where they overlap or touch, and a term range that overlaps an earlier one is dropped. The pieces
 * always join back to exactly `text`.
 */
export function highlightSegments(text: string, ranges: readonly HighlightRange[], offset = 0): Segment[] {
  const local = ranges
    .map((r) => ({
      start: clamp(r.start - offset, text.length),
      end: clamp(r.end - offset, text.length),
      kind: r.kind,
      term: typeof r.term === 'string' ? r.term : '',
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const matches: Span[] = [];
  const terms: (Span & { kind: 'include' | 'exclude'; term: string })[] = [];
  for (const range of local) {
    if (range.kind === 'include' || range.kind === 'exclude') {
      const last = terms[terms.length - 1];
      if (!last || range.start >= last.end) terms.push({ ...range, kind: range.kind });
      continue;
    }
    const last = matches[matches.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else matches.push({ start: range.start, end: range.end });
  }
  const cuts = new Set<number>([0, text.length]);
  for (const span of [...matches, ...terms]) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let m = 0;
  let t = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    while (m < matches.length && matches[m]!.end <= from) m++;
    while (t < terms.length && terms[t]!.end <= from) t++;
    const marked = m < matches.length && matches[m]!.start <= from;
    const covering = t < terms.length && terms[t]!.start <= from ? terms[t] : undefined;
    const last = segments[segments.length - 1];
    // Plain text cut only by a term's end joins up again; each term range is a piece (or pieces, where a
    // match starts or ends inside it) of its own.
    if (last && !last.term && !covering && last.marked === marked) {
      last.text += text.slice(from, to);
      continue;
    }
    segments.push({
      text: text.slice(from, to),
      marked,
      ...(covering ? { term: { kind: covering.kind, term: covering.term } } : {}),
    });
  }
  if (segments.length === 0) segments.push({ text: '', marked: false });
  return segments;
}

function clamp(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 0), max) : 0;
}

/** Paragraphs of an abstract (split at blank lines) with their offsets, so highlight ranges still line up. */
export function paragraphs(text: string): { text: string; offset: number }[] {
  const result: { text: string; offset: number }[] = [];
  const separator = /\n{2,}/g;
  let start = 0;
  for (const match of text.matchAll(separator)) {
    result.push({ text: text.slice(start, match.index), offset: start });
    start = match.index + match[0].length;
  }
  result.push({ text: text.slice(start), offset: start });
  return result.filter((p) => p.text.trim() !== '');
}
