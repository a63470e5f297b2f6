import * as vscode from 'vscode';
import type { SafeButton, SafePickItem } from '../shared/pickers';
import { shownText, ui, type UiText } from '../shared/uiText';
import type { Paper } from '../../core/model/paper';
import type { MatchRange } from '../../core/search';
import type { PaperTriage, TriageStatus } from '../../core/triage';
import type { Library } from '../library/library';
import { statusLook } from '../tree/statusLook';
import { matchSnippet } from './snippet';

export const SEARCH_LIMIT = 50;
const RECENT_COUNT = 5;

export interface DecisionButton extends SafeButton {
  readonly status: Exclude<TriageStatus, 'untriaged'>;
}

export const INCLUDE_BUTTON: DecisionButton = {
  status: 'include',
  iconPath: new vscode.ThemeIcon('pass'),
  tooltip: ui`Include (again: clear the decision)`,
};
export const EXCLUDE_BUTTON: DecisionButton = {
  status: 'exclude',
  iconPath: new vscode.ThemeIcon('circle-slash'),
  tooltip: ui`Exclude (again: clear the decision)`,
};

export interface PaperPickItem extends SafePickItem {
  readonly paper: Paper;
}

/** A row of the search picker: a paper, or a separator between the sections of an empty search. */
export type SearchEntry = PaperPickItem | SeparatorItem;
type SeparatorItem = SafePickItem & { kind: vscode.QuickPickItemKind.Separator; paper?: undefined };

export function isPaperItem(entry: SearchEntry | undefined): entry is PaperPickItem {
  return entry?.paper !== undefined;
}

/** The best `limit` papers for `query`, by the combined full-text + fuzzy-title ranking. */
export function searchItems(library: Library, query: string, limit = SEARCH_LIMIT): PaperPickItem[] {
  const items: PaperPickItem[] = [];
  for (const hit of library.searchIndex().combined(query, { limit })) {
    const paper = library.paper(hit.id);
    if (paper) items.push(paperItem(paper, library.triage(paper), hit.matches));
  }
  return items;
}

/** What an empty search shows: the papers decided last, then the untriaged ones in tree order. */
export function startItems(library: Library, order: readonly string[], limit = SEARCH_LIMIT): SearchEntry[] {
  const recent = [...library.store.state.papers]
    .filter(([id, entry]) => entry.status !== 'untriaged' && library.paper(id))
    .sort(([, a], [, b]) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0))
    .slice(0, RECENT_COUNT)
    .map(([id]) => library.paper(id)!);
  const untriaged: Paper[] = [];
  for (const id of order) {
    if (untriaged.length >= limit - recent.length) break;
    const paper = library.paper(id);
    if (paper && library.triage(paper).status === 'untriaged') untriaged.push(paper);
  }
  const section = (label: UiText, papers: Paper[]): SearchEntry[] =>
    papers.length === 0
      ? []
      : [
          { label, kind: vscode.QuickPickItemKind.Separator },
          ...papers.map((paper) => paperItem(paper, library.triage(paper), [])),
        ];
  return [...section(ui`Recently decided`, recent), ...section(ui`Untriaged`, untriaged)];
}

export function paperItem(paper: Paper, triage: PaperTriage, matches: readonly MatchRange[]): PaperPickItem {
  return {
    paper,
    label: shownText(paper.title.trim() || '(untitled)'),
    description: describeTriage(triage),
    detail: shownText(matchSnippet(paper.abstract, matches), 400),
    iconPath: statusLook(triage.status).icon,
    // The ranking is the search's: the picker must neither filter nor reorder by its own label matching.
    alwaysShow: true,
    buttons: [INCLUDE_BUTTON, EXCLUDE_BUTTON],
  };
}

/** "Included · method, to-read". */
export function describeTriage(triage: PaperTriage): UiText {
  const status = statusLook(triage.status).label;
  return shownText(triage.tags.length ? `${status} · ${triage.tags.join(', ')}` : status);
}
