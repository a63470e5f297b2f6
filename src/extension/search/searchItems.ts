import * as vscode from 'vscode';
import type { SafeButton, SafePickItem } from '../shared/pickers';
import { shownText, ui, type UiText } from '../shared/uiText';
import type { PaperSummary } from '../../worker/protocol';
import { reasonAt, statusAt, type PaperTriage, type ReviewStage, type TriageStatus } from '../../core/triage';
import type { Library } from '../library';
import { matchSnippet } from '../../core/search/snippet';
import { statusIcon } from '../shared/statusIcon';
import { statusLook } from '../shared/statusLook';
import type { ReviewProtocol } from '../shared/reviewProtocol';
import { highlightCountLabel } from '../../core/review/highlight';

const SEARCH_LIMIT = 50;
const RECENT_COUNT = 5;

export interface DecisionButton extends SafeButton {
  readonly status: Exclude<TriageStatus, 'untriaged'>;
}

export const INCLUDE_BUTTON: DecisionButton = {
  status: 'include',
  iconPath: new vscode.ThemeIcon(statusLook('include').icon.id),
  tooltip: ui`Include (again: clear the decision)`,
};
export const EXCLUDE_BUTTON: DecisionButton = {
  status: 'exclude',
  iconPath: new vscode.ThemeIcon(statusLook('exclude').icon.id),
  tooltip: ui`Exclude (again: clear the decision)`,
};

export interface PaperPickItem extends SafePickItem {
  readonly paper: PaperSummary;
}

/** A row of the search picker: a paper, or a separator between the sections of an empty search. */
export type SearchEntry = PaperPickItem | SeparatorItem;
type SeparatorItem = SafePickItem & { kind: vscode.QuickPickItemKind.Separator; paper?: undefined };

export function isPaperItem(entry: SearchEntry | undefined): entry is PaperPickItem {
  return entry?.paper !== undefined;
}

/** The best `limit` papers for `query`, by the combined full-text + fuzzy-title ranking. */
export async function searchItems(
  library: Library,
  query: string,
  options: { limit?: number; channel?: string; review?: ReviewProtocol; stage?: ReviewStage } = {},
): Promise<PaperPickItem[]> {
  const hits = await library.palette(query, options.limit ?? SEARCH_LIMIT, options.channel);
  const counts = await termCounts(
    library,
    options.review,
    hits.map((hit) => hit.id),
  );
  const items: PaperPickItem[] = [];
  for (const hit of hits) {
    const paper = library.paper(hit.id);
    if (paper)
      items.push(paperItem(paper, library.triage(paper), hit.snippet, counts.get(paper.id), options.stage));
  }
  return items;
}

/** Each paper's highlight-term count line ("3 inclusion terms, 1 exclusion term"); empty without terms. */
async function termCounts(
  library: Library,
  review: ReviewProtocol | undefined,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  if (!review || ids.length === 0) return labels;
  const { highlighter, has } = review.highlighting();
  if (!has.include && !has.exclude) return labels;
  for (const paper of await library.fullPapers([...ids])) {
    labels.set(paper.id, highlightCountLabel(highlighter.highlight(paper).counts, has));
  }
  return labels;
}

/** What an empty search shows: the papers decided last, then the untriaged ones in tree order. */
export async function startItems(
  library: Library,
  order: readonly string[],
  limit = SEARCH_LIMIT,
  review?: ReviewProtocol,
  stage?: ReviewStage,
): Promise<SearchEntry[]> {
  const recent = [...library.store.state.papers]
    .filter(([id, entry]) => entry.status !== 'untriaged' && library.paper(id))
    .sort(([, a], [, b]) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0))
    .slice(0, RECENT_COUNT)
    .map(([id]) => library.paper(id)!);
  const untriaged: PaperSummary[] = [];
  for (const id of order) {
    if (untriaged.length >= limit - recent.length) break;
    const paper = library.paper(id);
    if (paper && library.triage(paper).status === 'untriaged') untriaged.push(paper);
  }
  const ids = [...recent, ...untriaged].map((p) => p.id);
  const abstracts = new Map((await library.fullPapers(ids)).map((p) => [p.id, p.abstract]));
  const counts = await termCounts(library, review, ids);
  const section = (label: UiText, papers: PaperSummary[]): SearchEntry[] =>
    papers.length === 0
      ? []
      : [
          { label, kind: vscode.QuickPickItemKind.Separator },
          ...papers.map((paper) =>
            paperItem(
              paper,
              library.triage(paper),
              matchSnippet(abstracts.get(paper.id) ?? '', []),
              counts.get(paper.id),
              stage,
            ),
          ),
        ];
  return [...section(ui`Recently decided`, recent), ...section(ui`Untriaged`, untriaged)];
}

/**
 * A paper row; `snippet` is the abstract around the first match (none on the start page), after the highlight
 * terms' count line when terms are set ("2 inclusion terms, 0 exclusion terms · …").
 */
export function paperItem(
  paper: PaperSummary,
  triage: PaperTriage,
  snippet: string | undefined,
  terms?: string,
  stage: ReviewStage = 'titleAbstract',
): PaperPickItem {
  const detail = [terms, snippet].filter((part) => part).join(' · ');
  return {
    paper,
    label: shownText(paper.title.trim() || '(untitled)'),
    description: describeTriage(triage, stage),
    ...(detail ? { detail: shownText(detail, 400) } : {}),
    iconPath: statusIcon(statusAt(triage, stage)),
    // The ranking is the search's: the picker must neither filter nor reorder by its own label matching.
    alwaysShow: true,
    buttons: [INCLUDE_BUTTON, EXCLUDE_BUTTON],
  };
}

/**
 * The decision at `stage` with its exclusion reason, and the tags: "Included · method, to-read",
 * "Excluded: Wrong population", at full text "Full text: Excluded: No full text".
 */
export function describeTriage(triage: PaperTriage, stage: ReviewStage = 'titleAbstract'): UiText {
  const status = statusAt(triage, stage);
  const reason = status === 'exclude' ? reasonAt(triage, stage) : undefined;
  const decision = `${stage === 'fullText' ? 'Full text: ' : ''}${statusLook(status).label}${reason ? `: ${reason}` : ''}`;
  return shownText(triage.tags.length ? `${decision} · ${triage.tags.join(', ')}` : decision);
}
