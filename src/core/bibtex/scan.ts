/**
 * Finds the entries of a .bib text the way BibTeX does, without parsing fields: every `@` outside an entry
 * starts one (BibTeX has no comment syntax, so a `%`-line or an `@comment` holding `@misc{x,` still defines
 * `x` for it, and is reported here too). Braces are counted inside entries; `@string` and `@preamble` have
 * no key. Used to learn which keys a file already has and where its entries are.
 */

interface ScannedEntry {
  /** Lowercased entry type: `article`, `string`, `comment`, … */
  type: string;
  /** As written; '' for @string/@preamble/@comment and for a missing key. */
  key: string;
  /** Offsets of the `@` and just past the closing delimiter. */
  start: number;
  end: number;
  /** 1-based line of the `@`. */
  line: number;
}

interface BibScan {
  entries: ScannedEntry[];
  /** An entry whose braces never close before the end of the text: anything appended would fall inside it. */
  unclosed?: ScannedEntry;
}

const TYPE = /@[ \t\r\n]*([A-Za-z][A-Za-z0-9_:-]*)[ \t\r\n]*([{(])/y;
const KEYLESS = new Set(['string', 'preamble', 'comment']);

function lineAt(text: string, offset: number, from: { offset: number; line: number }): number {
  let line = from.line;
  for (let i = from.offset; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  from.offset = offset;
  from.line = line;
  return line;
}

/** Offset just past the delimiter closing the body that starts at `open` (the `{` or `(`), or -1. */
function closeOf(text: string, open: number): number {
  const closer = text[open] === '{' ? '}' : ')';
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return closer === '}' ? i + 1 : -1;
      depth--;
    } else if (c === closer && depth === 0) return i + 1;
  }
  return -1;
}

function keyOf(text: string, bodyStart: number, end: number): string {
  const match = /^[ \t\r\n]*([^\s,{}()=]*)/.exec(text.slice(bodyStart, Math.min(end, bodyStart + 1000)));
  return match?.[1] ?? '';
}

export function scanBib(text: string): BibScan {
  const entries: ScannedEntry[] = [];
  const cursor = { offset: 0, line: 1 };
  let pos = text.indexOf('@');
  while (pos >= 0) {
    TYPE.lastIndex = pos;
    const head = TYPE.exec(text);
    if (!head) {
      pos = text.indexOf('@', pos + 1);
      continue;
    }
    const type = head[1]!.toLowerCase();
    const open = TYPE.lastIndex - 1;
    const line = lineAt(text, pos, cursor);
    if (type === 'comment') {
      // BibTeX skips only the word "comment": what follows is scanned for entries again.
      entries.push({ type, key: '', start: pos, end: TYPE.lastIndex, line });
      pos = text.indexOf('@', TYPE.lastIndex);
      continue;
    }
    const end = closeOf(text, open);
    const key = KEYLESS.has(type) ? '' : keyOf(text, open + 1, end < 0 ? text.length : end);
    const entry = { type, key, start: pos, end: end < 0 ? text.length : end, line };
    if (end < 0) return { entries, unclosed: entry };
    entries.push(entry);
    pos = text.indexOf('@', end);
  }
  return { entries };
}

/** Lowercased keys of all entries, BibTeX-style (keys are case-insensitive). */
export function existingKeys(text: string): Set<string> {
  return new Set(
    scanBib(text)
      .entries.filter((e) => e.key !== '')
      .map((e) => e.key.toLowerCase()),
  );
}
