import * as vscode from 'vscode';
import { showError, showInfo } from '../shared/notifications';
import type { FeatureContext } from '../featureContext';
import { quoted, shownText, ui } from '../shared/uiText';

const OPEN_FILE = ui`Open File`;
const RETRY = ui`Retry`;

/** Tells the user when the state file cannot be read or written; edits are kept in memory meanwhile. */
export function registerStoreNotifications({
  store,
  extension,
  log,
}: Pick<FeatureContext, 'store' | 'extension' | 'log'>): void {
  extension.subscriptions.push(
    store.onDidReport((line) => log.appendLine(shownText(line, 2000))),
    store.onDidRecover((count) => {
      void showInfo(
        ui`Literature Triage recovered ${count} ${count === 1 ? 'edit' : 'edits'} that a closed or crashed window had not saved to ${quoted(store.file.fsPath, 120)}; they are back and will be saved with the others.`,
      );
    }),
    store.onDidChangeProblem(async (problem) => {
      const file = store.file;
      if (!problem) {
        log.appendLine(ui`State file ${file.fsPath} is readable and saved again.`);
        return;
      }
      log.appendLine(ui`State file problem (${problem.kind}): ${problem.message}`);
      if (problem.kind === 'unreadable') {
        const choice = await showError(
          ui`Literature Triage cannot read ${quoted(file.fsPath, 120)}: ${problem.message}. It will not be overwritten: your decisions are kept (in memory and in a journal beside it) and saved once the file is fixed, even if this window is closed first.`,
          {},
          OPEN_FILE,
        );
        if (choice === OPEN_FILE) await vscode.window.showTextDocument(file);
      } else {
        const choice = await showError(
          ui`Literature Triage could not save ${quoted(file.fsPath, 120)}: ${problem.message}. Your decisions are kept in memory.`,
          {},
          RETRY,
        );
        if (choice === RETRY) store.retrySave();
      }
    }),
  );
}
