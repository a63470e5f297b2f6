import * as vscode from 'vscode';
import type { TriageStatus } from '../../core/triage';
import { statusLook, type IconLook } from './statusLook';

/** The editor's icon for an icon of the status table (statusLook.ts). */
export function themeIcon(icon: IconLook): vscode.ThemeIcon {
  return new vscode.ThemeIcon(
    icon.id,
    icon.color === undefined ? undefined : new vscode.ThemeColor(icon.color),
  );
}

const icons = new Map<TriageStatus, vscode.ThemeIcon>();

/** A status's icon, in its colour: tree rows, status groups and the search picker. */
export function statusIcon(status: TriageStatus): vscode.ThemeIcon {
  let icon = icons.get(status);
  if (!icon) icons.set(status, (icon = themeIcon(statusLook(status).icon)));
  return icon;
}
