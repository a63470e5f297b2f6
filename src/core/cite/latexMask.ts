/**
 * LaTeX text with comments blanked out (same length, so offsets stay valid): a `%` not escaped by `\` runs to
 * the end of its line. `\%` is a percent sign, `\\%` a line break followed by a comment.
 */
export function maskLatexComments(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c !== 37 /* % */) continue;
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    out += text.slice(from, i) + ' '.repeat(end - i);
    from = end;
    i = end;
  }
  return from === 0 ? text : out + text.slice(from);
}
