import * as vscode from 'vscode';
import { createPick, showInput, type SafePickItem } from '../shared/pickers';
import { ui, type UiText } from '../shared/uiText';
import type { Library } from '../library';
import { statusLook, STATUSES_IN_GROUP_ORDER } from '../shared/statusLook';
import { GROUP_BY_MODES, isGroupBy, type GroupBy } from './grouping';
import type { PapersTreeProvider } from './papersTreeProvider';
import { COMMANDS, CONTEXT_KEYS } from '../commands';
import { ContextKey } from '../contextKey';

const GROUP_BY_CHOICES: Record<GroupBy, { label: UiText; detail: UiText }> = {
  topic: {
    label: ui`Topic`,
    detail: ui`Automatic topics, and your own from the setting literatureTriage.topics`,
  },
  status: {
    label: ui`Triage Status`,
    detail: ui`${STATUSES_IN_GROUP_ORDER.map((s) => statusLook(s).label).join(', ')}`,
  },
  stage: {
    label: ui`Review Stage`,
    detail: ui`Title/abstract: to screen, maybe, excluded; full text: to assess, maybe, not retrieved, included, excluded`,
  },
  tag: {
    label: ui`Tag`,
    detail: ui`One group per tag (a paper can be in several), then the untagged papers`,
  },
};

/**
 * Group By… (a mode may be passed as the argument), Filter Papers… (a query may be passed) and Clear Filter.
 * `onGroupBy` remembers the choice.
 */
export function registerViewCommands(
  library: Library,
  provider: PapersTreeProvider,
  onGroupBy: (mode: GroupBy) => void,
  /** Resolves to the ranking to sort by, once it can be had without blocking (see ScreeningService.ready). */
  relevance: () => Promise<() => readonly string[]>,
): vscode.Disposable[] {
  let latest = 0;
  const sortedByRelevance = new ContextKey(CONTEXT_KEYS.sortedByRelevance);
  const setSorted = async (sorted: boolean) => {
    const request = ++latest;
    const order = sorted ? await relevance() : undefined;
    if (request !== latest) return; // a later choice won
    provider.setRelevanceOrder(order);
    sortedByRelevance.set(sorted);
  };
  return [
    vscode.commands.registerCommand(COMMANDS.sortByRelevance, () => setSorted(true)),
    vscode.commands.registerCommand(COMMANDS.sortByCorpusOrder, () => setSorted(false)),
    vscode.commands.registerCommand(COMMANDS.groupBy, async (mode?: unknown) => {
      const chosen = isGroupBy(mode) ? mode : await pickGroupBy(provider.groupBy);
      if (!chosen) return;
      provider.setGroupBy(chosen);
      onGroupBy(chosen);
    }),
    vscode.commands.registerCommand(COMMANDS.filterPapers, async (query?: unknown) => {
      const text = typeof query === 'string' ? query : await askFilter(library, provider.filter);
      if (text !== undefined) await provider.setFilter(text);
    }),
    vscode.commands.registerCommand(COMMANDS.clearFilter, () => provider.setFilter(undefined)),
  ];
}

function pickGroupBy(current: GroupBy): Promise<GroupBy | undefined> {
  const picker = createPick<SafePickItem & { mode: GroupBy }>();
  picker.title = ui`Group Papers By`;
  picker.items = GROUP_BY_MODES.map((mode) => ({
    ...GROUP_BY_CHOICES[mode],
    mode,
    description: mode === current ? ui`current` : undefined,
  }));
  picker.activeItems = picker.items.filter((item) => item.mode === current);
  return new Promise((resolve) => {
    picker.onDidAccept(() => {
      resolve(picker.activeItems[0]?.mode);
      picker.hide();
    });
    picker.onDidHide(() => {
      resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}

/** The filter box, counting matches as you type. Undefined: cancelled; '': clear the filter. */
function askFilter(library: Library, current: string | undefined): Thenable<string | undefined> {
  return showInput({
    title: ui`Filter Papers`,
    value: current ?? '',
    placeHolder: ui`Words that must all appear (title, abstract, authors, tags)`,
    prompt: ui`Leave empty to show every paper. A typo falls back to a fuzzy title search.`,
    validateInput: async (value) => {
      if (!value.trim()) return undefined;
      const count = (await library.filter(value.trim(), 'filter box').catch(() => undefined))?.size;
      if (count === undefined) return undefined;
      return {
        message: count === 1 ? ui`1 paper matches` : ui`${count} papers match`,
        severity: count ? vscode.InputBoxValidationSeverity.Info : vscode.InputBoxValidationSeverity.Warning,
      };
    },
  });
}
