import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

/**
 * The Screening Progress page: like the reader's, no inline code, scripts and styles only from media/dist,
 * guarded by a per-render nonce. The body is built by progress.js with DOM APIs.
 */
export function progressHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (name: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dist', name));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('progress.css')}">
<title>Screening Progress</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${asset('progress.js')}"></script>
</body>
</html>`;
}
