import * as vscode from 'vscode';
import type { UiText } from './uiText';

/** The output channel, taking only UiText lines. */
export type OutputLog = Omit<vscode.OutputChannel, 'append' | 'appendLine' | 'replace'> & {
  append(value: UiText): void;
  appendLine(value: UiText): void;
  replace(value: UiText): void;
};

export function createOutputLog(name: string): OutputLog {
  return vscode.window.createOutputChannel(name) as OutputLog;
}
