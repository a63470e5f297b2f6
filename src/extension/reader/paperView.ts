import type { HighlightRange, PaperView, SimilarPaperView, TeamView } from '../../webview/protocol';
import type { PaperDetail } from '../../worker/protocol';
import type { Library } from '../library';
import { statusLook } from '../shared/statusLook';
import type { ReviewProtocol } from '../shared/reviewProtocol';
import { stageLabel } from '../shared/reviewStage';
import { highlightCountLabel } from '../../core/review/highlight';
import { reasonAt, statusAt, type ReviewStage } from '../../core/triage';

/** Where the reader stands: the window's review stage and whether the criteria panel is open. */
export interface ReaderSetting {
  stage: ReviewStage;
  criteriaOpen: boolean;
  /** The reviewers' decisions on the paper, when team screening shows them. */
  team?: TeamView;
}

/** What the webview shows for a paper: the worker's detail (text, matches, similar papers) and the host's triage. */
export function paperView(
  library: Library,
  review: ReviewProtocol,
  detail: PaperDetail,
  orderedIds: readonly string[],
  setting: ReaderSetting,
): PaperView {
  const { paper } = detail;
  const terms = termHighlights(review, paper);
  const criteria = review.criteria();
  const triage = library.triage(paper);
  const { stage } = setting;
  const status = statusAt(triage, stage);
  const reason = status === 'exclude' ? reasonAt(triage, stage) : undefined;
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
    status,
    statusLabel: statusLook(status).label,
    stageLabel: stageLabel(stage),
    ...(stage === 'fullText' ? { titleAbstractStatusLabel: statusLook(triage.status).label } : {}),
    ...(reason ? { reason } : {}),
    exclusionReasons: review.exclusionReasons(),
    reasonRequired: review.reasonRequired(stage),
    tags: [...triage.tags],
    note: triage.note,
    links: [...paper.links],
    highlights: [
      ...detail.highlights.map(({ field, start, end }): HighlightRange => ({
        field,
        start,
        end,
        kind: 'match',
      })),
      ...terms.ranges,
    ],
    ...(terms.label ? { termCounts: terms.label } : {}),
    ...(criteria.trim() ? { criteria } : {}),
    criteriaOpen: setting.criteriaOpen,
    similar: detail.similar.flatMap((id) => similarView(library, id)),
    ...(status === 'untriaged' && detail.suggestedBecause.length
      ? { suggestedBecause: [...detail.suggestedBecause] }
      : {}),
    ...(setting.team ? { team: setting.team } : {}),
    ...(index >= 0 ? { position: { index: index + 1, total: orderedIds.length } } : {}),
  };
}

function similarView(library: Library, id: string): SimilarPaperView[] {
  const other = library.paper(id);
  if (!other) return [];
  const { status } = library.triage(other);
  return [{ id, title: other.title, status, statusLabel: statusLook(status).label }];
}

/** The highlight terms in the title and abstract, and the count line ("3 inclusion terms, 1 exclusion term"). */
function termHighlights(
  review: ReviewProtocol,
  paper: { title: string; abstract: string },
): { ranges: HighlightRange[]; label: string } {
  const { highlighter, has } = review.highlighting();
  if (!has.include && !has.exclude) return { ranges: [], label: '' };
  const found = highlighter.highlight(paper);
  const ranges = (['title', 'abstract'] as const).flatMap((field) =>
    found[field].map(({ start, end, kind, term }): HighlightRange => ({ field, start, end, kind, term })),
  );
  return { ranges, label: highlightCountLabel(found.counts, has) };
}
