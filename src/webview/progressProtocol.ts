// The only contract between the Screening Progress webview and the extension host, like protocol.ts for the
// reader: discriminated unions both ways, and the host accepts only messages that pass isProgressMessage.

/** What the Screening Progress view shows. Every string is ours (no paper text), and is still set as text. */
export interface ProgressView {
  /** Papers in the corpus, screened (included or excluded), included. */
  total: number;
  screened: number;
  included: number;
  /** Papers screened since the last inclusion (all of them while none is included). */
  sinceLastInclusion: number;
  /** For each inclusion in screening order, the number of papers screened when it was made (1-based). */
  inclusionsAt: number[];
  /** The stopping test's verdict: "Recall ≥ 95 % with 95 % confidence: you may stop", or "Not yet: …". */
  verdict: string;
  /** How the verdict was reached (the test, its p-value, what "more to screen" means). */
  explanation: string;
  /** True once the test passes (or nothing is left to screen). */
  stop: boolean;
}

/** Host → webview. */
export type ProgressHostMessage = { type: 'progress'; progress: ProgressView };

/** Webview → host: 'ready' once its listeners are in place; 'screenNext' opens the next paper to screen. */
export type ProgressWebviewMessage = { type: 'ready' } | { type: 'screenNext' };

/** True only for exactly `{ type: 'ready' }` or `{ type: 'screenNext' }`. */
export function isProgressMessage(value: unknown): value is ProgressWebviewMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  const keys = Object.keys(value);
  const type = (value as { type?: unknown }).type;
  return keys.length === 1 && (type === 'ready' || type === 'screenNext');
}
