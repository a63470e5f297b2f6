/** How many automatic topics a corpus gets: about √(n/2), so ~5 for 50 papers and ~70→50 for 10k. */
const MIN_TOPICS = 2;
export const MAX_TOPICS = 50;
/** Below this many papers clustering says nothing useful: one topic. */
const MIN_PAPERS_TO_CLUSTER = 6;

export function topicCount(papers: number): number {
  if (papers < MIN_PAPERS_TO_CLUSTER) return papers > 0 ? 1 : 0;
  return Math.min(MAX_TOPICS, Math.max(MIN_TOPICS, Math.round(Math.sqrt(papers / 2))));
}
