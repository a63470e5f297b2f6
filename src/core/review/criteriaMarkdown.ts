/**
 * The Markdown a review protocol's criteria are written in, as a small tree the reader builds DOM nodes from
 * (text nodes only: nothing typed here can become markup). What it knows: ATX headings, paragraphs, bullet and
 * numbered lists (nested by indentation), `**strong**`, `*emphasis*`, `` `code` ``, `[links](url)` (their
 * text; the address is kept as a title) and `\` escapes. Anything else stays as the text it was written as.
 */

export type CriteriaInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: CriteriaInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; url: string; children: CriteriaInline[] };

export type CriteriaBlock =
  | { kind: 'heading'; level: number; content: CriteriaInline[] }
  | { kind: 'paragraph'; content: CriteriaInline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: CriteriaBlock[][] };

/** Longer criteria are cut (a protocol is a page, not a book). */
export const MAX_CRITERIA_LENGTH = 20_000;
/** Deeper lists are flattened to this depth. */
const MAX_DEPTH = 6;

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const ITEM = /^([ \t]*)([-*+]|(\d{1,9})[.)])[ \t]+(.*)$/;

interface Line {
  indent: number;
  text: string;
}

export function parseCriteria(markdown: string): CriteriaBlock[] {
  const lines = markdown
    .slice(0, MAX_CRITERIA_LENGTH)
    .split(/\r\n|\r|\n/)
    .map((raw): Line => {
      const expanded = raw.replace(/\t/g, '    ');
      const text = expanded.trimStart();
      return { indent: expanded.length - text.length, text: text.trimEnd() };
    });
  return blocks(lines, 0);
}

function blocks(lines: Line[], depth: number): CriteriaBlock[] {
  const out: CriteriaBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.text === '') {
      flush();
      i++;
      continue;
    }
    const heading = line.indent <= 3 ? HEADING.exec(line.text) : null;
    if (heading) {
      flush();
      out.push({ kind: 'heading', level: heading[1]!.length, content: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    const item = ITEM.exec(' '.repeat(line.indent) + line.text);
    if (item) {
      flush();
      const list = listFrom(lines, i, depth);
      out.push(list.block);
      i = list.next;
      continue;
    }
    paragraph.push(line.text);
    i++;
  }
  flush();
  return out;
}

/** A list starting at lines[start]: its items, each with the lines indented under it (nested lists). */
function listFrom(
  lines: Line[],
  start: number,
  depth: number,
): { block: CriteriaBlock & { kind: 'list' }; next: number } {
  const first = ITEM.exec(' '.repeat(lines[start]!.indent) + lines[start]!.text)!;
  const ordered = first[3] !== undefined;
  const indent = lines[start]!.indent;
  const items: Line[][] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i]!;
    const item = ITEM.exec(' '.repeat(line.indent) + line.text);
    if (item && line.indent <= indent + 1 && (item[3] !== undefined) === ordered) {
      items.push([{ indent: 0, text: item[4]!.trimEnd() }]);
      i++;
      continue;
    }
    if (line.text === '') {
      // A blank line ends the list unless the next line carries on inside it.
      const following = lines[i + 1];
      const sibling = following && ITEM.exec(' '.repeat(following.indent) + following.text);
      const sameList = sibling && following.indent <= indent + 1 && (sibling[3] !== undefined) === ordered;
      if (!following || (following.indent <= indent && !sameList)) break;
      if (sameList) {
        i++;
        continue;
      }
      items[items.length - 1]!.push({ indent: 0, text: '' });
      i++;
      continue;
    }
    if (line.indent > indent || (!item && !HEADING.test(line.text) && line.indent === indent)) {
      // Indented under the item (a nested list or more text), or a lazy continuation of its text.
      const nested = line.indent > indent && depth + 1 < MAX_DEPTH;
      items[items.length - 1]!.push({ indent: nested ? line.indent - indent - 1 : 0, text: line.text });
      i++;
      continue;
    }
    break;
  }
  return {
    block: {
      kind: 'list',
      ordered,
      start: ordered ? Number(first[3]) : 1,
      items: items.map((itemLines) => blocks(itemLines, depth + 1)),
    },
    next: i,
  };
}

/** Emphasis, strong, code spans, links and escapes; an unmatched marker is text. */
export function parseInline(text: string): CriteriaInline[] {
  const out: CriteriaInline[] = [];
  let plain = '';
  const unclosedFrom = new Map<string, number>();
  const pushText = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      if (close > 0) {
        pushText();
        out.push({ kind: 'code', text: text.slice(i + run.length, close).trim() || ' ' });
        i = close + run.length;
        continue;
      }
      plain += run;
      i += run.length;
      continue;
    }
    if (c === '*' || c === '_') {
      const double = text[i + 1] === c;
      const marker = double ? c + c : c;
      const inner = i + marker.length;
      // Intra-word underscores (snake_case) are not emphasis; nor is a marker before white space.
      const wordBefore = c === '_' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!);
      const opens = inner < text.length && !/\s/.test(text[inner]!) && !wordBefore;
      const close =
        opens && inner < (unclosedFrom.get(marker) ?? Infinity) ? closing(text, marker, inner) : -1;
      // Whether a marker closes does not depend on the opener: none found from here, none from further on.
      if (opens && close < 0) unclosedFrom.set(marker, Math.min(inner, unclosedFrom.get(marker) ?? Infinity));
      if (close > inner) {
        pushText();
        out.push({ kind: double ? 'strong' : 'em', children: parseInline(text.slice(inner, close)) });
        i = close + marker.length;
        continue;
      }
    }
    if (c === '[') {
      const link = /^\[([^\]]+)\]\(\s*<?([^\s()<>]*)>?(?:\s+"[^"]*")?\s*\)/.exec(text.slice(i));
      if (link) {
        pushText();
        out.push({ kind: 'link', url: link[2]!, children: parseInline(link[1]!) });
        i += link[0].length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  pushText();
  return out;
}

/** Where `marker` closes emphasis opened before `from`: not after white space, not escaped. */
function closing(text: string, marker: string, from: number): number {
  let at = text.indexOf(marker, from);
  while (at > from) {
    const escaped = text[at - 1] === '\\';
    const afterSpace = /\s/.test(text[at - 1]!);
    // `**a** and *b*`: a single `*` must not close on half of a `**`.
    const partOfLonger = marker.length === 1 && (text[at + 1] === marker || text[at - 1] === marker);
    if (!escaped && !afterSpace && !partOfLonger) return at;
    at = text.indexOf(marker, at + 1);
  }
  return -1;
}

/** The criteria as plain text (headings and items on their own lines), for screen-reader summaries and tests. */
export function criteriaText(blocks: readonly CriteriaBlock[]): string {
  const inline = (nodes: readonly CriteriaInline[]): string =>
    nodes.map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : inline(n.children))).join('');
  return blocks
    .map((block) =>
      block.kind === 'list'
        ? block.items.map((item) => `• ${criteriaText(item)}`).join('\n')
        : inline(block.content),
    )
    .join('\n');
}
