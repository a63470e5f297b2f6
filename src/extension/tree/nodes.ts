import type { PaperSummary } from '../../worker/protocol';
import type { ReviewerView } from '../../core/team';
import type { PaperGroup } from './grouping';

/** A group row: a topic, a triage status or a tag, with the papers the filter leaves in it. */
export interface GroupNode {
  readonly kind: 'group';
  /** The TreeItem id: stable for the same grouping, so refreshes keep rows expanded. */
  readonly id: string;
  readonly group: PaperGroup;
  /** The group's papers that pass the filter (all of them without one), in display order. */
  readonly paperIds: readonly string[];
}

/** A paper row (in the "Missing from corpora" group: the title the state file kept). A paper tagged twice is in two tag groups: two nodes with different ids. */
export interface PaperNode {
  readonly kind: 'paper';
  readonly id: string;
  readonly paper: PaperSummary;
  readonly parent: GroupNode;
}

/** Under a paper of the Conflicts group: one reviewer's decision, reason and note. */
export interface ReviewerNode {
  readonly kind: 'reviewer';
  readonly id: string;
  readonly view: ReviewerView;
  readonly parent: PaperNode;
}

export type PapersNode = GroupNode | PaperNode | ReviewerNode;

export function isPaperNode(value: unknown): value is PaperNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'paper' &&
    typeof (value as { paper?: { id?: unknown } }).paper?.id === 'string' &&
    // A row of "Missing from corpora" is no paper a command can act on.
    (value as { parent?: { group?: { kind?: unknown } } }).parent?.group?.kind !== 'missing'
  );
}
