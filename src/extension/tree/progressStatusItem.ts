import * as vscode from 'vscode';
import { createStatusItem, type SafeStatusBarItem } from '../shared/statusItem';
import { inline, ui, type UiText } from '../shared/uiText';
import type { TriageStatus } from '../../core/triage';
import type { Library } from '../library';
import { COMMANDS } from '../commands';
import { DECISIONS_IN_GROUP_ORDER, statusLook } from '../shared/statusLook';

/**
 * The status-bar item `$(checklist) triaged / total`; a click opens the next untriaged paper. Its tooltip
 * ends with the stopping test's verdict (`stoppingVerdict`, as in the Screening Progress view).
 */
export function createProgressItem(
  library: Library,
  stoppingVerdict: () => UiText,
): { item: SafeStatusBarItem; update(): void } {
  const item = createStatusItem('literatureTriage.progress', vscode.StatusBarAlignment.Left, 50);
  item.name = ui`Literature Triage Progress`;
  item.command = { command: COMMANDS.nextUntriaged, title: 'Next Untriaged' };
  const update = () => {
    const counts = countStatuses(library);
    const total = library.papers.length;
    const triaged = total - counts.untriaged;
    item.text = ui`$(checklist) ${triaged} / ${total}`;
    const byDecision = DECISIONS_IN_GROUP_ORDER.map((s) => `${statusLook(s).label} ${counts[s]}`).join(' · ');
    item.tooltip = ui`Literature Triage: ${triaged} of ${total} papers triaged
${byDecision}
${inline(stoppingVerdict())}
Click to open the next untriaged paper`;
    const spoken = DECISIONS_IN_GROUP_ORDER.map((s) => `${counts[s]} ${statusLook(s).word}`).join(', ');
    item.accessibilityInformation = { label: `${triaged} of ${total} papers triaged: ${spoken}` };
    if (total > 0) item.show();
    else item.hide();
  };
  update();
  return { item, update };
}

function countStatuses(library: Library): Record<TriageStatus, number> {
  const counts: Record<TriageStatus, number> = { untriaged: 0, include: 0, maybe: 0, exclude: 0 };
  for (const paper of library.papers) counts[library.triage(paper).status]++;
  return counts;
}
