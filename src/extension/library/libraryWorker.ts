import { statSync } from 'node:fs';
import * as vscode from 'vscode';
import { LibraryClient } from './libraryClient';

export const LIBRARY_WORKER_SCRIPT = 'dist/library.worker.js';
export const PREBUILT_SEED_DIR = 'dist/seed';

/**
 * The window's library worker client. Each new worker (the first, or one after a crash) is configured first;
 * `started` then sends it the triage, and `crashed` has the corpus read again.
 */
export function startLibraryWorker(
  context: vscode.ExtensionContext,
  owner: { started(): void; crashed(reason: string): void },
): LibraryClient {
  const script = vscode.Uri.joinPath(context.extensionUri, LIBRARY_WORKER_SCRIPT).fsPath;
  const client: LibraryClient = new LibraryClient(script, {
    onStart: () => {
      void client.request('configure', {
        cacheDir: cacheDir(context),
        codeVersion: codeVersion(context, script),
        prebuiltDir: vscode.Uri.joinPath(context.extensionUri, PREBUILT_SEED_DIR).fsPath,
        firstGeneration: client.starts * 1_000_000,
      });
      owner.started();
    },
    onCrash: (reason) => owner.crashed(reason),
  });
  return client;
}

/** Where indexes are cached, or undefined when the global storage is not on a local disk. */
function cacheDir(context: vscode.ExtensionContext): string | undefined {
  const storage = context.globalStorageUri;
  return storage.scheme === 'file' ? vscode.Uri.joinPath(storage, 'index-cache').fsPath : undefined;
}

/** The release, plus the worker bundle's time outside production, so a rebuilt extension drops old caches. */
function codeVersion(context: vscode.ExtensionContext, script: string): string {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0');
  if (context.extensionMode === vscode.ExtensionMode.Production) return version;
  try {
    return `${version}+${statSync(script).mtimeMs}`;
  } catch {
    return `${version}+dev`;
  }
}
