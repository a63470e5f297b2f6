/**
 * What the Papers view computes when a topic is expanded, with the view's own code: the topic's paper nodes
 * (TreeSnapshot.childrenOf) and, for each, the row the tree shows (paperRow: label, tags as description, status
 * icon, the tooltip's title, status and note lines, the context value the menus match on). Only wrapping each
 * row in the editor's TreeItem is left out, which needs the editor; the abstract's start joins a tooltip when
 * its row is hovered, not when the topic is expanded. The view lists a topic's papers in corpus order; here
 * they are in the topic's order, which costs the same.
 */
import type { Paper } from '../../src/core/model/paper';
import type { Topic } from '../../src/core/topics';
import { triageOf, type TriageState } from '../../src/core/triage';
import type { PaperGroup } from '../../src/extension/tree/grouping';
import { paperRow, type PaperRow } from '../../src/extension/tree/paperRow';
import { TreeSnapshot } from '../../src/extension/tree/treeSnapshot';

export interface TopicChild extends PaperRow {
  readonly paperId: string;
}

export function topicChildren(
  topic: Topic,
  papers: ReadonlyMap<string, Paper>,
  state: TriageState,
): TopicChild[] {
  const group: PaperGroup = {
    key: topic.id,
    label: topic.label,
    kind: topic.user ? 'userTopic' : 'topic',
    paperIds: topic.paperIds,
  };
  const snapshot = new TreeSnapshot([group], 'topic:', (id) => papers.get(id));
  const node = snapshot.groups[0];
  if (!node) return [];
  return snapshot
    .childrenOf(node)
    .map(({ paper }) => ({ paperId: paper.id, ...paperRow(paper, triageOf(state, paper)) }));
}

/** The topic with the most papers (the worst case for expanding one). */
export function largestTopic(topics: readonly Topic[]): Topic | undefined {
  return [...topics].sort((a, b) => b.paperIds.length - a.paperIds.length)[0];
}
