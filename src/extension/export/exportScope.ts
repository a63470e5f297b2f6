import type { ExportOptions } from '../../core/bibtex';
import { showInfo } from '../shared/notifications';
import { showPick, type SafePickItem } from '../shared/pickers';
import type { PaperSummary } from '../../worker/protocol';
import { lookupTriage, type TriageState } from '../../core/triage';
import { inline, quoted, shownText, ui, type UiText } from '../shared/uiText';

/** What an export covers: papers to consider and which of them the core keeps. */
export interface ExportScope {
  /** For messages: "included papers", "papers tagged “x”". */
  description: UiText;
  papers: readonly PaperSummary[];
  options: ExportOptions;
}

type ScopeKind = 'include' | 'maybe' | 'tag' | 'selection' | 'all';

interface ScopeItem extends SafePickItem {
  scope: ScopeKind;
}

/** Asks which papers to export; undefined when the user cancels. `title` names the export ("Export RIS"). */
export async function pickExportScope(
  papers: readonly PaperSummary[],
  state: TriageState,
  selection: readonly PaperSummary[],
  title: UiText = ui`Export BibTeX`,
): Promise<ExportScope | undefined> {
  const count = (status: string) => papers.filter((p) => lookupTriage(state, p)?.status === status).length;
  const tags = tagCounts(papers, state);
  const items: ScopeItem[] = [
    { scope: 'include', label: ui`Included papers`, description: plural(count('include'), 'paper') },
    { scope: 'maybe', label: ui`Maybe papers`, description: plural(count('maybe'), 'paper') },
    { scope: 'tag', label: ui`Papers with a tag…`, description: plural(tags.size, 'tag') },
    ...(selection.length
      ? [
          {
            scope: 'selection' as const,
            label: ui`Selected papers`,
            description: plural(selection.length, 'paper'),
          },
        ]
      : []),
    { scope: 'all', label: ui`All papers`, description: plural(papers.length, 'paper') },
  ];
  const chosen = await showPick(items, {
    title,
    placeHolder: ui`Which papers to export?`,
  });
  if (!chosen) return undefined;
  switch (chosen.scope) {
    case 'include':
      return { description: ui`included papers`, papers, options: { statuses: ['include'] } };
    case 'maybe':
      return { description: ui`maybe papers`, papers, options: { statuses: ['maybe'] } };
    case 'selection':
      return { description: ui`selected papers`, papers: selection, options: { statuses: 'all' } };
    case 'all':
      return { description: ui`all papers`, papers, options: { statuses: 'all' } };
    case 'tag': {
      const tag = await pickTag(tags, title);
      if (tag === undefined) return undefined;
      return { description: ui`papers tagged ${quoted(tag)}`, papers, options: { statuses: 'all', tag } };
    }
  }
}

async function pickTag(tags: Map<string, number>, title: UiText): Promise<string | undefined> {
  if (tags.size === 0) {
    void showInfo(ui`Literature Triage: no paper has a tag yet.`);
    return undefined;
  }
  const items = [...tags].map(([tag, n]) => ({
    tag,
    label: shownText(tag),
    description: plural(n, 'paper'),
  }));
  const chosen = await showPick(items, {
    title: ui`${inline(title)}: papers with a tag`,
    placeHolder: ui`Which tag?`,
  });
  return chosen?.tag;
}

function tagCounts(papers: readonly PaperSummary[], state: TriageState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const paper of papers) {
    for (const tag of lookupTriage(state, paper)?.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

export function plural(n: number, noun: string, nouns = `${noun}s`): UiText {
  return ui`${n} ${n === 1 ? noun : nouns}`;
}
