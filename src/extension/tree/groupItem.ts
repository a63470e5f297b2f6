import * as vscode from 'vscode';
import { SafeTreeItem } from '../shared/treeItems';
import { inline, shownText, ui } from '../shared/uiText';
import type { PaperGroup } from './grouping';
import type { GroupNode } from './nodes';
import { statusIcon } from '../shared/statusIcon';
import { PLACE_STATUS } from '../shared/placeLook';

/** A group row: its name, how many papers it holds (and how many the filter leaves), an icon per kind. */
export function groupTreeItem(node: GroupNode, filtering: boolean): SafeTreeItem {
  const { group } = node;
  const shown = node.paperIds.length;
  const total = group.paperIds.length;
  // A filter is a question: its answers start unfolded.
  const state =
    filtering || group.kind === 'conflicts'
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed;
  const label = shownText(group.label);
  const item = new SafeTreeItem(label, state);
  item.id = node.id;
  item.description = filtering ? ui`${shown} of ${total}` : ui`${total}`;
  item.iconPath = groupIcon(group);
  item.contextValue = `group.${group.kind}`;
  const count = filtering
    ? `${shown} of ${total} papers match the filter`
    : `${total} ${total === 1 ? 'paper' : 'papers'}`;
  item.tooltip = ui`${inline(label)}\n${KIND_NAMES[group.kind]} · ${count}`;
  item.accessibilityInformation = { label: `${label}, ${KIND_NAMES[group.kind]}, ${count}` };
  return item;
}

const KIND_NAMES: Record<PaperGroup['kind'], string> = {
  topic: 'Automatic topic',
  userTopic: 'Your topic (literatureTriage.topics)',
  status: 'Triage decision',
  stage: 'Review stage',
  tag: 'Tag',
  untagged: 'Papers without tags',
  missing: 'Decisions kept for papers no corpus file holds now',
  conflicts: 'Papers the reviewers disagree on, not resolved yet',
};

function groupIcon(group: PaperGroup): vscode.ThemeIcon {
  switch (group.kind) {
    case 'status':
      return statusIcon(group.status ?? 'untriaged');
    case 'stage': {
      const status = group.place ? PLACE_STATUS[group.place] : 'untriaged';
      return status ? statusIcon(status) : new vscode.ThemeIcon('file-pdf');
    }
    case 'tag':
      return new vscode.ThemeIcon('tag');
    case 'untagged':
      return new vscode.ThemeIcon('circle-small');
    case 'missing':
      return new vscode.ThemeIcon('warning');
    case 'conflicts':
      return new vscode.ThemeIcon('git-compare', new vscode.ThemeColor('list.warningForeground'));
    case 'userTopic':
      return new vscode.ThemeIcon('bookmark');
    case 'topic':
      return new vscode.ThemeIcon('library');
  }
}
