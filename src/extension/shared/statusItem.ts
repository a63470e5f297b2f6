import * as vscode from 'vscode';
import type { UiText } from './uiText';

/** A status bar item whose name, text and tooltip take only UiText. */
export type SafeStatusBarItem = Omit<vscode.StatusBarItem, 'name' | 'text' | 'tooltip'> & {
  name: UiText | undefined;
  text: UiText;
  tooltip: UiText | undefined;
};

export function createStatusItem(
  id: string,
  alignment: vscode.StatusBarAlignment,
  priority: number,
): SafeStatusBarItem {
  return vscode.window.createStatusBarItem(id, alignment, priority) as SafeStatusBarItem;
}
