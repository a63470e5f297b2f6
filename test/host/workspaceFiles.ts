// Files in the test workspace, and a way to leave the shared triage state as the tests found it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { emptyState } from '../../src/core/triage';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import { eventually } from '../harness/eventually';

export const repoRoot = join(__dirname, '../../..');

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the host tests need a workspace folder');
  return folder.uri.fsPath;
}

export function workspacePath(relative: string): string {
  return join(workspaceRoot(), relative);
}

export function writeWorkspaceFile(relative: string, content: string | Uint8Array): string {
  const path = workspacePath(relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

export function readWorkspaceFile(relative: string): string | undefined {
  const path = workspacePath(relative);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function removeWorkspacePath(relative: string): void {
  rmSync(workspacePath(relative), { recursive: true, force: true });
}

export function fixture(relative: string): Buffer {
  return readFileSync(join(repoRoot, 'test/fixtures', relative));
}

/** Clears every decision of the extension's store and removes the state file, as a fresh workspace has it. */
export async function resetTriage(api: LiteratureTriageApi): Promise<void> {
  const store = api.context.store;
  await store.flush();
  if (store.state.papers.size > 0) store.apply(() => emptyState());
  await store.flush();
  rmSync(store.file.fsPath, { force: true });
  await store.reloadFromDisk();
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits until file events in `dir` reach the extension host: a new watcher takes a moment to be set up, and
 * changes made before that are never reported. A probe file is touched until its event arrives.
 */
export async function watcherReady(dir: string): Promise<void> {
  const watcher = vscode.workspace.createFileSystemWatcher(
    new vscode.RelativePattern(vscode.Uri.file(dir), '.watch-probe'),
  );
  let seen = false;
  const onEvent = () => (seen = true);
  watcher.onDidCreate(onEvent);
  watcher.onDidChange(onEvent);
  const probe = join(dir, '.watch-probe');
  let touches = 0;
  try {
    await eventually(
      () => {
        if (!seen) writeFileSync(probe, String(touches++));
        return seen;
      },
      `file events in ${dir}`,
      { intervalMs: 100 },
    );
  } finally {
    watcher.dispose();
    rmSync(probe, { force: true });
    await sleep(150);
  }
}
