/**
 * Match ranges for one hit, computed from the paper's text when asked for: every word whose index term is
 * one of the terms the query matched in that field. The same words lunr would have recorded positions for,
 * without storing a position per word of the corpus.
 */
import type { Paper } from '../model/paper';
import { HIGHLIGHT_FIELDS, mergeRanges, type MatchRange } from './matchRanges';
import type { TermPipeline } from './termPipeline';
import { wordSpans } from './words';

export function matchRangesOf(
  paper: Pick<Paper, 'title' | 'abstract'>,
  termsByField: ReadonlyMap<string, ReadonlySet<string>>,
  pipeline: TermPipeline,
): MatchRange[] {
  const ranges: MatchRange[] = [];
  for (const field of HIGHLIGHT_FIELDS) {
    const terms = termsByField.get(field);
    if (!terms || terms.size === 0) continue;
    for (const span of wordSpans(paper[field])) {
      const term = pipeline.termOf(span.text);
      if (term !== undefined && terms.has(term)) ranges.push({ field, start: span.start, end: span.end });
    }
  }
  return mergeRanges(ranges);
}
