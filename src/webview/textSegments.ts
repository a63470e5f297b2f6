import type { HighlightRange } from './protocol';

interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Cuts `text` into plain and marked pieces from the ranges of one field. Ranges come from the host, so they
 * are clamped to the text, sorted, and merged where they overlap or touch; the pieces always join back to
 * exactly `text`.
 */
export function highlightSegments(text: string, ranges: readonly HighlightRange[], offset = 0): Segment[] {
  const local = ranges
    .map((r) => ({ start: clamp(r.start - offset, text.length), end: clamp(r.end - offset, text.length) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const range of local) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const range of merged) {
    if (range.start > at) segments.push({ text: text.slice(at, range.start), marked: false });
    segments.push({ text: text.slice(range.start, range.end), marked: true });
    at = range.end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), marked: false });
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
