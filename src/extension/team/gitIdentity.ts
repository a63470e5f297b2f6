import * as vscode from 'vscode';

/** The part of the built-in Git extension's API (`vscode.git`, API version 1) used here. */
interface GitRepository {
  readonly rootUri: vscode.Uri;
  getConfig(key: string): Promise<string>;
  getGlobalConfig(key: string): Promise<string>;
}

interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

const GIT_EXTENSION_ID = 'vscode.git';
const STARTUP_WAIT_MS = 2000;

/**
 * `user.email` as git reports it for the folder's repository (its own config, else the global one), through
 * the built-in Git extension; undefined when that extension is missing or disabled, the folder is not in a
 * repository, or no e-mail is set.
 */
export async function gitUserEmail(folder: vscode.Uri): Promise<string | undefined> {
  try {
    const extension = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
    if (!extension) return undefined;
    const git = extension.isActive ? extension.exports : await extension.activate();
    if (!git?.enabled) return undefined;
    const api = git.getAPI(1);
    if (api.state !== 'initialized') await initialized(api);
    const repository = api.getRepository(folder) ?? (await repositoryOpened(api, folder));
    if (!repository) return undefined;
    const email =
      (await repository.getConfig('user.email')) || (await repository.getGlobalConfig('user.email'));
    return email.trim() || undefined;
  } catch {
    return undefined;
  }
}

function initialized(api: GitApi): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, STARTUP_WAIT_MS);
    const listener = api.onDidChangeState((state) => state === 'initialized' && done());
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

/** Git finds repositories a moment after it initialises: wait briefly for the folder's. */
async function repositoryOpened(api: GitApi, folder: vscode.Uri): Promise<GitRepository | undefined> {
  for (let waited = 0; waited < STARTUP_WAIT_MS; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const repository = api.getRepository(folder);
    if (repository) return repository;
  }
  return undefined;
}
