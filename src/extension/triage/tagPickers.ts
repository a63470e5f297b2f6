import * as vscode from 'vscode';
import { createPick, showPick, type SafePickItem, type SafeQuickPick } from '../shared/pickers';
import { showInfo } from '../shared/notifications';
import type { PaperSummary } from '../../worker/protocol';
import { normalizeTag } from '../../core/triage';
import type { Library } from '../library';
import { inline, quoted, shownText, ui, type Shown } from '../shared/uiText';
import { keepItemOrder } from '../shared/quickPickOrder';

interface TagItem extends SafePickItem {
  readonly tag: string;
}

/**
 * Add Tag…: the tags already in use (most used first) that not every target has, and whatever is typed as a
 * new tag. Resolves to the tag, or undefined when cancelled.
 */
export function pickTagToAdd(library: Library, papers: readonly PaperSummary[]): Promise<string | undefined> {
  const usage = tagUsage(library);
  const onAll = (tag: string) => papers.every((paper) => library.triage(paper).tags.includes(tag));
  const existing: TagItem[] = [...usage]
    .filter(([tag]) => !onAll(tag))
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([tag, count]) => ({
      tag,
      label: shownText(tag),
      description: count === 1 ? ui`1 paper` : ui`${count} papers`,
      iconPath: new vscode.ThemeIcon('tag'),
    }));

  const picker = createPick<TagItem>();
  picker.title = ui`Add Tag to ${describeTargets(papers)}`;
  picker.placeholder = existing.length ? ui`Pick a tag or type a new one` : ui`Type a new tag`;
  picker.items = existing;
  // Existing tags that match what is typed come first, so a prefix picks a tag in use rather than a near-duplicate.
  keepItemOrder(picker);
  picker.onDidChangeValue((value) => {
    const typed = normalizeTag(value);
    const known = typed === '' || usage.has(typed);
    const fresh: TagItem[] = known
      ? []
      : [
          {
            tag: typed,
            label: shownText(typed),
            description: ui`new tag`,
            alwaysShow: true,
            iconPath: new vscode.ThemeIcon('add'),
          },
        ];
    picker.items = [...existing, ...fresh];
  });
  return run(picker, () => picker.activeItems[0]?.tag ?? (normalizeTag(picker.value) || undefined));
}

/** Remove Tag…: the tags the targets have, with how many of them have each. */
export async function pickTagToRemove(
  library: Library,
  papers: readonly PaperSummary[],
): Promise<string | undefined> {
  const counts = new Map<string, number>();
  for (const paper of papers)
    for (const tag of library.triage(paper).tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  if (counts.size === 0) {
    void showInfo(ui`${describeTargets(papers)} has no tags.`);
    return undefined;
  }
  const items: TagItem[] = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([tag, count]) => ({
      tag,
      label: shownText(tag),
      description: papers.length > 1 ? ui`${count} of ${papers.length} papers` : undefined,
      iconPath: new vscode.ThemeIcon('tag'),
    }));
  const chosen = await showPick(items, {
    title: ui`Remove Tag from ${describeTargets(papers)}`,
    placeHolder: ui`Pick the tag to remove`,
  });
  return chosen?.tag;
}

/** "“A paper title”" or "3 papers", for picker titles. */
export function describeTargets(papers: readonly PaperSummary[]): Shown {
  return papers.length === 1 ? quoted(papers[0]!.title) : inline(ui`${papers.length} papers`);
}

function tagUsage(library: Library): Map<string, number> {
  const usage = new Map<string, number>();
  for (const entry of library.store.state.papers.values()) {
    for (const tag of entry.tags) usage.set(tag, (usage.get(tag) ?? 0) + 1);
  }
  return usage;
}

function run<T extends SafePickItem>(picker: SafeQuickPick<T>, accept: () => string | undefined) {
  return new Promise<string | undefined>((resolve) => {
    picker.onDidAccept(() => {
      resolve(accept());
      picker.hide();
    });
    picker.onDidHide(() => {
      resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}
