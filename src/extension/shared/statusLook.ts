import * as vscode from 'vscode';
import type { TriageStatus } from '../../core/triage';

/** How a triage status looks wherever a paper is listed: tree rows, group rows and the search picker. */
export interface StatusLook {
  /** A decision as a word ("Included"). */
  readonly label: string;
  readonly icon: vscode.ThemeIcon;
}

const looks: Record<TriageStatus, StatusLook> = {
  untriaged: { label: 'Untriaged', icon: new vscode.ThemeIcon('circle-large-outline') },
  include: {
    label: 'Included',
    icon: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  },
  maybe: {
    label: 'Maybe',
    icon: new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground')),
  },
  exclude: {
    label: 'Excluded',
    icon: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('errorForeground')),
  },
};

export function statusLook(status: TriageStatus): StatusLook {
  return looks[status];
}
