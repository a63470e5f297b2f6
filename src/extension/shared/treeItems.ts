import * as vscode from 'vscode';
import type { SafeMarkdown } from './safeMarkdown';
import type { UiText } from './uiText';

interface SafeTreeLabel extends vscode.TreeItemLabel {
  label: UiText;
}

/** A tree row whose label, description and tooltip take only UiText (or SafeMarkdown for a tooltip). */
export class SafeTreeItem extends vscode.TreeItem {
  declare label: UiText | SafeTreeLabel;
  declare description: UiText | boolean | undefined;
  declare tooltip: UiText | vscode.MarkdownString | undefined;

  constructor(label: UiText | SafeTreeLabel, state: vscode.TreeItemCollapsibleState) {
    super(label, state);
  }

  setMarkdownTooltip(markdown: SafeMarkdown): void {
    this.tooltip = markdown.build();
  }
}

/** A tree view whose title, description and message take only UiText. */
export type SafeTreeView<T> = Omit<vscode.TreeView<T>, 'title' | 'description' | 'message'> & {
  title: UiText | undefined;
  description: UiText | undefined;
  message: UiText | undefined;
};

export function createSafeTreeView<T>(id: string, options: vscode.TreeViewOptions<T>): SafeTreeView<T> {
  return vscode.window.createTreeView(id, options) as SafeTreeView<T>;
}
