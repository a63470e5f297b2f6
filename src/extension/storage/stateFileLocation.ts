import * as vscode from 'vscode';
import { resolveInWorkspace, settings } from '../settings';

/** The state file: in the first workspace folder, or in global storage when no folder is open. */
export function stateFileLocation(context: vscode.ExtensionContext): vscode.Uri {
  return (
    resolveInWorkspace(settings.stateFile()) ??
    vscode.Uri.joinPath(context.globalStorageUri, 'literature-triage.json')
  );
}
