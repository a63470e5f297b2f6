import type { Topic } from '../../core/topics';
import type { IndexResult, PaperSummary } from '../../worker/protocol';

/** The worker's topics with their papers' ids, from its positions (in the papers' load order). */
export function topicsOf(
  topics: IndexResult['topics'],
  members: Int32Array,
  papers: readonly PaperSummary[],
): Topic[] {
  let next = 0;
  return topics.map(({ id, label, user, size }) => {
    const paperIds: string[] = [];
    for (const end = next + size; next < end; next++) {
      const paper = papers[members[next]!];
      if (paper) paperIds.push(paper.id);
    }
    return { id, label, user, paperIds };
  });
}
