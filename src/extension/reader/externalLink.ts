import type { Paper } from '../../core/model/paper';

type LinkCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Whether the reader may open `url` outside VS Code: it must parse as an http(s) URL without credentials and
 * be one of the links found in the paper being read. Anything else (javascript:, command:, file:, data:, a
 * URL the webview made up) is refused.
 */
export function checkExternalLink(url: string, paper: Paper | undefined): LinkCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'it is not a valid URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: `only http and https links are opened, not ${parsed.protocol}` };
  }
  if (parsed.username || parsed.password) return { ok: false, reason: 'it carries credentials' };
  if (!paper?.links.includes(url)) return { ok: false, reason: 'it is not a link of the paper being read' };
  return { ok: true, url: parsed.href };
}
