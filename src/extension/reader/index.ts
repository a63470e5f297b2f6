import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';
import { Reader, type ReaderHost, type ReaderOrder } from './reader';
import { registerReaderCommands } from './readerCommands';
import { ReaderPanel } from './readerPanel';
import { WEBVIEW_PANELS } from '../commands';

export type { ReaderHost } from './reader';

/** The reader panel, its commands, and its restoration after a window reload. */
export function registerReader(ctx: FeatureContext, order: ReaderOrder): ReaderHost {
  const panel = new ReaderPanel(ctx.extension.extensionUri, ctx.log);
  const reader = new Reader(ctx, order, panel);
  ctx.extension.subscriptions.push(
    panel,
    reader,
    vscode.window.registerWebviewPanelSerializer(WEBVIEW_PANELS.reader, reader),
    ...registerReaderCommands(ctx.library, reader, order, ctx.screening),
  );
  return reader;
}
