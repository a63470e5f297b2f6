import type { PaperSummary } from '../../worker/protocol';
import { showPick, type SafePickItem } from '../shared/pickers';
import { lookupTriage, type TriageState } from '../../core/triage';
import { compareForCiting, statusLook } from '../shared/statusLook';
import { shownText, ui, uiJoin, type UiText } from '../shared/uiText';

interface PaperItem extends SafePickItem {
  paper: PaperSummary;
}

/** Papers to cite, included first, then maybe, untriaged and excluded; the corpus order within each. */
function citationItems(papers: readonly PaperSummary[], state: TriageState): PaperItem[] {
  return papers
    .map((paper, index) => {
      const triage = lookupTriage(state, paper);
      return { paper, index, triage, status: triage?.status ?? 'untriaged' };
    })
    .sort((a, b) => compareForCiting(a.status, b.status) || a.index - b.index)
    .map(({ paper, triage, status }) => ({
      paper,
      label: shownText(paper.title),
      description: uiJoin(
        ...[statusLook(status).label, triage?.key, ...(triage?.tags ?? [])]
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
