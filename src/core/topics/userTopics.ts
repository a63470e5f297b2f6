/**
 * User topics: named saved queries. Each query runs through search; the papers it finds belong to that
 * topic, ahead of any automatic topic. A paper found by several user topics goes to the first one listed.
 */
import type { Paper } from '../model/paper';
import { SearchIndex } from '../search';

/** Runs a saved query; returns matching paper ids (or hits carrying an id). */
export type TopicSearch = (query: string) => ReadonlyArray<string | { id: string }>;

interface UserTopicMatch {
  label: string;
  paperIds: string[];
}

/**
 * Default search for saved queries: full text, and every word of a plain query must match, so that
 * "speculative decoding" means papers about both words rather than either.
 */
export function defaultTopicSearch(papers: readonly Paper[]): TopicSearch {
  const index = SearchIndex.build(papers);
  return (query) => index.search(query, { requireAll: true });
}

export function matchUserTopics(
  papers: readonly Paper[],
  userTopics: Readonly<Record<string, string>>,
  search: TopicSearch,
): UserTopicMatch[] {
  const known = new Set(papers.map((p) => p.id));
  const claimed = new Set<string>();
  return Object.entries(userTopics).map(([label, query]) => {
    const paperIds: string[] = [];
    for (const hit of search(query)) {
      const id = typeof hit === 'string' ? hit : hit.id;
      if (known.has(id) && !claimed.has(id)) {
        claimed.add(id);
        paperIds.push(id);
      }
    }
    return { label, paperIds };
  });
}
