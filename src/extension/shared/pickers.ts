import * as vscode from 'vscode';
import type { UiText } from './uiText';

export interface SafeButton extends vscode.QuickInputButton {
  readonly tooltip?: UiText;
}

/** A quick-pick row whose visible parts are UiText: `$(icon)` syntax in a title stays text. */
export interface SafePickItem extends vscode.QuickPickItem {
  label: UiText;
  description?: UiText;
  detail?: UiText;
  buttons?: readonly SafeButton[];
}

interface SafePickOptions extends vscode.QuickPickOptions {
  title?: UiText;
  placeHolder?: UiText;
  canPickMany?: false;
}

export function showPick<T extends SafePickItem>(
  items: readonly T[] | Thenable<readonly T[]>,
  options: SafePickOptions,
): Thenable<T | undefined> {
  return vscode.window.showQuickPick(items, options);
}

/** A quick pick whose title, placeholder and rows take only UiText. */
export type SafeQuickPick<T extends SafePickItem> = Omit<
  vscode.QuickPick<T>,
  'title' | 'placeholder' | 'buttons'
> & {
  title: UiText | undefined;
  placeholder: UiText | undefined;
  buttons: readonly SafeButton[];
};

export function createPick<T extends SafePickItem>(): SafeQuickPick<T> {
  return vscode.window.createQuickPick<T>() as SafeQuickPick<T>;
}

type InputCheck =
  UiText | { message: UiText; severity: vscode.InputBoxValidationSeverity } | undefined | null;

interface SafeInputOptions extends Omit<vscode.InputBoxOptions, 'validateInput'> {
  title?: UiText;
  prompt?: UiText;
  placeHolder?: UiText;
  validateInput?(value: string): InputCheck | Thenable<InputCheck>;
}

/** An input box; `value` is what the user edits, so it is shown as typed. */
export function showInput(options: SafeInputOptions): Thenable<string | undefined> {
  return vscode.window.showInputBox(options);
}
