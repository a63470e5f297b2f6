/** Topics for the tree and the CLI: user topics first, then automatic topics, then "Other". */
import type { Paper } from '../model/paper';
import { automaticTopics } from './automaticTopics';
import { assignIds, OTHER_TOPIC_LABEL, type Topic } from './topic';
import { defaultTopicSearch, matchUserTopics, type TopicSearch } from './userTopics';

interface TopicOptions {
  /** Named saved queries, e.g. { "Speculative decoding": "speculative decoding" }. */
  userTopics?: Readonly<Record<string, string>>;
  /** Runs a saved query; default: full-text search requiring every word. */
  search?: TopicSearch;
  /** Number of automatic topics; default about √(n/2). */
  topics?: number;
  /**
   * Largest number of papers the automatic topics are fitted on (default 20,000); a larger corpus is fitted
   * on a seeded random sample of that many, then every paper goes to the topic it is closest to.
   */
  fitPapers?: number;
}

/**
 * Every paper lands in exactly one topic. Deterministic: the same papers in any order give the same
 * topics (papers are put in id order first). Automatic topics come largest first, "Other" last.
 */
export function computeTopics(papers: readonly Paper[], options: TopicOptions = {}): Topic[] {
  const canonical = canonicalOrder(papers);
  const userTopics = options.userTopics ?? {};
  const userMatches =
    Object.keys(userTopics).length === 0
      ? []
      : matchUserTopics(canonical, userTopics, options.search ?? defaultTopicSearch(canonical));
  const claimed = new Set(userMatches.flatMap((t) => t.paperIds));
  const rest = canonical.filter((p) => !claimed.has(p.id));
  const automatic = automaticTopics(rest, { topics: options.topics, fitPapers: options.fitPapers });

  // Each title lower-cased once, not once per comparison.
  const titleKey = new Map(canonical.map((p) => [p.id, p.title.toLowerCase()]));
  const sortIds = (ids: readonly string[]) =>
    ids
      .map((id) => [titleKey.get(id)!, id] as const)
      .sort((a, b) => compareText(a[0], b[0]) || compareText(a[1], b[1]))
      .map(([, id]) => id);
  const drafts = [
    ...userMatches.map((t) => ({ label: t.label, paperIds: sortIds(t.paperIds), user: true })),
    ...automatic.topics
      .map((t) => ({ label: t.label, paperIds: sortIds(t.paperIds), user: false }))
      .sort((a, b) => b.paperIds.length - a.paperIds.length || compareText(a.label, b.label)),
  ];
  if (automatic.other.length > 0) {
    drafts.push({ label: OTHER_TOPIC_LABEL, paperIds: sortIds(automatic.other), user: false });
  }
  return assignIds(drafts).map(({ id, label, paperIds, user }) => ({ id, label, paperIds, user }));
}

function canonicalOrder(papers: readonly Paper[]): Paper[] {
  const byId = new Map<string, Paper>();
  for (const paper of papers) if (!byId.has(paper.id)) byId.set(paper.id, paper);
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
