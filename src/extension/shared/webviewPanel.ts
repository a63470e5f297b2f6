import * as vscode from 'vscode';
import type { UiText } from './uiText';

/** A webview panel whose tab title takes only UiText. */
export type SafeWebviewPanel = Omit<vscode.WebviewPanel, 'title'> & { title: UiText };

export function createSafeWebviewPanel(
  viewType: string,
  title: UiText,
  showOptions:
    vscode.ViewColumn | { readonly viewColumn: vscode.ViewColumn; readonly preserveFocus?: boolean },
  options?: vscode.WebviewPanelOptions & vscode.WebviewOptions,
): SafeWebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, showOptions, options) as SafeWebviewPanel;
}

/** A panel the editor restored after a reload (its title was ours when it was saved). */
export function adoptWebviewPanel(panel: vscode.WebviewPanel): SafeWebviewPanel {
  return panel as SafeWebviewPanel;
}
