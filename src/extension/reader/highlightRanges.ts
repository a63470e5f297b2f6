import type { SearchIndex } from '../../core/search';
import type { HighlightRange } from '../../webview/protocol';

/**
 * Where `query` matched in one paper's title and abstract, from the core search's match ranges: the
 * full-text hit first, else the combined (fuzzy title) ranking's hit, else nothing.
 */
export function highlightRanges(index: SearchIndex, paperId: string, query: string): HighlightRange[] {
  if (query.trim() === '') return [];
  const hit =
    index.search(query).find((h) => h.id === paperId) ?? index.combined(query).find((h) => h.id === paperId);
  return (hit?.matches ?? []).map(({ field, start, end }) => ({ field, start, end }));
}
