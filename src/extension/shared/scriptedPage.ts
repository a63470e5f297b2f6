import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

/**
 * A webview page whose body its own script builds with DOM APIs: no inline code, the script and the style
 * sheet only from media/dist, the script guarded by a per-render nonce. No data ever appears in this HTML.
 */
export function scriptedPageHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  page: { title: string; script: string; style: string; images?: boolean },
): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (name: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dist', name));
  const csp = [
    "default-src 'none'",
    ...(page.images ? [`img-src ${webview.cspSource} data:`] : []),
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
<link rel="stylesheet" href="${asset(page.style)}">
<title>${page.title}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${asset(page.script)}"></script>
</body>
</html>`;
}
