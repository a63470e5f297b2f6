import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import type { CorpusService } from '../corpus/corpusService';
import { OPEN_PAPER_COMMAND } from '../commands';

/** The "Papers" view: one row per paper, labelled by title. */
export class PapersTreeProvider implements vscode.TreeDataProvider<Paper>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly corpus: CorpusService) {
    this.subscription = corpus.onDidChange(() => this.changed.fire());
  }

  getChildren(element?: Paper): Paper[] {
    return element ? [] : [...this.corpus.all];
  }

  getTreeItem(paper: Paper): vscode.TreeItem {
    const item = new vscode.TreeItem(paper.title, vscode.TreeItemCollapsibleState.None);
    item.id = paper.id;
    item.contextValue = 'paper';
    item.tooltip = paper.abstract.slice(0, 300);
    item.command = { command: OPEN_PAPER_COMMAND, title: 'Open Paper', arguments: [paper.id] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
