import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';

/**
 * Writes through a temporary file in the same folder, then renames it over the target, so a crash or a full
 * disk never leaves a torn file behind. A read-only target is refused rather than silently replaced (a rename
 * would replace it: only the folder's permissions matter to it). A symbolic link is followed, so the link
 * stays a link; the target keeps its permission bits.
 */
export async function writeFileAtomically(target: vscode.Uri, text: string): Promise<void> {
  const local = target.scheme === 'file' ? await localFileFacts(target.fsPath) : undefined;
  const destination = local?.realPath ? vscode.Uri.file(local.realPath) : target;
  if (local?.readOnly || (await isReadonlyByProvider(destination))) {
    throw vscode.FileSystemError.NoPermissions(`${target.fsPath} is read-only`);
  }
  const folder = vscode.Uri.joinPath(destination, '..');
  const name = destination.path.slice(destination.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(folder, `.${name}.${uniqueSuffix()}.tmp`);
  await vscode.workspace.fs.createDirectory(folder);
  try {
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
    if (local?.mode !== undefined) await fs.chmod(temp.fsPath, local.mode);
    await vscode.workspace.fs.rename(temp, destination, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

interface LocalFileFacts {
  /** Where a symbolic link points; undefined when the file does not exist yet. */
  realPath?: string;
  /** Permission bits to give the replacement. */
  mode?: number;
  /**
   * The owner may not write it. VS Code reports such files as "locked", which `workspace.fs.stat` does not
   * pass on to extensions, and a process running as root could write them anyway: the bits are the user's
   * intent, so they are checked here.
   */
  readOnly: boolean;
}

async function localFileFacts(path: string): Promise<LocalFileFacts | undefined> {
  try {
    const realPath = await fs.realpath(path);
    const stat = await fs.stat(realPath);
    if (!stat.isFile()) return { realPath, readOnly: false };
    const mode = stat.mode & 0o7777;
    return { realPath, mode, readOnly: (mode & 0o200) === 0 };
  } catch {
    return undefined;
  }
}

async function isReadonlyByProvider(uri: vscode.Uri): Promise<boolean> {
  const stat = await statOrUndefined(uri);
  return stat?.permissions !== undefined && (stat.permissions & vscode.FilePermission.Readonly) !== 0;
}

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
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

export function isFileNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

export function isDirectoryError(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileIsADirectory';
}
