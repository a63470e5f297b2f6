import type { Paper } from '../../core/model/paper';
import type { SearchIndex } from '../../core/search';
import type { HighlightRange, PaperView, SimilarPaperView } from '../../webview/protocol';
import type { Library } from '../library/library';
import { highlightRanges } from './highlightRanges';

export const SIMILAR_PAPERS = 5;

/**
 * Builds what the webview shows for a paper. Search results are cached per index and paper, since the view
 * is rebuilt on every triage change (each note save among them) and the index changes only with the corpus
 * or the tags.
 */
export class PaperViewBuilder {
  private cache:
    | {
        index: SearchIndex;
        paperId: string;
        query: string | undefined;
        highlights: HighlightRange[];
        similar: string[];
      }
    | undefined;

  constructor(
    private readonly library: Library,
    private readonly explain: (paperId: string) => string[] = () => [],
  ) {}

  build(paper: Paper, orderedIds: readonly string[], highlight: string | undefined): PaperView {
    const triage = this.library.triage(paper);
    const { highlights, similar } = this.searchResults(paper.id, highlight);
    const index = orderedIds.indexOf(paper.id);
    return {
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      authors: paper.authors ?? [],
      ...(paper.year !== undefined ? { year: paper.year } : {}),
      ...(paper.venue ? { venue: paper.venue } : {}),
      ...this.topic(paper.id),
      status: triage.status,
      tags: [...triage.tags],
      note: triage.note,
      links: [...paper.links],
      highlights,
      similar: similar.flatMap((id) => this.similarView(id)),
      ...(triage.status === 'untriaged' ? this.suggestion(paper.id) : {}),
      ...(index >= 0 ? { position: { index: index + 1, total: orderedIds.length } } : {}),
    };
  }

  private suggestion(paperId: string): { suggestedBecause?: string[] } {
    const terms = this.explain(paperId);
    return terms.length ? { suggestedBecause: terms } : {};
  }

  private topic(paperId: string): { topic?: string } {
    const topic = this.library.topicOfPaper(paperId);
    return topic ? { topic: topic.label } : {};
  }

  private similarView(id: string): SimilarPaperView[] {
    const other = this.library.paper(id);
    return other ? [{ id, title: other.title, status: this.library.triage(other).status }] : [];
  }

  private searchResults(paperId: string, query: string | undefined) {
    const index = this.library.searchIndex();
    const cached = this.cache;
    if (cached && cached.index === index && cached.paperId === paperId && cached.query === query)
      return cached;
    this.cache = {
      index,
      paperId,
      query,
      highlights: query ? highlightRanges(index, paperId, query) : [],
      similar: index.similarPapers(paperId, SIMILAR_PAPERS).map((hit) => hit.id),
    };
    return this.cache;
  }
}
