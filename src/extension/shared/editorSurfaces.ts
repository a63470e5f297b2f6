import * as vscode from 'vscode';
import type { SafeMarkdown } from './safeMarkdown';
import type { UiText } from './uiText';

/** A diagnostic whose message is UiText. */
export function uiDiagnostic(
  range: vscode.Range,
  message: UiText,
  severity: vscode.DiagnosticSeverity,
): vscode.Diagnostic {
  return new vscode.Diagnostic(range, message, severity);
}

/** A completion item whose label and detail are UiText and whose documentation is SafeMarkdown. */
export function uiCompletionItem(
  label: UiText,
  kind: vscode.CompletionItemKind,
  parts: { detail?: UiText; documentation?: SafeMarkdown },
): vscode.CompletionItem {
  const item = new vscode.CompletionItem(label, kind);
  item.detail = parts.detail;
  item.documentation = parts.documentation?.build();
  return item;
}

export function uiHover(markdown: SafeMarkdown, range?: vscode.Range): vscode.Hover {
  return new vscode.Hover(markdown.build(), range);
}
