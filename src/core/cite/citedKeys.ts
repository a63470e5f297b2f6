/**
 * Every citation key a document cites, with its offsets, for hover, definition and diagnostics.
 *
 * LaTeX: comments are ignored; a key group that never closes is read to the end of its line, so the keys
 * typed so far are still checked and the rest of the document still read. `\nocite{*}` cites no key.
 * Markdown: fenced code blocks and inline code are skipped; Quarto cross-references (`@fig-x`, `@tbl-x`,
 * `@sec-x`, `@eq-x`, …) are not citations. Typst: `@key` and `#cite(<key>)`; a label defined in the document
 * (`<intro>`) is a cross-reference, not a citation.
 */
import { LATEX_CITE_COMMANDS, LATEX_CITE_HEAD } from './citeCommands';
import type { CiteSyntax } from './languages';
import { maskLatexComments } from './latexMask';

export interface CitedKey {
  key: string;
  /** Offsets in the document text: [start, end). */
  start: number;
  end: number;
}

const LATEX_HEAD = new RegExp(LATEX_CITE_HEAD, 'g');
const MARKDOWN_CITE =
  /(?<![\p{L}\p{N}_@])(-?)@([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*)/gu;
const QUARTO_CROSSREF = /^(?:fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg)-/;
const TYPST_AT = /(?<![\p{L}\p{N}_@])@([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.-](?=[\p{L}\p{N}_]))*)/gu;
const TYPST_CITE = /#cite\(\s*<([\p{L}\p{N}_:.-]+)>/gu;
const TYPST_LABEL = /(?<!#cite\(\s*)<([\p{L}\p{N}_:.-]+)>/gu;

export function citedKeys(syntax: CiteSyntax, text: string): CitedKey[] {
  if (syntax === 'latex') return latexKeys(text);
  if (syntax === 'markdown') return markdownKeys(text);
  return typstKeys(text);
}

function latexKeys(text: string): CitedKey[] {
  const masked = maskLatexComments(text);
  const keys: CitedKey[] = [];
  LATEX_HEAD.lastIndex = 0;
  for (let m = LATEX_HEAD.exec(masked); m; m = LATEX_HEAD.exec(masked)) {
    if (!LATEX_CITE_COMMANDS.has(m[1]!)) continue;
    const open = LATEX_HEAD.lastIndex;
    let close = open;
    while (close < masked.length) {
      const c = masked.charCodeAt(close);
      if (c === 125 /* } */ || c === 123 /* { */ || c === 92 /* \ */) break;
      close++;
    }
    if (masked.charCodeAt(close) !== 125) {
      const eol = masked.indexOf('\n', open);
      close = Math.min(close, eol < 0 ? masked.length : eol);
    }
    let at = open;
    for (const part of masked.slice(open, close).split(',')) {
      const lead = part.length - part.trimStart().length;
      const key = part.trim();
      if (key && key !== '*') keys.push({ key, start: at + lead, end: at + lead + key.length });
      at += part.length + 1;
    }
    LATEX_HEAD.lastIndex = close;
  }
  return keys;
}

/** Markdown with fenced code blocks and inline code blanked out, offsets kept. */
function maskMarkdownCode(text: string): string {
  return text
    .replace(/^([ \t]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1?\2[ \t]*$|(?![\s\S]))/gm, (s) =>
      s.replace(/[^\n]/g, ' '),
    )
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, (s) => s.replace(/[^\n]/g, ' '));
}

function markdownKeys(text: string): CitedKey[] {
  const masked = maskMarkdownCode(text);
  const keys: CitedKey[] = [];
  for (const m of masked.matchAll(MARKDOWN_CITE)) {
    const key = m[2]!;
    if (QUARTO_CROSSREF.test(key)) continue;
    const start = m.index! + m[1]!.length + 1;
    keys.push({ key, start, end: start + key.length });
  }
  return keys;
}

function typstKeys(text: string): CitedKey[] {
  const labels = new Set<string>();
  for (const m of text.matchAll(TYPST_LABEL)) labels.add(m[1]!);
  const keys: CitedKey[] = [];
  for (const m of text.matchAll(TYPST_AT)) {
    if (labels.has(m[1]!)) continue;
    const start = m.index! + 1;
    keys.push({ key: m[1]!, start, end: start + m[1]!.length });
  }
  for (const m of text.matchAll(TYPST_CITE)) {
    const start = m.index! + m[0].indexOf('<') + 1;
    keys.push({ key: m[1]!, start, end: start + m[1]!.length });
  }
  return keys.sort((a, b) => a.start - b.start);
}

/** The cited key whose range holds `offset` (its end included, where the cursor sits after typing it). */
export function citedKeyAt(keys: readonly CitedKey[], offset: number): CitedKey | undefined {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid]!;
    if (offset < k.start) hi = mid - 1;
    else if (offset > k.end) lo = mid + 1;
    else return k;
  }
  return undefined;
}
