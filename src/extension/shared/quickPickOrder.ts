import type * as vscode from 'vscode';

/**
 * Keeps a quick pick's items in the order given while the user types. `sortByLabel` is a proposed API, missing
 * from the typings, but VS Code applies it without an API-proposal check; elsewhere the extra property does
 * nothing and matches on the label simply come first.
 */
export function keepItemOrder<T extends vscode.QuickPickItem>(picker: vscode.QuickPick<T>): void {
  (picker as vscode.QuickPick<T> & { sortByLabel: boolean }).sortByLabel = false;
}
