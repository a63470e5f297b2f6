import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import type { FeatureContext, PaperOrder } from '../featureContext';
import { PAPERS_VIEW_ID } from '../commands';
import { PapersTreeProvider } from './papersTreeProvider';

export interface PapersView extends PaperOrder {
  readonly provider: PapersTreeProvider;
  readonly treeView: vscode.TreeView<Paper>;
  selectedPapers(): Paper[];
  reveal(paperId: string): Promise<void>;
}

export function registerPapersView(ctx: FeatureContext): PapersView {
  const provider = new PapersTreeProvider(ctx.corpus);
  const treeView = vscode.window.createTreeView(PAPERS_VIEW_ID, { treeDataProvider: provider });
  ctx.extension.subscriptions.push(provider, treeView);
  return {
    provider,
    treeView,
    orderedIds: () => ctx.library.papers.map((p) => p.id),
    selectedPapers: () => [...treeView.selection],
    reveal: async (paperId) => {
      const paper = ctx.library.paper(paperId);
      if (paper && treeView.visible) await treeView.reveal(paper, { select: true, focus: false });
    },
  };
}
