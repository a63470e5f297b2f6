/**
 * How text becomes a BibTeX field value.
 *
 * Abstracts and titles are treated as plain text that may contain a little LaTeX. The LaTeX that encodes
 * characters — accents (`Fr\'echet`, `{\"o}`, `\c{c}`), letters (`\ss`) and escaped specials (`\&`, `\%`) —
 * is decoded to Unicode (latexDecode.ts); the .bib is UTF-8, which biber reads natively and bibtex passes
 * through. Everything else is printed literally, exactly as the source shows it: `x_{t+1}` becomes
 * `x\_\textbraceleft{}t+1\textbraceright{}`, `\eg` becomes `\textbackslash{}eg`. Keeping other LaTeX
 * "live" is not safe: sources use it loosely (`\eg` is not a command, `D_{KL}` is outside math mode), and
 * one undefined command breaks the user's document build.
 *
 * So the output has no bare `% & # _ ^ $ ~ \`, and its braces always balance: literal braces are written
 * as `\textbraceleft{}`/`\textbraceright{}`, because BibTeX counts `\{` as a brace and a lone `}` would end
 * the field. Whitespace runs (newlines and paragraph breaks included) become one space; control
 * characters, zero-width and bidi formatting characters and unpaired surrogates are dropped.
 */
import { decodeLatex } from './latexDecode';

const REPLACEMENTS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  $: '\\$',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/**
 * Control characters (TAB, LF and CR are whitespace instead), soft hyphen, zero-width and bidi formatting
 * characters (LaTeX cannot typeset them, and in the .bib they reorder what an editor shows), BOM, unpaired
 * surrogates.
 */
const DROPPED =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Plain Unicode text: LaTeX character commands decoded, invisible characters dropped, spaces collapsed. */
export function plainText(text: string): string {
  return decodeLatex(text.normalize('NFC')).normalize('NFC').replace(DROPPED, '').replace(/\s+/g, ' ').trim();
}

/**
 * `plainText` by paragraph: a blank line (white space only) separates paragraphs, every other run of white space
 * becomes one space. For formats that keep an abstract's paragraphs (RIS, CSV, CSL-JSON).
 */
export function plainParagraphs(text: string): string[] {
  return text
    .split(/(?:\r\n?|\n)[^\S\r\n]*(?:(?:\r\n?|\n)\s*)+/)
    .map(plainText)
    .filter(Boolean);
}

/** Escapes plain text for a braced BibTeX field. */
function escapePlain(plain: string): string {
  return plain.replace(/[\\{}%&#_$^~]/g, (c) => REPLACEMENTS[c]!);
}

/** `plainText` then `escapePlain`: any source text to a safe field value. */
export function toFieldText(text: string): string {
  return escapePlain(plainText(text));
}

/**
 * Titles also keep their capitals: BibTeX styles lowercase titles, so a word with a capital after its
 * first letter (an acronym or a name like "DINOv2", "LANTERN", "SequenceMatch") is wrapped in braces.
 */
export function toTitleText(text: string): string {
  return plainText(text)
    .split(' ')
    .map((word) => {
      const escaped = escapePlain(word);
      const letters = word.replace(/^[^\p{L}\p{N}]+/u, '');
      const needsProtection = /\p{Lu}/u.test(letters.slice(1));
      return needsProtection && !escaped.startsWith('\\') ? `{${escaped}}` : escaped;
    })
    .join(' ');
}

const URL_UNSAFE = /[^\x21-\x7E]|[{}\\"<>`]/gu;

/**
 * Values of verbatim fields (url, doi, eprint): biblatex and `\url` take them character for character,
 * so `_ & ~ ^` stay as they are. Whitespace and invisible characters are removed; characters a URL cannot
 * hold bare (braces, backslash, quotes, non-ASCII) are percent-encoded; then `%` and `#` are escaped, as
 * `\url` and BibTeX comments need.
 */
export function toVerbatimText(value: string): string {
  const encoder = new TextEncoder();
  return value
    .normalize('NFC')
    .replace(DROPPED, '')
    .replace(/\s+/g, '')
    .replace(URL_UNSAFE, (c) =>
      [...encoder.encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    )
    .replace(/[%#]/g, (c) => `\\${c}`);
}
