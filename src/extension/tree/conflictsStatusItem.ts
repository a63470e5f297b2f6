import * as vscode from 'vscode';
import { createStatusItem, type SafeStatusBarItem } from '../shared/statusItem';
import { ui } from '../shared/uiText';
import type { ReviewStage } from '../../core/triage';
import { COMMANDS } from '../commands';
import { stageLabel } from '../shared/reviewStage';
import type { TeamRows } from './teamRows';

/**
 * In team screening with the others' decisions revealed: `$(git-compare) N` open conflicts at the stage; a
 * click opens the next one. Hidden while blind (it would count the others' decisions) and with none open.
 */
export function createConflictsItem(
  team: TeamRows,
  stage: () => ReviewStage,
): { item: SafeStatusBarItem; update(): void } {
  const item = createStatusItem('literatureTriage.conflicts', vscode.StatusBarAlignment.Left, 49);
  item.name = ui`Literature Triage Conflicts`;
  item.command = { command: COMMANDS.nextConflict, title: 'Next Conflict' };
  const update = () => {
    const open = team.revealed ? team.openConflicts(stage()).length : 0;
    if (open === 0) return item.hide();
    const at = stageLabel(stage()).toLowerCase();
    item.text = ui`$(git-compare) ${open}`;
    item.tooltip = ui`Literature Triage: ${open} open ${open === 1 ? 'conflict' : 'conflicts'} at ${at}. Click to open the next one`;
    item.accessibilityInformation = {
      label: `${open} open conflicts at ${at}. Activate to open the next one.`,
    };
    item.show();
  };
  update();
  return { item, update };
}
