import type { PaperSummary } from '../../worker/protocol';
import { showPick, type SafePickItem } from '../shared/pickers';
import { lookupTriage, type TriageState, type TriageStatus } from '../../core/triage';
import { shownText, ui, uiJoin, type UiText } from '../shared/uiText';

const STATUS_ORDER: Record<TriageStatus, number> = { include: 0, maybe: 1, untriaged: 2, exclude: 3 };
const STATUS_LABEL: Record<TriageStatus, string> = {
  include: 'included',
  maybe: 'maybe',
  untriaged: 'untriaged',
  exclude: 'excluded',
};

interface PaperItem extends SafePickItem {
  paper: PaperSummary;
}

/** Papers to cite, included first, then maybe, untriaged and excluded; the corpus order within each. */
function citationItems(papers: readonly PaperSummary[], state: TriageState): PaperItem[] {
  return papers
    .map((paper, index) => ({ paper, index, triage: lookupTriage(state, paper) }))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.triage?.status ?? 'untriaged'] - STATUS_ORDER[b.triage?.status ?? 'untriaged'] ||
        a.index - b.index,
    )
    .map(({ paper, triage }) => ({
      paper,
      label: shownText(paper.title),
      description: uiJoin(
        ...[STATUS_LABEL[triage?.status ?? 'untriaged'], triage?.key, ...(triage?.tags ?? [])]
          .filter(Boolean)
          .map((part, i) => uiJoin(i ? ui` · ` : ui``, shownText(part!, 60))),
      ),
      detail: byline(paper),
    }));
}

function byline(paper: PaperSummary): UiText | undefined {
  return paper.byline ? shownText(paper.byline) : undefined;
}

export async function pickPaperToCite(
  papers: readonly PaperSummary[],
  state: TriageState,
): Promise<PaperSummary | undefined> {
  const chosen = await showPick(citationItems(papers, state), {
    title: ui`Insert Citation`,
    placeHolder: ui`Cite which paper? (included papers first)`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return chosen?.paper;
}
