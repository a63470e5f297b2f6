import * as vscode from 'vscode';
import type { SafeStatusBarItem } from '../shared/statusItem';
import { createSafeTreeView, type SafeTreeView } from '../shared/treeItems';
import { quoted, ui } from '../shared/uiText';
import type { PaperSummary } from '../../worker/protocol';
import type { FeatureContext, PaperOrder } from '../featureContext';
import { CONTEXT_KEYS, VIEWS } from '../commands';
import { ContextKey } from '../contextKey';
import { isGroupBy, type GroupBy } from './grouping';
import { isPaperNode, type PapersNode } from './nodes';
import { PapersTreeProvider } from './papersTreeProvider';
import { createProgressItem, createStageItem } from './progressStatusItem';
import { createConflictsItem } from './conflictsStatusItem';
import { RevealQueue } from './revealQueue';
import { registerViewCommands } from './viewCommands';

export type { PapersNode, PaperNode, GroupNode } from './nodes';
export { isPaperNode } from './nodes';

export interface PapersView extends PaperOrder {
  readonly provider: PapersTreeProvider;
  readonly treeView: SafeTreeView<PapersNode>;
  /** The current stage's `done / total` status-bar item. */
  readonly progressItem: SafeStatusBarItem;
  /** The current stage's status-bar item (a click switches it). */
  readonly stageItem: SafeStatusBarItem;
  /** Fires after the rows changed: papers, decisions, grouping or filter (orderedIds() may differ). */
  readonly onDidChangeOrder: vscode.Event<void>;
  /** The papers selected in the tree, each once, in selection order. */
  selectedPapers(): PaperSummary[];
  /** Reveals and selects the paper's row, if the view is visible and the paper is shown. */
  reveal(paperId: string): Promise<void>;
}

const GROUP_BY_STATE_KEY = 'literatureTriage.groupBy';
const QUERY_SHOWN_CHARS = 40;

export function registerPapersView(ctx: FeatureContext): PapersView {
  const remembered = ctx.extension.workspaceState.get<unknown>(GROUP_BY_STATE_KEY);
  const provider = new PapersTreeProvider(
    ctx.library,
    isGroupBy(remembered) ? remembered : 'topic',
    () => ctx.stage.current,
    ctx.team,
  );
  const treeView = createSafeTreeView(VIEWS.papers, {
    treeDataProvider: provider,
    canSelectMany: true,
    showCollapseAll: true,
  });
  const progress = createProgressItem(
    ctx.library,
    () => ctx.screening.stoppingVerdict(),
    () => ctx.stage.current,
  );
  const stageItem = createStageItem(ctx.library, () => ctx.stage.current);
  const conflictsItem = createConflictsItem(ctx.team, () => ctx.stage.current);
  const orderChanged = new vscode.EventEmitter<void>();
  const hasPapers = new ContextKey(CONTEXT_KEYS.hasPapers);
  const filterActive = new ContextKey(CONTEXT_KEYS.filterActive);

  const showState = () => {
    const filter = provider.filter;
    const total = ctx.library.papers.length;
    hasPapers.set(total > 0);
    filterActive.set(filter !== undefined);
    // Without papers the welcome content explains what to do; a message would hide it.
    if (filter === undefined || total === 0) {
      treeView.description = total > 0 ? ui`by ${provider.groupBy}` : undefined;
      treeView.message = undefined;
      return;
    }
    const query = quoted(filter, QUERY_SHOWN_CHARS);
    const shown = provider.snapshot().orderedIds().length;
    treeView.description = ui`filter: ${query}`;
    treeView.message =
      shown === 0
        ? ui`No papers match ${query}. Clear the filter to see all ${total}.`
        : ui`${shown} of ${total} papers match ${query}.`;
  };
  const rowsChanged = () => {
    showState();
    orderChanged.fire();
  };

  ctx.extension.subscriptions.push(
    provider,
    treeView,
    progress.item,
    stageItem.item,
    conflictsItem.item,
    orderChanged,
    provider.onDidChangeTreeData(rowsChanged),
    // The tooltip's stopping verdict: after a decision, new papers or a change of the stopping settings.
    ctx.screening.onDidChangeProgress(() => {
      progress.update();
      stageItem.update();
    }),
    // Blind mode, another reviewer's file or a final decision: the Conflicts group and the others' decisions.
    ctx.team.onDidChange(() => {
      provider.refresh();
      conflictsItem.update();
    }),
    ctx.stage.onDidChange(() => {
      progress.update();
      stageItem.update();
      conflictsItem.update();
      // Rows of included papers show the decision of the stage.
      provider.refresh();
    }),
    ctx.library.onDidChange((change) => {
      provider.libraryChanged(change);
      if (change.triage) conflictsItem.update();
      // Sorted by relevance: the worker ranks again after a decision; the groups follow when it answers.
      if (provider.sortedByRelevance) void ctx.screening.ready().catch(() => undefined);
    }),
    // Sorted by relevance, groups keep corpus order until the ranking's background work is done.
    ctx.screening.onDidPrepare(() => {
      if (provider.sortedByRelevance) provider.refresh();
    }),
    ...registerViewCommands(
      ctx.library,
      provider,
      (mode: GroupBy) => {
        void ctx.extension.workspaceState.update(GROUP_BY_STATE_KEY, mode);
      },
      async () => {
        await ctx.screening.ready();
        return () => (ctx.screening.isReady ? ctx.screening.rankedUntriaged() : []);
      },
    ),
  );
  showState();

  const reveals = new RevealQueue(async (paperId) => {
    const node = treeView.visible ? provider.snapshot().nodeOf(paperId) : undefined;
    if (!node) return true;
    await treeView.reveal(node, { select: true, focus: false });
    return treeView.selection.some((selected) => selected.id === node.id);
  });

  return {
    provider,
    treeView,
    progressItem: progress.item,
    stageItem: stageItem.item,
    onDidChangeOrder: orderChanged.event,
    orderedIds: () => provider.snapshot().orderedIds(),
    selectedPapers: () => {
      const seen = new Map<string, PaperSummary>();
      for (const node of treeView.selection) if (isPaperNode(node)) seen.set(node.paper.id, node.paper);
      return [...seen.values()];
    },
    reveal: (paperId) => reveals.reveal(paperId),
  };
}
