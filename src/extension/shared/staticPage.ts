import { randomBytes } from 'node:crypto';

/** Text placed in HTML as text: the five characters that could start markup or end an attribute escaped. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/**
 * A webview page built on the host with no script at all: the policy allows nothing but the one style element,
 * which carries a per-render nonce. `body` must already be escaped (escapeHtml) wherever it holds data.
 */
export function staticPageHtml(page: { title: string; styles: string; body: string }): string {
  const nonce = randomBytes(18).toString('base64');
  const csp = ["default-src 'none'", `style-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(page.title)}</title>
<style nonce="${nonce}">
${page.styles}
</style>
</head>
<body>
${page.body}
</body>
</html>`;
}
