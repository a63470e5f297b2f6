import * as vscode from 'vscode';
import { primaryFolder, settings } from '../settings';

const DEFAULT_STATE_FILE = 'literature-triage.json';

/** The state file: in the first workspace folder, or in global storage when no folder is open. */
export function stateFileLocation(context: vscode.ExtensionContext): vscode.Uri {
  return stateFileUri(primaryFolder(), settings.stateFile(), context.globalStorageUri);
}

/**
 * `setting` relative to `folder` (an absolute path is kept). Without a folder a relative setting has nothing to
 * be relative to, so the state goes to global storage under the setting's file name.
 */
export function stateFileUri(
  folder: vscode.Uri | undefined,
  setting: string,
  globalStorage: vscode.Uri,
): vscode.Uri {
  const path = setting.trim() || DEFAULT_STATE_FILE;
  if (path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path)) return vscode.Uri.file(path);
  if (folder) return vscode.Uri.joinPath(folder, path);
  const name = path.split(/[\\/]/).filter(Boolean).pop() ?? DEFAULT_STATE_FILE;
  return vscode.Uri.joinPath(globalStorage, name);
}
