import type { PaperSummary } from '../../worker/protocol';
import type { PaperGroup } from './grouping';
import type { GroupNode, PaperNode } from './nodes';

/**
 * The tree as it stands after one grouping + filtering pass. The same node objects are handed out until the
 * next rebuild, and paper rows are only made when their group is expanded (or revealed).
 */
export class TreeSnapshot {
  readonly groups: readonly GroupNode[];
  private readonly children = new Map<GroupNode, PaperNode[]>();
  private readonly missing: ReadonlyMap<string, PaperSummary>;

  constructor(
    groups: readonly PaperGroup[],
    /** Makes group ids unique to this grouping (and filter), so state kept for one never leaks into another. */
    idPrefix: string,
    private readonly paperById: (id: string) => PaperSummary | undefined,
    keep?: (id: string) => boolean,
    missing: readonly PaperSummary[] = [],
  ) {
    this.missing = new Map(missing.map((p) => [p.id, p]));
    this.groups = groups
      .map((group) => ({
        kind: 'group' as const,
        id: `${idPrefix}${group.key}`,
        group,
        paperIds: keep ? group.paperIds.filter(keep) : group.paperIds,
      }))
      .filter((node) => node.paperIds.length > 0);
  }

  childrenOf(group: GroupNode): PaperNode[] {
    let nodes = this.children.get(group);
    if (!nodes) {
      nodes = [];
      for (const id of group.paperIds) {
        const paper = group.group.kind === 'missing' ? this.missing.get(id) : this.paperById(id);
        if (paper) nodes.push({ kind: 'paper', id: `${group.id}/${id}`, paper, parent: group });
      }
      this.children.set(group, nodes);
    }
    return nodes;
  }

  /** The row of a paper (its first one when it is in several groups), or undefined when it is not shown. */
  nodeOf(paperId: string): PaperNode | undefined {
    const group = this.groups.find((g) => g.paperIds.includes(paperId));
    return group && this.childrenOf(group).find((node) => node.paper.id === paperId);
  }

  /** The rows already handed out for these papers (rows of unexpanded groups do not exist yet). */
  existingRowsOf(paperIds: ReadonlySet<string>): PaperNode[] {
    return [...this.children.values()].flat().filter((node) => paperIds.has(node.paper.id));
  }

  /** Every shown paper once, in display order, collapsed groups included; not those missing from the corpora. */
  orderedIds(): string[] {
    const seen = new Set<string>();
    for (const group of this.groups) {
      if (group.group.kind === 'missing') continue;
      for (const id of group.paperIds) seen.add(id);
    }
    return [...seen];
  }
}
