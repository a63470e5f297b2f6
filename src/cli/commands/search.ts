import { SearchIndex } from '../../core/search';
import { triageOf, type TriageState } from '../../core/triage';
import type { LoadedCorpora } from '../corpora';
import { field, json, type Io } from '../output';

/** `litriage search QUERY`: the same combined (full-text + fuzzy title) ranking the palette shows. */
export function searchCommand(
  corpora: LoadedCorpora,
  state: TriageState,
  query: string,
  options: { json: boolean; limit: number },
  io: Io,
): number {
  const byId = new Map(corpora.papers.map((p) => [p.id, p]));
  const index = SearchIndex.build(corpora.papers, {
    tags: (id) => {
      const paper = byId.get(id);
      return paper ? triageOf(state, paper).tags : [];
    },
  });
  const hits = index.combined(query, { limit: options.limit });
  const rows = hits.map((h) => ({ id: h.id, title: byId.get(h.id)?.title ?? '', score: round(h.score) }));
  if (options.json) {
    io.data(json(rows));
  } else if (rows.length === 0) {
    io.out(`No papers match "${field(query)}".`);
  } else {
    rows.forEach((r, i) =>
      io.out(`${String(i + 1).padStart(3)}. ${field(r.title)}  [${field(r.id)}, ${r.score}]`),
    );
  }
  return 0;
}

function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
