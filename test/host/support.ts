import { SearchIndex } from '../../src/core/search';
import * as vscode from 'vscode';
import type { LiteratureTriageApi } from '../../src/extension/extension';
import { emptyState } from '../../src/core/triage';

export const EXTENSION_ID = 'literature-triage.literature-triage';

/** Activates the extension under test and waits until its corpus is loaded. */
export async function activeApi(): Promise<LiteratureTriageApi> {
  const extension = vscode.extensions.getExtension<LiteratureTriageApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** Forgets every decision, tag and note (one undoable step), saves, and deletes the state file. */
export async function resetTriage(api: LiteratureTriageApi): Promise<void> {
  const { store } = api.context;
  if (store.state.papers.size > 0) store.apply(() => emptyState());
  await store.flush();
  await vscode.workspace.fs.delete(store.file).then(undefined, () => undefined);
  await store.reloadFromDisk();
}

/**
 * A search index built here, in the test, from the same papers the library worker has (their full text comes
 * from the worker) with the tags the host has: an independent expectation for what the worker answers.
 */
export async function localIndex(api: LiteratureTriageApi): Promise<SearchIndex> {
  const { library } = api.context;
  const papers = library.papers;
  const tags = new Map(papers.map((p) => [p.id, library.triage(p).tags]));
  return SearchIndex.build(await library.fullPapers(papers.map((p) => p.id))).withTags(
    (id) => tags.get(id) ?? [],
  );
}
