/**
 * Checked by the typecheck, never run: the surface wrappers take only UiText, so paper text that skipped
 * displayText does not compile. Each `@ts-expect-error` fails the typecheck if the line ever compiles.
 */
import { showError, showInfo, flashStatus } from '../../../src/extension/shared/notifications';
import { createPick, showInput, showPick, type SafePickItem } from '../../../src/extension/shared/pickers';
import { SafeTreeItem } from '../../../src/extension/shared/treeItems';
import type { SafeStatusBarItem } from '../../../src/extension/shared/statusItem';
import type { OutputLog } from '../../../src/extension/shared/outputLog';
import { withProgressWhenLong } from '../../../src/extension/shared/longWork';
import { inline, quoted, shownText, ui } from '../../../src/extension/shared/uiText';

export function rawTextIsRefused(title: string, item: SafeStatusBarItem, log: OutputLog): void {
  // @ts-expect-error a raw title is not UiText
  void showInfo(title);
  // @ts-expect-error nor is it a button
  void showError(ui`Failed.`, {}, title);
  // @ts-expect-error nor a notification's detail
  void showInfo(ui`Failed.`, { detail: title });
  // @ts-expect-error nor a status bar message
  flashStatus(title, 1000);
  // @ts-expect-error nor a quick-pick label
  const row: SafePickItem = { label: title };
  // @ts-expect-error nor a quick-pick description
  void showPick([{ label: ui`Paper`, description: title }], {});
  // @ts-expect-error nor a picker title
  createPick().title = title;
  // @ts-expect-error nor an input box prompt
  void showInput({ prompt: title });
  // @ts-expect-error nor a tree row label
  new SafeTreeItem(title, 0);
  // @ts-expect-error nor a tree row tooltip
  new SafeTreeItem(ui`Paper`, 0).tooltip = title;
  // @ts-expect-error nor status bar text
  item.text = title;
  // @ts-expect-error nor an output line
  log.appendLine(title);
  // @ts-expect-error nor a progress title
  void withProgressWhenLong(title, async () => undefined);
  // @ts-expect-error a message glued from UiText and a raw string is a raw string
  void showInfo(ui`Paper ` + title);
  void row;
}

export function madeSafeTextIsAccepted(title: string, item: SafeStatusBarItem, log: OutputLog): void {
  void showInfo(ui`${quoted(title)} has no tags.`, { detail: ui`${title}` }, ui`Open`);
  void showPick([{ label: shownText(title), description: ui`${3} papers` }], { title: ui`Pick` });
  new SafeTreeItem({ label: shownText(title), highlights: [] }, 0).tooltip = ui`${inline(shownText(title))}`;
  item.text = ui`$(checklist) ${title}`;
  log.appendLine(ui`Loaded ${title}`);
}
