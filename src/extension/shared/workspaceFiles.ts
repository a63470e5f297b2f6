import * as vscode from 'vscode';
import { temporaryName, writeFileAtomically } from './atomicWrite';

/**
 * Replaces the workspace file `target` so that it can never be torn: a local file goes through
 * `writeFileAtomically` (every byte checked, fsync of the file and of its folder, rename; see there). Other
 * schemes (a remote or virtual file system) have no fsync to offer: they get the same temporary file + rename
 * through `vscode.workspace.fs`, and a read-only file is refused there too.
 */
export async function writeWorkspaceFileAtomically(target: vscode.Uri, text: string): Promise<void> {
  if (target.scheme === 'file') return writeFileAtomically(target.fsPath, text);
  if (await isReadonlyByProvider(target)) {
    throw vscode.FileSystemError.NoPermissions(`${target.toString(true)} is read-only`);
  }
  const folder = vscode.Uri.joinPath(target, '..');
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(folder, temporaryName(name));
  await vscode.workspace.fs.createDirectory(folder);
  try {
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

async function isReadonlyByProvider(uri: vscode.Uri): Promise<boolean> {
  const stat = await statOrUndefined(uri);
  return stat?.permissions !== undefined && (stat.permissions & vscode.FilePermission.Readonly) !== 0;
}

async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

/**
 * The file's text, or undefined when it does not exist. Other failures propagate, and so does text that is not
 * valid UTF-8: decoding it with replacement characters and saving it back would destroy it. A byte order mark
 * is dropped unless `keepBom` (for text that is written back whole).
 */
export async function readTextIfExists(
  uri: vscode.Uri,
  options: { keepBom?: boolean } = {},
): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (isFileNotFound(error)) return undefined;
    throw error;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: options.keepBom === true }).decode(bytes);
  } catch {
    throw new Error('the file is not valid UTF-8 text');
  }
}

function isFileNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}
