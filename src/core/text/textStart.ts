/** The first `max` characters of `text` on one line, cut at a word boundary, with an ellipsis when cut. */
export function textStart(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Never end on half a surrogate pair.
  const cut = flat.slice(0, /[\uD800-\uDBFF]/.test(flat.charAt(max - 1)) ? max - 1 : max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
