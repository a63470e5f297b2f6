import * as vscode from 'vscode';
import { SafeTreeItem } from '../shared/treeItems';
import { inline, shownText, ui, uiLines, type UiText } from '../shared/uiText';
import type { MatchRange } from '../../core/search';
import type { PaperTriage, ReviewStage } from '../../core/triage';
import { COMMANDS } from '../commands';
import type { PaperNode } from './nodes';
import { paperRow, rowTooltip } from './paperRow';
import { themeIcon } from '../shared/statusIcon';

/** A paper row of the tree: what paperRow says it shows, its id, and the click that opens the paper. */
export function paperTreeItem(
  node: PaperNode,
  triage: PaperTriage,
  matches?: readonly MatchRange[],
  stage: ReviewStage = 'titleAbstract',
): SafeTreeItem {
  const { paper } = node;
  const row = paperRow(paper, triage, matches, stage);
  const item = new SafeTreeItem(
    { label: row.label, highlights: [...row.highlights] },
    vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.iconPath = themeIcon(row.icon);
  item.description = row.description;
  item.contextValue = row.contextValue;
  item.tooltip = row.tooltip;
  item.accessibilityInformation = { label: row.accessibilityLabel };
  // A click shows the paper and keeps the focus in the tree, so the arrow keys keep browsing.
  item.command = { command: COMMANDS.openPaper, title: 'Open Paper', arguments: [paper.id] };
  return item;
}

/**
 * A row of "Missing from corpora": the title the state file kept and the decision, no click (there is nothing to
 * read). Its state stays in the state file until its corpus file is back.
 */
export function missingPaperTreeItem(node: PaperNode, triage: PaperTriage): SafeTreeItem {
  const row = paperRow(node.paper, triage);
  const item = new SafeTreeItem(row.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = themeIcon(row.icon);
  item.description = row.description
    ? ui`not in any corpus file · ${inline(row.description)}`
    : ui`not in any corpus file`;
  item.contextValue = 'missingPaper';
  item.tooltip = uiLines([
    row.tooltip,
    ui`No corpus file holds this paper now. Its decision, tags and note are kept in the state file, and it is back in its place when the file that held it is.`,
  ]);
  item.accessibilityInformation = { label: `${row.accessibilityLabel}, not in any corpus file` };
  return item;
}

/** The tooltip with the start of the abstract (resolved when the row is hovered). */
export function paperTooltip(label: vscode.TreeItem['label'], triage: PaperTriage, abstract: string): UiText {
  const title = typeof label === 'string' ? label : (label?.label ?? '');
  return rowTooltip(shownText(title), triage, abstract);
}
