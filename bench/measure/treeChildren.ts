/**
 * What the Papers view computes when a topic is expanded: one row per paper, in the topic's order, with the
 * status icon, the tags as description, a plain-text tooltip from the abstract's start and the context value
 * the menus match on. Pure, so it can be timed outside the editor.
 */
import type { Paper } from '../../src/core/model/paper';
import type { Topic } from '../../src/core/topics';
import { triageOf, type TriageState, type TriageStatus } from '../../src/core/triage';

export interface PaperRow {
  id: string;
  label: string;
  description: string;
  tooltip: string;
  icon: string;
  contextValue: string;
}

const ICONS: Record<TriageStatus, string> = {
  untriaged: 'circle-outline',
  include: 'pass-filled',
  maybe: 'question',
  exclude: 'circle-slash',
};
const TOOLTIP_CHARS = 300;

export function topicChildren(
  topic: Topic,
  papers: ReadonlyMap<string, Paper>,
  state: TriageState,
): PaperRow[] {
  const rows: PaperRow[] = [];
  for (const id of topic.paperIds) {
    const paper = papers.get(id);
    if (!paper) continue;
    const triage = triageOf(state, paper);
    const tooltip =
      paper.abstract.length > TOOLTIP_CHARS ? `${paper.abstract.slice(0, TOOLTIP_CHARS)}…` : paper.abstract;
    rows.push({
      id,
      label: paper.title,
      description: triage.tags.join(', '),
      tooltip: `${paper.title}\n\n${tooltip}`,
      icon: ICONS[triage.status],
      contextValue: triage.tags.length ? 'paper.tagged' : 'paper',
    });
  }
  return rows;
}

/** The topic with the most papers (the worst case for expanding one). */
export function largestTopic(topics: readonly Topic[]): Topic | undefined {
  return [...topics].sort((a, b) => b.paperIds.length - a.paperIds.length)[0];
}
