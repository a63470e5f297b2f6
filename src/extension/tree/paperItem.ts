import * as vscode from 'vscode';
import { SafeTreeItem } from '../shared/treeItems';
import { inline, shownText, shownTextMapped, ui, uiLines, type UiText } from '../shared/uiText';
import type { MatchRange } from '../../core/search';
import type { PaperTriage } from '../../core/triage';
import { COMMANDS } from '../commands';
import type { PaperNode } from './nodes';
import { textStart } from '../../core/text/textStart';
import { statusIcon } from '../shared/statusIcon';
import { statusLook } from '../shared/statusLook';
import { displayText } from '../../core/text/displayText';

const TOOLTIP_ABSTRACT_CHARS = 300;
const TOOLTIP_NOTE_CHARS = 120;
const TITLE_CHARS = 400;

/**
 * A paper row: status icon, title (matches highlighted while filtering), tags as description, and a
 * plain-text tooltip. Paper text is untrusted, so nothing here is markdown.
 */
export function paperTreeItem(
  node: PaperNode,
  triage: PaperTriage,
  matches?: readonly MatchRange[],
): SafeTreeItem {
  const { paper } = node;
  const raw = paper.title.trim() ? paper.title : '(untitled)';
  const shown = shownTextMapped(raw, TITLE_CHARS);
  const title = shown.text;
  const highlights = (matches ?? [])
    .filter((r) => r.field === 'title' && r.end <= raw.length && r.end > r.start)
    .map((r): [number, number] => [shown.at(r.start), shown.at(r.end - 1) + 1])
    .filter(([, end]) => end <= title.length);
  const item = new SafeTreeItem({ label: title, highlights }, vscode.TreeItemCollapsibleState.None);
  const look = statusLook(triage.status);
  item.id = node.id;
  item.iconPath = statusIcon(triage.status);
  item.description = triage.tags.length ? shownText(triage.tags.join(', ')) : undefined;
  item.contextValue = triage.tags.length > 0 ? 'paper.tagged' : 'paper';
  item.tooltip = tooltipText(title, look.label, triage, '');
  item.accessibilityInformation = {
    label: [title, look.label, triage.tags.length ? `tags: ${displayText(triage.tags.join(', '))}` : '']
      .filter(Boolean)
      .join(', '),
  };
  // A click shows the paper and keeps the focus in the tree, so the arrow keys keep browsing.
  item.command = { command: COMMANDS.openPaper, title: 'Open Paper', arguments: [paper.id] };
  return item;
}

/** The tooltip with the start of the abstract (resolved when the row is hovered). */
export function paperTooltip(label: vscode.TreeItem['label'], triage: PaperTriage, abstract: string): UiText {
  const title = typeof label === 'string' ? label : (label?.label ?? '');
  return tooltipText(shownText(title), statusLook(triage.status).label, triage, abstract);
}

function tooltipText(title: UiText, status: string, triage: PaperTriage, abstract: string): UiText {
  const lines = [title, triage.tags.length ? ui`${status} · ${triage.tags.join(', ')}` : ui`${status}`];
  const start = textStart(abstract, TOOLTIP_ABSTRACT_CHARS);
  if (start) lines.push(ui``, shownText(start, TOOLTIP_ABSTRACT_CHARS + 10));
  if (triage.note)
    lines.push(
      ui``,
      ui`Note: ${inline(shownText(textStart(triage.note, TOOLTIP_NOTE_CHARS), TOOLTIP_NOTE_CHARS + 10))}`,
    );
  return uiLines(lines);
}
