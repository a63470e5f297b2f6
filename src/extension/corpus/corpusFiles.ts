import * as vscode from 'vscode';
import { primaryFolder, resolveInWorkspace } from '../settings';

const GLOB_CHARS = /[*?{[]/;

export interface CorpusSource {
  uri: vscode.Uri;
  /** How messages name the file: workspace-relative, or absolute when outside the workspace. */
  label: string;
}

export interface CorpusEntryProblem {
  entry: string;
  message: string;
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path);
}

function isGlob(entry: string): boolean {
  return GLOB_CHARS.test(entry) && !isAbsolute(entry);
}

/** Whether `uri` is an existing file (a name like `papers [2024].bib` is that file, not a pattern). */
async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

/**
 * The files named by `literatureTriage.corpora`: workspace-relative paths or globs, or absolute paths. An entry
 * that names an existing file is that file even if it holds `[`, `{`, `*` or `?`. Entries that name nothing (a
 * relative path with no folder open, a glob matching no file) are returned as problems.
 */
export async function corpusFiles(
  entries: readonly string[],
): Promise<{ sources: CorpusSource[]; problems: CorpusEntryProblem[] }> {
  const found = new Map<string, CorpusSource>();
  const problems: CorpusEntryProblem[] = [];
  const folder = primaryFolder();
  for (const entry of entries) {
    const literal = isGlob(entry) && folder ? vscode.Uri.joinPath(folder, entry) : undefined;
    if (literal && (await isFile(literal))) {
      found.set(literal.toString(), { uri: literal, label: labelOf(literal) });
    } else if (isGlob(entry)) {
      if (!folder) {
        problems.push({ entry, message: 'a pattern needs an open folder to search' });
        continue;
      }
      const uris = await vscode.workspace.findFiles(
        new vscode.RelativePattern(folder, entry),
        '**/node_modules/**',
      );
      if (uris.length === 0) problems.push({ entry, message: 'the pattern matches no file' });
      uris.sort((a, b) => a.toString().localeCompare(b.toString()));
      for (const uri of uris) found.set(uri.toString(), { uri, label: labelOf(uri) });
    } else {
      const uri = resolveInWorkspace(entry);
      if (uri) found.set(uri.toString(), { uri, label: isAbsolute(entry) ? entry : labelOf(uri) });
      else problems.push({ entry, message: 'a relative path needs an open folder' });
    }
  }
  return { sources: [...found.values()], problems };
}

function labelOf(uri: vscode.Uri): string {
  return settingPathFor(uri);
}

/** How a file is written into `literatureTriage.corpora`: relative to the first folder when inside it. */
export function settingPathFor(uri: vscode.Uri): string {
  const folder = primaryFolder();
  if (folder && uri.scheme === folder.scheme && uri.authority === folder.authority) {
    const root = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    if (uri.path.startsWith(root)) return uri.path.slice(root.length);
  }
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** Watch patterns for the same entries, so edits, creations and deletions re-index. */
export function corpusWatchPatterns(entries: readonly string[]): vscode.GlobPattern[] {
  const folder = primaryFolder();
  const patterns: vscode.GlobPattern[] = [];
  for (const entry of entries) {
    if (isAbsolute(entry)) {
      const slash = Math.max(entry.lastIndexOf('/'), entry.lastIndexOf('\\'));
      patterns.push(
        new vscode.RelativePattern(vscode.Uri.file(entry.slice(0, slash) || '/'), entry.slice(slash + 1)),
      );
    } else if (folder) {
      patterns.push(new vscode.RelativePattern(folder, entry));
      // The entry may also be a file's own name (see corpusFiles): watch that name literally too.
      if (isGlob(entry)) patterns.push(new vscode.RelativePattern(folder, literalGlob(entry)));
    }
  }
  return patterns;
}

/**
 * A glob that matches `path`: each glob character becomes `?` (any one character). Escaping it in a class
 * (`[[]`) is not understood by the file watcher; a `?` may match a neighbour's name too, which costs one
 * extra reload at worst.
 */
function literalGlob(path: string): string {
  return path.replace(/[*?{}[\]]/g, '?');
}
