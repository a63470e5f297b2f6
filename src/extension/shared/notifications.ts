import * as vscode from 'vscode';
import type { UiText } from './uiText';

interface NotificationOptions {
  readonly modal?: boolean;
  readonly detail?: UiText;
}

type Kind = 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage';

function notify(kind: Kind) {
  return (
    message: UiText,
    options: NotificationOptions = {},
    ...actions: UiText[]
  ): Thenable<UiText | undefined> => {
    // Looked up at call time, so a test that replaces the window function sees the call.
    const show = vscode.window[kind] as (message: string, ...rest: unknown[]) => Thenable<string | undefined>;
    const plain = options.modal === undefined && options.detail === undefined;
    return (plain ? show(message, ...actions) : show(message, options, ...actions)) as Thenable<
      UiText | undefined
    >;
  };
}

/** Notifications: the message, its detail and every button are UiText (see uiText.ts). */
export const showInfo = notify('showInformationMessage');
export const showWarning = notify('showWarningMessage');
export const showError = notify('showErrorMessage');

/** A message in the status bar that goes away after `hideAfterMs`. */
export function flashStatus(text: UiText, hideAfterMs: number): vscode.Disposable {
  return vscode.window.setStatusBarMessage(text, hideAfterMs);
}
