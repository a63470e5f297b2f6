/**
 * Where a citation completion is wanted: from the text of the line before the cursor, the start of the text
 * to replace and what the user has typed there.
 *
 * - LaTeX: inside the key group of a cite command (`\cite{`, `\citep[p.~3]{`, `\textcite*{a,`); the typed text
 *   is the part after the last comma and may hold spaces (`\cite{vaswani att`), which search titles and names.
 * - Markdown, Quarto, R Markdown: `@` at the start, after white space, `[`, `;` or `-` (`[@`, `; @`, `-@`), not
 *   after a word character, so e-mail addresses are not citations.
 * - Typst: `@` not after a word character, and `#cite(<`.
 *
 * Only a bounded window before the cursor is looked at, so a 5,000-character line costs no more than a short one.
 */
import { LATEX_CITE_COMMANDS, LATEX_CITE_HEAD } from './citeCommands';
import type { CiteSyntax } from './languages';

export interface CompletionContext {
  /** Column (UTF-16 offset in the line) where the replaced text starts; it ends at the cursor. */
  start: number;
  /** The text between `start` and the cursor. */
  typed: string;
}

const WINDOW = 400;
const LATEX_OPEN = new RegExp(LATEX_CITE_HEAD + String.raw`([^{}\\]*)$`);
/** Pandoc: keys start with a letter, digit or `_`; inner punctuation is allowed. */
const MARKDOWN_AT = /(?:^|[\s[;(-])@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)?$/u;
const TYPST_AT = /(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}_][\p{L}\p{N}_:.-]*)?$/u;
const TYPST_CITE = /#cite\(\s*<([\p{L}\p{N}_:.-]*)$/u;

export function completionContext(
  syntax: CiteSyntax,
  lineText: string,
  cursor: number,
): CompletionContext | undefined {
  const from = Math.max(0, cursor - WINDOW);
  const before = lineText.slice(from, cursor);
  if (syntax === 'latex') return latexContext(before, from);
  if (syntax === 'markdown') return atContext(MARKDOWN_AT, before, from);
  return atContext(TYPST_CITE, before, from) ?? atContext(TYPST_AT, before, from);
}

function latexContext(before: string, from: number): CompletionContext | undefined {
  const match = LATEX_OPEN.exec(before);
  if (!match || !LATEX_CITE_COMMANDS.has(match[1]!)) return undefined;
  const group = match[2]!;
  const comma = group.lastIndexOf(',');
  const segment = group.slice(comma + 1);
  const lead = segment.length - segment.trimStart().length;
  const start = from + before.length - segment.length + lead;
  return { start, typed: segment.slice(lead) };
}

function atContext(pattern: RegExp, before: string, from: number): CompletionContext | undefined {
  const match = pattern.exec(before);
  if (!match) return undefined;
  const typed = match[1] ?? '';
  return { start: from + before.length - typed.length, typed };
}
