// The only contract between the reader webview and the extension host. Both directions are discriminated
// unions; the host validates every incoming message with isWebviewMessage before acting on it.

export interface PaperView {
  id: string;
  title: string;
  abstract: string;
}

/** Host → webview. */
export type HostMessage = { type: 'showPaper'; paper: PaperView } | { type: 'empty' };

/** Webview → host. The webview sends 'ready' once its listeners are installed (the handshake). */
export type WebviewMessage = { type: 'ready' };

export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown };
  return message.type === 'ready';
}
