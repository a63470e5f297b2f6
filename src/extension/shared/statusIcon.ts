import * as vscode from 'vscode';
import type { TriageStatus } from '../../core/triage';
import { statusLook, type IconLook } from './statusLook';

const icons = new WeakMap<IconLook, vscode.ThemeIcon>();

/** The editor's icon for an icon of the status table (statusLook.ts); one object per icon of the table. */
export function themeIcon(look: IconLook): vscode.ThemeIcon {
  let icon = icons.get(look);
  if (!icon) {
    const color = look.color === undefined ? undefined : new vscode.ThemeColor(look.color);
    icons.set(look, (icon = new vscode.ThemeIcon(look.id, color)));
  }
  return icon;
}

/** A status's icon, in its colour: tree rows, status groups and the search picker. */
export function statusIcon(status: TriageStatus): vscode.ThemeIcon {
  return themeIcon(statusLook(status).icon);
}
