import * as vscode from 'vscode';
import type { ReviewerProblem, ReviewerSource } from '../../core/team';
import { readTextIfExists } from '../shared/workspaceFiles';

/** The `.json` files of a team folder (reviewers or final decisions), sorted; none when it does not exist. */
export async function jsonFiles(folder: vscode.Uri): Promise<string[]> {
  try {
    // A folder that is not there (yet) is no error; asked first, so the file system logs no failed listing.
    if ((await vscode.workspace.fs.stat(folder)).type !== vscode.FileType.Directory) return [];
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries
      .filter(
        ([name, type]) => type === vscode.FileType.File && name.endsWith('.json') && !name.startsWith('.'),
      )
      .map(([name]) => name)
      .sort();
  } catch {
    return [];
  }
}

/** Every `.json` file's text, and each one that could not be read as a problem naming it. */
export async function readFolder(
  folder: vscode.Uri,
): Promise<{ sources: ReviewerSource[]; unreadable: ReviewerProblem[] }> {
  const sources: ReviewerSource[] = [];
  const unreadable: ReviewerProblem[] = [];
  for (const name of await jsonFiles(folder)) {
    try {
      const text = await readTextIfExists(vscode.Uri.joinPath(folder, name));
      if (text !== undefined) sources.push({ name, text });
    } catch (error) {
      unreadable.push({ name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { sources, unreadable };
}

/**
 * The lock, journal and temporary files each window keeps beside its own file are its own: a `.gitignore` in
 * the folder keeps them out of commits (an existing one is left as it is).
 */
export async function writeGitIgnore(folder: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.createDirectory(folder);
  const file = vscode.Uri.joinPath(folder, '.gitignore');
  if ((await readTextIfExists(file)) !== undefined) return;
  const text =
    "# Written by Literature Triage: each window's lock, journal and temporary files.\n.*.lock\n.*.journal\n.*.tmp\n";
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
}

/**
 * Watches a team folder (relative to the workspace folder `root`): `changed` runs when a file in it is created,
 * changed or deleted, and when the folder (or one above it) appears. The pattern hangs off the workspace folder, since a
 * watcher of a folder that does not exist yet would never report anything; and the folder's own creation counts,
 * because files a pull writes into a new folder can land before the folder is watched (they are read then).
 * Hidden files (each window's lock, journal and temporary files) are left out.
 */
export function watchJsonFiles(root: vscode.Uri, relative: string, changed: () => void): vscode.Disposable {
  // The folder, each folder above it, and the files in it: when a new folder is not watched yet, files written
  // into it at once (a pull, a clone) give no event of their own, but its creation does.
  const parts = relative.split('/');
  const folders = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  const pattern = new vscode.RelativePattern(root, `{${[...folders, `${relative}/*`].join(',')}}`);
  const watcher = vscode.workspace.createFileSystemWatcher(pattern);
  const onEvent = (uri: vscode.Uri) => {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (!name.startsWith('.')) changed();
  };
  watcher.onDidCreate(onEvent);
  watcher.onDidChange(onEvent);
  watcher.onDidDelete(onEvent);
  return watcher;
}

/**
 * `run` one call at a time: each call starts when the one before has finished, so when reads of a folder
 * overlap (a watcher's events, a command) the last read is the one that stays.
 */
export function oneAtATime(run: () => Promise<void>): () => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  return () => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };
}
