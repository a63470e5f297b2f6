/**
 * Untrusted text (titles, ids, tags, file names, reader messages) made safe for a terminal. An escape character
 * starts a control sequence that can recolour, retitle or rewrite the screen (and, in some terminals, answer
 * back as typed input); a carriage return overwrites the line; bidi overrides reorder what is shown. Each such
 * character is shown as `\uXXXX` instead, so what the terminal draws is what the file holds.
 */

const CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200E\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL_OR_BREAK = new RegExp(`[\\t\\n]|${CONTROL.source}`, 'g');

const escape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** `text` with every terminal control character escaped; line breaks and tabs are kept. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, escape);
}

/** A value put inside one line of terminal output: line breaks and tabs are escaped too. */
export function terminalField(text: string): string {
  return text.replace(CONTROL_OR_BREAK, escape);
}

/**
 * `JSON.stringify(value, null, 2)` with the characters JSON leaves raw but a terminal acts on (DEL, C1 controls,
 * bidi and line separators) written as `\uXXXX`: the same JSON value, safe to print.
 */
export function terminalJson(value: unknown): string {
  // Outside strings JSON holds only ASCII punctuation, digits and letters, so every match is inside a string.
  return JSON.stringify(value, null, 2).replace(CONTROL, escape);
}
