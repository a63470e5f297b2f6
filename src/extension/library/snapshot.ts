import type { Paper } from '../../core/model/paper';
import type { SearchIndex } from '../../core/search';
import type { Topic } from '../../core/topics';
import type { TriageState } from '../../core/triage';

/** The index and topics derived from one list of papers (and one set of user topics). */
export interface DerivedSnapshot {
  readonly papers: readonly Paper[];
  readonly topicsKey: string;
  /** Without tags; the library adds the current tags. */
  readonly index: SearchIndex;
  readonly topics: Topic[];
}

/** Changes only when some paper's tags change, not on status or note edits. */
export function tagsSignature(state: TriageState): string {
  const parts: string[] = [];
  for (const [id, entry] of state.papers) if (entry.tags.length) parts.push(`${id}:${entry.tags.join(',')}`);
  return parts.join(';');
}

export function userTopicsKey(userTopics: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(userTopics));
}
