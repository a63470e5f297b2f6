/**
 * Untrusted text (titles, ids, tags, notes, file names, error details) made safe for the editor's plain-text
 * surfaces: notifications and progress titles turn `[label](command:…)` into a link, quick picks and the status
 * bar turn `$(name)` into an icon, and control or bidi-override characters reorder or hide what is shown.
 *
 * One rule serves every surface, so that no caller has to know which surface renders what: line breaks and runs
 * of white space become one space; control, bidi and other invisible formatting characters are shown escaped
 * (`\u202E`); the text is cut at `max` characters with an ellipsis; and an invisible zero-width space is put
 * between `]` and `(` and between `$` and `(`, which the editor's link and icon syntaxes need side by side.
 * The text reads the same, it just is no longer syntax.
 */

const BREAK = '\u200B';
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/;
const SPACE = /[\t\n\r\u0085\u2028\u2029 ]/;
/** Anything the rule would change: other breaks, doubled or outer spaces, link or icon syntax, surrogates. */
const NEEDS_WORK = new RegExp(
  `[\\t\\n\\r\\u0085\\u2028\\u2029]|  |^ | $|[\\]$]\\(|[\\uD800-\\uDFFF]|${INVISIBLE.source}`,
);

const DEFAULT_MAX = 200;

/** `text` for a one-line plain-text surface, at most about `max` characters. */
export function displayText(text: string, max = DEFAULT_MAX): string {
  return displayTextMapped(text, max).text;
}

export interface MappedText {
  readonly text: string;
  /** Where the character at `offset` of the original text is in `text` (past the end when it was cut off). */
  at(offset: number): number;
}

/** `displayText`, and where each original character went (for match highlights computed on the original). */
export function displayTextMapped(text: string, max = DEFAULT_MAX): MappedText {
  // Most titles and tags are plain: shown as they are (one test instead of two per character).
  if (text.length <= max && !NEEDS_WORK.test(text)) {
    const end = text.length;
    return { text, at: (offset) => Math.min(offset, end) };
  }
  const out: string[] = [];
  const positions: number[] = [];
  let length = 0;
  let cut = false;
  let pendingSpace = false;
  const push = (piece: string) => {
    out.push(piece);
    length += piece.length;
  };
  for (let i = 0; i < text.length; i++) {
    positions[i] = length + (pendingSpace && length > 0 ? 1 : 0);
    let ch = text[i]!;
    if (SPACE.test(ch)) {
      pendingSpace = true;
      continue;
    }
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) ch += text[i + 1];
      else ch = '\uFFFD';
    } else if (code >= 0xdc00 && code <= 0xdfff) ch = '\uFFFD';
    const piece = INVISIBLE.test(ch) ? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}` : ch;
    const before = pendingSpace && length > 0 ? 1 : 0;
    if (length + before + piece.length > max) {
      cut = true;
      break;
    }
    if (before) push(' ');
    pendingSpace = false;
    const last = out.at(-1);
    if (piece === '(' && (last === ']' || last === '$')) push(BREAK);
    positions[i] = length;
    push(piece);
    if (ch.length === 2) {
      positions[i + 1] = length - 1;
      i++;
    }
  }
  let result = out.join('');
  if (cut) {
    // Leave room for the ellipsis, and never end on half a surrogate pair.
    while (result.length > Math.max(0, max - 1)) result = result.slice(0, -1);
    if (/[\uD800-\uDBFF]$/.test(result)) result = result.slice(0, -1);
    result = `${result.trimEnd()}…`;
  }
  const end = result.length;
  return {
    text: result,
    at: (offset) => Math.min(positions[offset] ?? end, end),
  };
}

/** `“text”` cut to `max` characters: how titles, ids and file names are named in messages. */
export function quotedText(text: string, max = 60): string {
  return `“${displayText(text, max)}”`;
}
