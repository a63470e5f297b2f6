import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';
import type { ReaderHost } from '../reader';
import type { PapersView } from '../tree';
import { SearchSession } from './searchSession';
import { COMMANDS } from '../commands';

/**
 * "Search Papers": a quick pick over the combined full-text + fuzzy-title ranking. The command takes an optional
 * starting query and returns the session (one at a time: a new search replaces an open one).
 */
export function registerSearch(ctx: FeatureContext, reader: ReaderHost, view: PapersView): void {
  let open: SearchSession | undefined;
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.searchPapers, (query?: unknown) => {
      open?.dispose();
      const session = new SearchSession(ctx, reader, view, typeof query === 'string' ? query : '');
      open = session;
      session.onDidHide(() => {
        if (open === session) open = undefined;
      });
      session.show();
      return session;
    }),
    { dispose: () => open?.dispose() },
  );
}
