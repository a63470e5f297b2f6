import { displayText, quotedText } from '../../core/text/displayText';

/** A value already made safe for the editor's surfaces (see core/text/displayText.ts). */
export class Shown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** `“title”`, cut short: how a paper, an id or a file is named inside a message. */
export const quoted = (text: string, max?: number): Shown => new Shown(quotedText(text, max));

/**
 * A message for a notification, progress title, picker title or output line. The literal parts are ours; every
 * interpolated string is untrusted and goes through displayText; numbers and `quoted(…)` pass as they are.
 */
export function ui(
  literals: TemplateStringsArray,
  ...values: ReadonlyArray<string | number | Shown>
): string {
  let text = literals[0]!;
  values.forEach((value, i) => {
    text += value instanceof Shown || typeof value === 'number' ? String(value) : displayText(value);
    text += literals[i + 1]!;
  });
  return text;
}
