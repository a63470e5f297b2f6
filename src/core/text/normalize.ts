/**
 * Text clean-up shared by the corpus readers. Every function here is linear in its input (no regex with
 * nested quantifiers), so a 1 MB line costs about as much as 1 MB of short lines.
 */

const BOM = '\uFEFF';

/** Drops one leading U+FEFF byte-order mark. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** CRLF and lone CR (old Mac) both become LF. */
export function normalizeNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * Horizontal white space: space, tab, NBSP, the other Unicode space separators (U+1680, U+2000–U+200A,
 * U+202F, U+205F, U+3000) and the zero-width characters: ZWSP, ZWNJ, ZWJ, WORD JOINER, BOM used mid-text
 * (ZWNBSP), SOFT HYPHEN. Those are kept in displayed text but carry no identity (see identity/normalize.ts)
 * and do not make a line non-blank.
 */
const HSPACE_CLASS =
  '[ \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]';
const BLANK_RE = new RegExp(`^${HSPACE_CLASS}*$`);
const HSPACE_RUN_RE = new RegExp(`[ \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+`, 'g');

/** A line is blank when it holds only spaces, tabs, NBSP, other Unicode spaces or zero-width characters. */
export function isBlank(line: string): boolean {
  return BLANK_RE.test(line);
}

/** Runs of horizontal white space (incl. tab and NBSP) become one ASCII space; the ends are trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(HSPACE_RUN_RE, ' ').trim();
}

/**
 * C0 controls other than TAB and LF, DEL, and C1 controls (U+0080–U+009F). CR is not listed: callers
 * normalise newlines first.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Removes control characters; reports how many were removed so the caller can warn. */
export function stripControlChars(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(CONTROL_RE, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}

/** One-line text: every kind of white space, line breaks included, becomes one space. */
export function oneLine(text: string): string {
  return collapseSpaces(normalizeNewlines(text).replace(/\n/g, ' '));
}

/**
 * http(s) URLs in text, in order, without duplicates. A URL ends at white space or one of `< > " { } | [`
 * (arXiv abstracts write `…md{this https URL}`). Trailing sentence punctuation (`. , ; : ! ? ' "`) is
 * trimmed, and so is a closing `)` or `]` that has no opening partner inside the URL (a URL quoted in
 * parentheses), so "(see https://x.org/a_(b))." keeps "https://x.org/a_(b)".
 */
export function extractLinks(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of text.matchAll(/https?:\/\/[^\s<>"{}|\\^`[]+/gi)) {
    const url = trimUrl(m[0]);
    if (url.length <= 'https://'.length || seen.has(url)) continue;
    seen.add(url);
    out.push(url);
  }
  return out;
}

function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const last = url.at(-1);
    if (last === undefined) return url;
    if ('.,;:!?\'"*'.includes(last)) {
      url = url.slice(0, -1);
      continue;
    }
    if (last === ')' || last === ']') {
      const open = last === ')' ? '(' : '[';
      if (count(url, open) < count(url, last)) {
        url = url.slice(0, -1);
        continue;
      }
    }
    return url;
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * arXiv-style hard-wrapped text (arXiv API titles and summaries, the Hugging Face payload that copies them):
 * a line break followed by indentation, or a blank line, starts a new paragraph; any other line break is a
 * wrap and becomes a space. Leading/trailing white space goes, paragraphs are joined with "\n\n".
 */
export function unwrapArxivText(text: string): string {
  const paragraphs = normalizeNewlines(text)
    .trim()
    .split(/\n(?:[ \t\u00A0]*\n)+|\n[ \t\u00A0]+(?=\S)/)
    .map((p) => oneLine(p))
    .filter((p) => p.length > 0);
  return paragraphs.join('\n\n');
}
