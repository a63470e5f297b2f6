/**
 * Text for SVG: escaped for XML, cleared of what XML 1.0 forbids, kept from reordering its neighbours, and
 * wrapped into lines by an estimate of its width (no fonts are measured: the estimate errs on the wide side).
 */

/** Characters XML 1.0 does not allow (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Bidi embeddings, overrides and isolates: a name must not reorder the text after it. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
const FSI = '\u2068';
const PDI = '\u2069';

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A name from a corpus or a setting as one line of plain text: white space runs become one space, bidi
 * controls are dropped; the caller isolates it with `isolate` once it is placed on a line.
 */
export function plainName(text: string): string {
  return text.replace(BIDI_CONTROL, '').replace(/\s+/gu, ' ').trim();
}

/** First-strong isolation, so right-to-left text in a name does not move the "(n = …)" after it. */
export function isolate(text: string): string {
  return text ? `${FSI}${text}${PDI}` : text;
}

const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
const MARK = /^[\p{M}\p{Cf}]$/u;

const NARROW = new Set(" ijlrtfI.,:;'!|()[]{}/");
const BROAD = new Set('mwMW@%');

/**
 * Estimated width of one code point, in ems of a sans-serif font: a little over Arial's and Helvetica's
 * widths for Latin text, a full em for CJK and emoji.
 */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 0x80) {
    if (NARROW.has(ch)) return 0.32;
    if (BROAD.has(ch)) return 0.9;
    return code >= 65 && code <= 90 ? 0.7 : 0.58;
  }
  if (MARK.test(ch)) return 0;
  return WIDE.test(ch) ? 1.05 : 0.65;
}

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontSize;
}

/**
 * Lines of at most `width` (estimated), broken at spaces; a word wider than a line is cut between code
 * points (never inside a surrogate pair or before a combining mark).
 */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w.length > 0)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (textWidth(word, fontSize) <= width) {
      line = word;
      continue;
    }
    let piece = '';
    let pieceWidth = 0;
    for (const ch of word) {
      const w = charWidth(ch) * fontSize;
      if (piece && w > 0 && pieceWidth + w > width) {
        lines.push(piece);
        piece = '';
        pieceWidth = 0;
      }
      piece += ch;
      pieceWidth += w;
    }
    line = piece;
  }
  if (line) lines.push(line);
  return lines;
}
