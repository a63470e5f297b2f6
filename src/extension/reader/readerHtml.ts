import type * as vscode from 'vscode';
import { scriptedPageHtml } from '../shared/scriptedPage';

/** The reader's page: reader.js builds the body; paper text never appears in this HTML. */
export function readerHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return scriptedPageHtml(webview, extensionUri, {
    title: 'Paper',
    script: 'reader.js',
    style: 'reader.css',
    images: true,
  });
}
