import type { HighlightRange, PaperView, SimilarPaperView } from '../../webview/protocol';
import type { PaperDetail } from '../../worker/protocol';
import type { Library } from '../library';
import { statusLook } from '../shared/statusLook';

/** What the webview shows for a paper: the worker's detail (text, matches, similar papers) and the host's triage. */
export function paperView(library: Library, detail: PaperDetail, orderedIds: readonly string[]): PaperView {
  const { paper } = detail;
  const triage = library.triage(paper);
  const index = orderedIds.indexOf(paper.id);
  const topic = library.topicOfPaper(paper.id);
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors ?? [],
    ...(paper.year !== undefined ? { year: paper.year } : {}),
    ...(paper.venue ? { venue: paper.venue } : {}),
    ...(topic ? { topic: topic.label } : {}),
    status: triage.status,
    statusLabel: statusLook(triage.status).label,
    tags: [...triage.tags],
    note: triage.note,
    links: [...paper.links],
    highlights: detail.highlights.map(({ field, start, end }): HighlightRange => ({ field, start, end })),
    similar: detail.similar.flatMap((id) => similarView(library, id)),
    ...(triage.status === 'untriaged' && detail.suggestedBecause.length
      ? { suggestedBecause: [...detail.suggestedBecause] }
      : {}),
    ...(index >= 0 ? { position: { index: index + 1, total: orderedIds.length } } : {}),
  };
}

function similarView(library: Library, id: string): SimilarPaperView[] {
  const other = library.paper(id);
  if (!other) return [];
  const { status } = library.triage(other);
  return [{ id, title: other.title, status, statusLabel: statusLook(status).label }];
}
