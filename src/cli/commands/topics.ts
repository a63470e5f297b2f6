import { computeTopics } from '../../core/topics';
import type { LoadedCorpora } from '../corpora';
import { field, json, type Io } from '../output';

/** `litriage topics`: automatic topics (plus user topics from --topics FILE) with their papers. */
export function topicsCommand(
  corpora: LoadedCorpora,
  userTopics: Record<string, string>,
  options: { json: boolean },
  io: Io,
): number {
  const byId = new Map(corpora.papers.map((p) => [p.id, p]));
  const topics = computeTopics(corpora.papers, { userTopics });
  const rows = topics.map((t) => ({
    label: t.label,
    ...(t.user ? { user: true } : {}),
    papers: t.paperIds.map((id) => ({ id, title: byId.get(id)?.title ?? '' })),
  }));
  if (options.json) {
    io.data(json(rows));
    return 0;
  }
  for (const topic of rows) {
    io.out(`${field(topic.label)} (${topic.papers.length})${topic.user ? ' [user topic]' : ''}`);
    for (const p of topic.papers) io.out(`  - ${field(p.title)}`);
  }
  return 0;
}
