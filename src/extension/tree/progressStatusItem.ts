import * as vscode from 'vscode';
import { createStatusItem, type SafeStatusBarItem } from '../shared/statusItem';
import { inline, ui, type UiText } from '../shared/uiText';
import type { ReviewStage, TriageStatus } from '../../core/triage';
import { stageProgress } from '../../core/review/reviewPlace';
import type { Library } from '../library';
import { COMMANDS } from '../commands';
import { DECISIONS_IN_GROUP_ORDER, statusLook } from '../shared/statusLook';
import { stageLabel } from '../shared/reviewStage';

/**
 * The status-bar item of the current stage's progress: at title/abstract `$(checklist) triaged / total` (its
 * tooltip ends with the stopping test's verdict, as in the Screening Progress view), at full text
 * `$(checklist) assessed / to assess in full text`; a click opens the next paper of the stage's queue.
 */
export function createProgressItem(
  library: Library,
  stoppingVerdict: () => UiText,
  stage: () => ReviewStage,
): { item: SafeStatusBarItem; update(): void } {
  const item = createStatusItem('literatureTriage.progress', vscode.StatusBarAlignment.Left, 50);
  item.name = ui`Literature Triage Progress`;
  item.command = { command: COMMANDS.nextUntriaged, title: 'Next Untriaged' };
  const update = () => {
    if (stage() === 'fullText') showFullText(item, library);
    else showTitleAbstract(item, library, stoppingVerdict);
    if (library.papers.length > 0) item.show();
    else item.hide();
  };
  update();
  return { item, update };
}

function showTitleAbstract(item: SafeStatusBarItem, library: Library, stoppingVerdict: () => UiText): void {
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
}

function showFullText(item: SafeStatusBarItem, library: Library): void {
  const progress = stageProgress(
    library.papers.map((p) => library.triage(p)),
    'fullText',
  );
  const c = progress.counts;
  item.text = ui`$(checklist) ${progress.done} / ${progress.total}`;
  item.tooltip = ui`Literature Triage, full text: ${progress.done} of ${progress.total} reports assessed or not retrieved
To assess ${c.toAssess} · Included ${c.fullTextIncluded} · Maybe ${c.fullTextMaybe} · Excluded ${c.fullTextExcluded} · Not retrieved ${c.notRetrieved}
Click to open the next paper to assess in full text`;
  item.accessibilityInformation = {
    label: `Full text: ${progress.done} of ${progress.total} reports done: ${c.toAssess} to assess, ${c.fullTextIncluded} included, ${c.fullTextMaybe} maybe, ${c.fullTextExcluded} excluded, ${c.notRetrieved} not retrieved`,
  };
}

function countStatuses(library: Library): Record<TriageStatus, number> {
  const counts: Record<TriageStatus, number> = { untriaged: 0, include: 0, maybe: 0, exclude: 0 };
  for (const paper of library.papers) counts[library.triage(paper).status]++;
  return counts;
}

/** The current stage, beside the progress; a click switches it. */
export function createStageItem(
  library: Library,
  stage: () => ReviewStage,
): { item: SafeStatusBarItem; update(): void } {
  const item = createStatusItem('literatureTriage.reviewStage', vscode.StatusBarAlignment.Left, 51);
  item.name = ui`Literature Triage Screening Stage`;
  item.command = { command: COMMANDS.switchStage, title: 'Switch Screening Stage' };
  const update = () => {
    const label = stageLabel(stage());
    item.text = ui`$(layers) ${label}`;
    item.tooltip = ui`Literature Triage: screening at ${label.toLowerCase()}. Click to switch the stage`;
    item.accessibilityInformation = { label: `Screening stage: ${label}. Activate to switch.` };
    if (library.papers.length > 0) item.show();
    else item.hide();
  };
  update();
  return { item, update };
}
