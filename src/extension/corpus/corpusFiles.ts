import * as vscode from 'vscode';
import { resolveInWorkspace } from '../settings';

const GLOB_CHARS = /[*?{[]/;

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path);
}

/** The files named by `literatureTriage.corpora`: workspace-relative paths or globs, or absolute paths. */
export async function corpusFiles(entries: readonly string[]): Promise<{ uri: vscode.Uri; label: string }[]> {
  const found = new Map<string, { uri: vscode.Uri; label: string }>();
  for (const entry of entries) {
    if (GLOB_CHARS.test(entry) && !isAbsolute(entry)) {
      const uris = await vscode.workspace.findFiles(entry, '**/node_modules/**');
      uris.sort((a, b) => a.toString().localeCompare(b.toString()));
      for (const uri of uris) found.set(uri.toString(), { uri, label: vscode.workspace.asRelativePath(uri) });
    } else {
      const uri = resolveInWorkspace(entry);
      if (uri)
        found.set(uri.toString(), {
          uri,
          label: isAbsolute(entry) ? entry : vscode.workspace.asRelativePath(uri),
        });
    }
  }
  return [...found.values()];
}

/** Watch patterns for the same entries, so edits, creations and deletions re-index. */
export function corpusWatchPatterns(entries: readonly string[]): vscode.GlobPattern[] {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return entries.map((entry) => {
    if (isAbsolute(entry)) {
      const slash = entry.lastIndexOf('/');
      return new vscode.RelativePattern(
        vscode.Uri.file(entry.slice(0, slash) || '/'),
        entry.slice(slash + 1),
      );
    }
    return folder ? new vscode.RelativePattern(folder, entry) : entry;
  });
}
