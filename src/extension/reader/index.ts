import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';
import { Reader, type ReaderHost, type ReaderOrder } from './reader';
import { registerReaderCommands } from './readerCommands';
import { READER_VIEW_TYPE, ReaderPanel } from './readerPanel';

export type { ReaderHost, ReaderOrder, ShowOptions } from './reader';
export { READER_VIEW_TYPE } from './readerPanel';

/** The reader panel, its commands, and its restoration after a window reload. */
export function registerReader(ctx: FeatureContext, order: ReaderOrder): ReaderHost {
  const panel = new ReaderPanel(ctx.extension.extensionUri, ctx.log);
  const reader = new Reader(ctx, order, panel);
  ctx.extension.subscriptions.push(
    panel,
    reader,
    vscode.window.registerWebviewPanelSerializer(READER_VIEW_TYPE, reader),
    ...registerReaderCommands(ctx.library, reader, order, ctx.screening),
  );
  return reader;
}
