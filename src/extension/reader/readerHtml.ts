import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

/**
 * The reader's page: no inline code, scripts and styles only from media/dist, guarded by a per-render nonce.
 * The body is built by reader.js with DOM APIs; paper text never appears in this HTML.
 */
export function readerHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (name: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dist', name));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
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
<link rel="stylesheet" href="${asset('reader.css')}">
<title>Paper</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${asset('reader.js')}"></script>
</body>
</html>`;
}
