import * as vscode from 'vscode';

/**
 * Writes through a temporary file in the same folder, then renames it over the target, so a crash or a full
 * disk never leaves a torn file behind. A read-only target is refused rather than silently replaced.
 */
export async function writeFileAtomically(target: vscode.Uri, text: string): Promise<void> {
  const stat = await statOrUndefined(target);
  if (stat?.permissions !== undefined && (stat.permissions & vscode.FilePermission.Readonly) !== 0) {
    throw vscode.FileSystemError.NoPermissions(target);
  }
  const folder = vscode.Uri.joinPath(target, '..');
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(
    folder,
    `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

export async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

/** The file's text, or undefined when it does not exist. Other failures propagate. */
export async function readTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}
