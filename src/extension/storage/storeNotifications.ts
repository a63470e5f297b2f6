import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';

/** Tells the user when the state file cannot be read or written; edits are kept in memory meanwhile. */
export function registerStoreNotifications({ store, extension, log }: FeatureContext): void {
  extension.subscriptions.push(
    store.onDidChangeProblem(async (problem) => {
      if (!problem) {
        log.appendLine(`State file ${store.file.fsPath} is readable and saved again.`);
        return;
      }
      log.appendLine(`State file problem (${problem.kind}): ${problem.message}`);
      if (problem.kind === 'unreadable') {
        const choice = await vscode.window.showErrorMessage(
          `Literature Triage cannot read ${store.file.fsPath}: ${problem.message}. ` +
            'Your decisions are kept in memory and saved once the file is fixed.',
          'Open File',
        );
        if (choice === 'Open File') await vscode.window.showTextDocument(store.file);
      } else {
        const choice = await vscode.window.showErrorMessage(
          `Literature Triage could not save ${store.file.fsPath}: ${problem.message}. ` +
            'Your decisions are kept in memory.',
          'Retry',
        );
        if (choice === 'Retry') store.retrySave();
      }
    }),
  );
}
