import * as vscode from 'vscode';
import type { PaperSummary } from '../../worker/protocol';
import { sameTopics, type Topic } from '../../core/topics';
import type { ReviewStage, TriageState } from '../../core/triage';
import { RequestCancelled, type FilterResult, type Library } from '../library';
import { groupPapers, missingPapers, type GroupBy, type PaperGroup } from './grouping';
import { groupTreeItem } from './groupItem';
import type { PaperNode, PapersNode, ReviewerNode } from './nodes';
import { missingPaperTreeItem, paperTooltip, paperTreeItem } from './paperItem';
import { TreeSnapshot } from './treeSnapshot';
import { triageChanges } from '../shared/triageChanges';
import type { Conflict } from '../../core/team';
import { ui } from '../shared/uiText';
import { CONFLICTS_LABEL, othersDecisions, reviewerTreeItem, type TeamRows } from './teamRows';

/**
 * The "Papers" view's data: the library grouped by topic, triage status or tag, optionally narrowed by a filter
 * query. The grouping is rebuilt lazily after any change; rows keep their ids, so expanded groups stay expanded.
 */
export class PapersTreeProvider implements vscode.TreeDataProvider<PapersNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PapersNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private mode: GroupBy;
  private filterQuery: string | undefined;
  /** Bumped per filter, so each filter's groups are new rows (opened) and never inherit a collapsed state. */
  private filterGeneration = 0;
  private filterResult: FilterResult | undefined;
  private cached: TreeSnapshot | undefined;
  /** The papers and topics the cached grouping was made from. */
  private cachedFrom: { papers: readonly PaperSummary[]; topics: readonly Topic[] } | undefined;
  private lastState: TriageState;
  private relevanceOrder: (() => readonly string[]) | undefined;
  /** The open conflicts the Conflicts group shows, by paper id (none while blind). */
  private conflicts = new Map<string, Conflict>();

  constructor(
    private readonly library: Library,
    groupBy: GroupBy,
    /** The window's review stage: at full text, rows of included papers show their full-text decision. */
    private readonly stage: () => ReviewStage = () => 'titleAbstract',
    /** Team screening: with blind mode off, a Conflicts group and the others' decisions on each row. */
    private readonly team?: TeamRows,
  ) {
    this.mode = groupBy;
    this.lastState = library.store.state;
  }

  get groupBy(): GroupBy {
    return this.mode;
  }

  /** The active filter query, or undefined when the tree shows every paper. */
  get filter(): string | undefined {
    return this.filterQuery;
  }

  setGroupBy(mode: GroupBy): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.refresh();
  }

  /** True while each group lists its untriaged papers by predicted relevance (screening ranking) first. */
  get sortedByRelevance(): boolean {
    return this.relevanceOrder !== undefined;
  }

  /** Sorts every group by `rank` (ids best first; papers it leaves out follow in corpus order), or stops. */
  setRelevanceOrder(rank: (() => readonly string[]) | undefined): void {
    this.relevanceOrder = rank;
    this.refresh();
  }

  /**
   * Narrows the tree to the papers matching `query`; a blank query clears the filter. Resolves once the rows
   * show the filter's result (the library worker runs the query; the rows stay as they are meanwhile).
   */
  async setFilter(query: string | undefined): Promise<void> {
    const clean = query?.trim() ? query.trim() : undefined;
    if (clean === this.filterQuery && (clean === undefined || this.filterResult?.query === clean)) return;
    this.filterQuery = clean;
    if (clean === undefined) return this.refresh();
    await this.runFilter(clean);
  }

  /** Runs the filter query; its result replaces the rows unless a newer filter (or none) came meanwhile. */
  private async runFilter(query: string): Promise<void> {
    let result: FilterResult;
    try {
      result = await this.library.filter(query, 'tree filter');
    } catch (error) {
      if (error instanceof RequestCancelled) return;
      throw error;
    }
    if (this.filterQuery !== query) return;
    this.filterGeneration++;
    this.filterResult = result;
    this.refresh();
  }

  /**
   * After a library change: a decision or tag that leaves every row where it was only redraws those rows, so
   * the view never reloads (and a reveal right after a decision finds its row). Anything else rebuilds.
   */
  libraryChanged(change: { papers: boolean; triage: boolean }): void {
    const state = this.library.store.state;
    const diff = triageChanges(this.lastState, state);
    this.lastState = state;
    // New papers or tags: the filter's result is run again, and replaces the rows when it arrives.
    if (this.filterQuery !== undefined && (change.papers || diff.tagsChanged)) {
      void this.runFilter(this.filterQuery).catch(() => undefined);
      if (!change.papers) return;
    }
    const cached = this.cached;
    const moves =
      (change.papers && !this.showsSameGroups()) ||
      !cached ||
      // A paper's state that appeared, or went, without its paper: the "Missing from corpora" group changes.
      diff.ids.some((id) => !this.library.paper(id)) ||
      ((this.mode === 'status' || this.relevanceOrder !== undefined) && diff.statusChanged) ||
      (this.mode === 'stage' && diff.placeChanged) ||
      ((this.mode === 'tag' || this.filterQuery !== undefined) && diff.tagsChanged) ||
      // A decision of mine can open or close a conflict.
      (this.team?.revealed === true && (diff.statusChanged || diff.placeChanged));
    if (moves) return this.refresh();
    const rows = cached.existingRowsOf(new Set(diff.ids));
    if (rows.length > 0) this.changed.fire(rows);
  }

  /**
   * Whether the library's papers and topics are still those the rows were made from: a small corpus is derived
   * in place before its background indexing reports the same result, and redrawing every row then could
   * swallow a click.
   */
  private showsSameGroups(): boolean {
    const from = this.cachedFrom;
    return (
      from !== undefined &&
      this.cached !== undefined &&
      from.papers === this.library.papers &&
      sameTopics(from.topics, this.library.topics())
    );
  }

  /** Forgets the grouping; the view asks again for what it shows. */
  refresh(): void {
    this.lastState = this.library.store.state;
    this.cached = undefined;
    this.cachedFrom = undefined;
    if (this.filterQuery === undefined) this.filterResult = undefined;
    this.changed.fire(undefined);
  }

  snapshot(): TreeSnapshot {
    if (!this.cached) {
      const library = this.library;
      // Before the first load every state entry would look missing; with no papers at all the view's welcome
      // (Add Corpus File…) is what to show, and the decisions wait in the state file.
      const missing =
        library.corpus.lastLoad && library.papers.length > 0
          ? missingPapers(library.papers, library.store.state)
          : [];
      const grouped = groupPapers(this.mode, {
        papers: library.papers,
        statusOf: (paper) => library.triage(paper).status,
        reviewOf: (paper) => library.triage(paper),
        tagsOf: (paper) => library.triage(paper).tags,
        topics: () => library.topics(),
        missing,
      });
      const sorted = this.relevanceOrder ? sortGroups(grouped, this.relevanceOrder()) : grouped;
      const conflicts = this.team?.revealed ? this.team.openConflicts(this.stage()) : [];
      this.conflicts = new Map(conflicts.map((c) => [c.id, c]));
      const conflictIds = conflicts.map((c) => c.id).filter((id) => library.paper(id));
      const groups: PaperGroup[] = conflictIds.length
        ? [{ key: 'conflicts', label: CONFLICTS_LABEL, kind: 'conflicts', paperIds: conflictIds }, ...sorted]
        : sorted;
      const filter = this.currentFilter();
      const prefix = filter ? `filter${this.filterGeneration}:${this.mode}:` : `${this.mode}:`;
      const keep = filter ? (id: string) => filter.has(id) : undefined;
      this.cached = new TreeSnapshot(groups, prefix, (id) => library.paper(id), keep, missing);
      this.cachedFrom = { papers: library.papers, topics: library.topics() };
    }
    return this.cached;
  }

  getChildren(element?: PapersNode): PapersNode[] {
    if (!element) return [...this.snapshot().groups];
    if (element.kind === 'group') return this.snapshot().childrenOf(element);
    return element.kind === 'paper' ? this.reviewerRows(element) : [];
  }

  getParent(element: PapersNode): PapersNode | undefined {
    return element.kind === 'group' ? undefined : element.parent;
  }

  /** Under a paper of the Conflicts group: each reviewer's decision. */
  private reviewerRows(node: PaperNode): ReviewerNode[] {
    if (node.parent.group.kind !== 'conflicts') return [];
    const conflict = this.conflicts.get(node.paper.id);
    return (conflict?.decisions ?? []).map((view) => ({
      kind: 'reviewer',
      id: `${node.id}/reviewer:${view.reviewer}`,
      view,
      parent: node,
    }));
  }

  getTreeItem(element: PapersNode): vscode.TreeItem {
    const filter = this.currentFilter();
    if (element.kind === 'group') return groupTreeItem(element, filter !== undefined);
    if (element.kind === 'reviewer') return reviewerTreeItem(element, this.team?.session.reviewer);
    const triage = this.library.triage(element.paper);
    if (element.parent.group.kind === 'missing') return missingPaperTreeItem(element, triage);
    const item = paperTreeItem(element, triage, filter?.matchesOf(element.paper.id), this.stage());
    const team = this.team;
    if (team?.revealed) {
      const others = othersDecisions(team, element.paper.id, this.stage());
      if (others)
        item.description =
          typeof item.description === 'string' ? ui`${item.description} · ${others}` : others;
      if (element.parent.group.kind === 'conflicts') {
        item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
        item.contextValue = `${item.contextValue ?? 'paper'}.conflict`;
      }
    }
    return item;
  }

  /** A paper row's tooltip starts the abstract, which only the library worker holds: asked for on hover. */
  async resolveTreeItem(item: vscode.TreeItem, element: PapersNode): Promise<vscode.TreeItem> {
    if (element.kind !== 'paper' || element.parent.group.kind === 'missing') return item;
    const paper = await this.library.fullPaper(element.paper.id).catch(() => undefined);
    if (paper) item.tooltip = paperTooltip(item.label, this.library.triage(element.paper), paper.abstract);
    return item;
  }

  /** The filter result the rows show: the latest one that arrived for the filter query. */
  private currentFilter(): FilterResult | undefined {
    if (this.filterQuery === undefined) return undefined;
    return this.filterResult;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Each group's papers in `rank` order; papers the ranking leaves out (already triaged) keep their order after. */
function sortGroups(groups: readonly PaperGroup[], rank: readonly string[]): PaperGroup[] {
  const position = new Map(rank.map((id, i) => [id, i]));
  const at = (id: string) => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  return groups.map((group) => ({
    ...group,
    paperIds: group.paperIds
      .map((id, i) => ({ id, i }))
      .sort((a, b) => at(a.id) - at(b.id) || a.i - b.i)
      .map(({ id }) => id),
  }));
}
