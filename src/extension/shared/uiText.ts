import { displayText, displayTextMapped, quotedText, type MappedText } from '../../core/text/displayText';

declare const uiTextBrand: unique symbol;
/**
 * Text fit for the editor's surfaces: our own words, with untrusted parts passed through displayText. Only
 * `ui`, `shownText` and the wrappers in this folder make one, and every surface wrapper takes only this type,
 * so a raw title cannot reach a notification, picker, tree row or status bar by accident.
 */
export type UiText = string & { readonly [uiTextBrand]: true };

/** A value already made safe for the editor's surfaces (see core/text/displayText.ts). */
export class Shown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** `“title”`, cut short: how a paper, an id or a file is named inside a message. */
export const quoted = (text: string, max?: number): Shown => new Shown(quotedText(text, max));

/** Untrusted text on its own (a title as a tree label, a tag as a picker row). */
export const shownText = (text: string, max?: number): UiText => displayText(text, max) as UiText;

/** Text made by `ui` or `shownText`, placed inside another `ui` message as it is (not cut or escaped again). */
export const inline = (text: UiText): Shown => new Shown(text);

/** `shownText`, and where each original character went (to place match highlights). */
export function shownTextMapped(text: string, max?: number): MappedText & { readonly text: UiText } {
  return displayTextMapped(text, max) as MappedText & { readonly text: UiText };
}

/** Pieces of UiText as one text. */
export const uiJoin = (...parts: readonly UiText[]): UiText => parts.join('') as UiText;

/** Lines of UiText as one multi-line text (a tooltip). */
export const uiLines = (lines: readonly UiText[]): UiText => lines.join('\n') as UiText;

/**
 * A message for a notification, progress title, picker title or output line. The literal parts are ours; every
 * interpolated string is untrusted and goes through displayText; numbers, `quoted(…)` and `inline(…)` pass
 * as they are.
 */
export function ui(
  literals: TemplateStringsArray,
  ...values: ReadonlyArray<string | number | Shown>
): UiText {
  let text = literals[0]!;
  values.forEach((value, i) => {
    text += value instanceof Shown || typeof value === 'number' ? String(value) : displayText(value);
    text += literals[i + 1]!;
  });
  return text as UiText;
}
