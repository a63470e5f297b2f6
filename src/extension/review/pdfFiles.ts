import * as vscode from 'vscode';

const MAX_DEPTH = 8;
const MAX_FILES = 50_000;

/** The `.pdf` files under `folder` (sub-folders too, not through symbolic links), sorted by path. */
export async function listPdfs(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  const walk = async (dir: vscode.Uri, depth: number): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return;
    }
    for (const [name, type] of entries) {
      if (found.length >= MAX_FILES) return;
      if (type & vscode.FileType.SymbolicLink) continue;
      const child = vscode.Uri.joinPath(dir, name);
      if (type === vscode.FileType.Directory && depth < MAX_DEPTH && !name.startsWith('.'))
        await walk(child, depth + 1);
      else if (type === vscode.FileType.File && /\.pdf$/i.test(name)) found.push(child);
    }
  };
  await walk(folder, 0);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
