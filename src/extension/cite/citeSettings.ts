import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../settings';

const flag = (name: string) => (): boolean =>
  vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>(`cite.${name}`, true) !== false;

/** `literatureTriage.cite.*`: each part of citing can be turned off (for users who keep another extension's). */
export const citeSettings = {
  completion: flag('completion'),
  hover: flag('hover'),
  definition: flag('definition'),
  diagnostics: flag('diagnostics'),
  affects: (e: vscode.ConfigurationChangeEvent, name: 'diagnostics'): boolean =>
    e.affectsConfiguration(`${SETTINGS_SECTION}.cite.${name}`),
};
