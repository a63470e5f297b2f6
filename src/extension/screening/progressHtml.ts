import type * as vscode from 'vscode';
import { scriptedPageHtml } from '../shared/scriptedPage';

/** The Screening Progress page: progress.js builds the body. */
export function progressHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return scriptedPageHtml(webview, extensionUri, {
    title: 'Screening Progress',
    script: 'progress.js',
    style: 'progress.css',
  });
}
