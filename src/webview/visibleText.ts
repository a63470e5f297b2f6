/**
 * Paper text as the reader shows it. The DOM already keeps it from becoming markup (it is only ever set as
 * textContent or an attribute value), but some characters still act on what is drawn: bidi embeddings,
 * overrides and isolates reorder the text around them (a title can show "exe.png" for "gnp.exe"), and control
 * characters are invisible. Those are shown as `\u202E` instead. Line breaks, tabs, and the marks that right-
 * to-left text does use (U+200E, U+200F, U+061C) are kept; each field is also isolated by the stylesheet, so
 * nothing leaks into the text beside it.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ACTING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function visibleText(text: string): string {
  return text.replace(ACTING, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
