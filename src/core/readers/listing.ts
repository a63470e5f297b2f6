/**
 * Plain-text listing reader: the seed's format (a scraped Hugging Face daily-papers page) — some page
 * header lines, then for each paper a title line, a blank line and the abstract paragraph(s).
 *
 * Rules (also in README.md in this folder; each one has a unit test in test/unit/readers/listing.test.ts):
 *
 * Text
 * - BOM: one leading U+FEFF is dropped.
 * - Line ends: CRLF, LF and a lone CR all end a line; line numbers count them that way (1-based).
 * - NFC: the whole text is NFC-normalised, so a decomposed "e + U+0301" and a precomposed "é" read the same.
 * - Control characters: C0 controls other than TAB/LF, DEL and C1 controls are removed, with one warning
 *   giving their count and the first line. (Binary input never gets here: decode.ts rejects NUL bytes and
 *   invalid UTF-8 with a CorpusError.)
 * - Blank line: a line holding only spaces, tabs, NBSP, other Unicode space separators or zero-width
 *   characters. Any number of blank lines separates two blocks.
 * - Inside a block, lines are joined with one space, and runs of spaces/tabs/NBSP become one space.
 * - Zero-width characters (ZWSP, ZWNJ, ZWJ, WJ, soft hyphen) are kept in titles and abstracts as written
 *   (display); identity ignores them (identity/normalize.ts).
 *
 * Blocks — a block is a run of non-blank lines:
 * - LONG: more than 3 lines or more than 300 characters. Always abstract text.
 * - SHORT: everything else. A short block that ends with . , ; : or holds an http(s) URL is "sentence-like";
 *   any other short block is "title-like".
 *
 * Papers — decided by structure, never by a word list:
 * 1. A title is a title-like block directly followed by abstract text: a long block, or a sentence-like
 *    block (a one-sentence abstract). Titles may wrap over up to 3 lines. Sentence-like blocks are never
 *    titles, so a PubMed-style title ending with "." reads as abstract text (a known limit), and a
 *    "Code: https://…" line is never a title.
 * 2. Every further long block, and any sentence-like short block, is another paragraph of the same
 *    abstract; paragraphs are joined with a blank line ("\n\n"). So multi-paragraph abstracts work.
 * 3. The first paper is the first title (rule 1) whose abstract is long, or, when its abstract is short
 *    text only, whose abstract is followed by the end of the file, directly by another title (rule 1), or,
 *    after title-like lines, by another title whose abstract is short too (the short pattern repeats). So a
 *    listing of one-sentence abstracts is read from its first title, while a lone "new" / "Get the digest."
 *    pair in a page header, followed by more header lines and then papers with long abstracts (or by
 *    nothing but more header lines), is not a paper. Everything before the first paper is the page
 *    header: skipped, with one 'info' warning quoting it. A title without abstract at the very start cannot
 *    be told from a header line and is skipped with it (the warning quotes it). An empty or header-only
 *    file gives 0 papers and no error; a file with blocks but no paper gets a warning saying what its
 *    blocks are.
 * 4. Between papers, a title-like block followed by another title-like block is a title with no
 *    abstract: it becomes a paper with an empty abstract and a warning. The next title is never taken as
 *    its abstract.
 * 5. After the last abstract, trailing title-like short blocks are the page footer: skipped with a warning.
 * 6. Duplicate titles: the same title with the same abstract is one paper with both source lines (warning);
 *    the same title with a different abstract is two papers with distinct ids (warning).
 * 7. URLs in the abstract become `links` (trailing punctuation trimmed).
 * - Every step is linear in the input: a 1 MB line is read in about a tenth of a second.
 */
import type { Paper, ReadResult, ReadWarning } from '../model/paper';
import { collapseSpaces, isBlank, normalizeNewlines, stripBom, stripControlChars } from '../text/normalize';
import { finish, makePaper, quote } from './common';

/** A block longer than this (characters, lines joined) is abstract text, never a title. */
const MAX_TITLE_CHARS = 300;
/** A block of more lines than this is abstract text, never a title. */
const MAX_TITLE_LINES = 3;

interface Block {
  /** 1-based line number of the block's first line. */
  line: number;
  lastLine: number;
  text: string;
  long: boolean;
  sentenceLike: boolean;
}

function toBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  const close = (end: number) => {
    const parts = lines.slice(start, end);
    const text = collapseSpaces(parts.join(' '));
    const long = parts.length > MAX_TITLE_LINES || text.length > MAX_TITLE_CHARS;
    const sentenceLike = /[.,;:]$/.test(text) || /https?:\/\//i.test(text);
    blocks.push({ line: start + 1, lastLine: end, text, long, sentenceLike });
    start = -1;
  };
  lines.forEach((line, i) => {
    if (isBlank(line)) {
      if (start !== -1) close(i);
    } else if (start === -1) {
      start = i;
    }
  });
  if (start !== -1) close(lines.length);
  return blocks;
}

const isTitleLike = (b: Block): boolean => !b.long && !b.sentenceLike;

/** Rule 1: a title-like block followed directly by abstract text. */
function startsPaper(blocks: Block[], i: number): boolean {
  const b = blocks[i];
  const next = blocks[i + 1];
  return !!b && !!next && isTitleLike(b) && !isTitleLike(next);
}

/** The end (exclusive) of the abstract that starts after the title at `i`: the run of non-title-like blocks. */
function abstractEnd(blocks: Block[], i: number): number {
  let end = i + 1;
  while (end < blocks.length && !isTitleLike(blocks[end]!)) end++;
  return end;
}

const hasLongBlock = (blocks: Block[], from: number, to: number): boolean =>
  blocks.slice(from, to).some((b) => b.long);

/**
 * Rule 3: the index of the first paper's title, or -1 when the file holds no paper. A title whose abstract
 * is only short text starts the listing when the file ends after it, when another paper follows directly,
 * or when, after title-like lines, another paper with a short abstract follows (the short pattern repeats).
 */
function firstPaperIndex(blocks: Block[]): number {
  for (let i = 0; i < blocks.length; i++) {
    if (!startsPaper(blocks, i)) continue;
    const end = abstractEnd(blocks, i);
    if (hasLongBlock(blocks, i + 1, end) || end === blocks.length || startsPaper(blocks, end)) return i;
    let next = end;
    while (next < blocks.length && !startsPaper(blocks, next)) next++;
    if (next < blocks.length && !hasLongBlock(blocks, next + 1, abstractEnd(blocks, next))) return i;
    i = next - 1;
  }
  return -1;
}

export function readListing(input: string, file: string): ReadResult {
  const warnings: ReadWarning[] = [];
  const normalized = normalizeNewlines(stripBom(input)).normalize('NFC');
  const lines = normalized.split('\n');

  let controlCount = 0;
  let controlFirstLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const { text, removed } = stripControlChars(lines[i]!);
    if (removed) {
      controlCount += removed;
      if (!controlFirstLine) controlFirstLine = i + 1;
      lines[i] = text.replace(/\t/g, ' ');
    }
  }
  if (controlCount) {
    warnings.push({
      file,
      line: controlFirstLine,
      message: `removed ${controlCount} control character(s), the first on line ${controlFirstLine}`,
    });
  }

  const blocks = toBlocks(lines);
  const records: Paper[] = [];
  let current: { title: Block; paragraphs: string[] } | undefined;
  /** Title-like blocks not followed by abstract text: no-abstract papers (rule 4) or footer (rule 5). */
  let pending: Block[] = [];

  const flush = () => {
    if (!current) return;
    records.push(
      makePaper(
        { title: current.title.text, abstract: current.paragraphs.join('\n\n') },
        { file, line: current.title.line },
      ),
    );
    current = undefined;
  };
  const flushPending = () => {
    for (const t of pending) {
      records.push(makePaper({ title: t.text, abstract: '' }, { file, line: t.line }));
      warnings.push({
        file,
        line: t.line,
        message: `title ${quote(t.text)} has no abstract (the next block is another title): kept as a paper without abstract`,
      });
    }
    pending = [];
  };

  const first = firstPaperIndex(blocks);
  const header = first === -1 ? blocks : blocks.slice(0, first);
  for (let i = header.length; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (startsPaper(blocks, i)) {
      // Rule 1: a title. Title-like blocks held back since the last abstract had none (rule 4).
      flush();
      flushPending();
      current = { title: b, paragraphs: [] };
    } else if (!isTitleLike(b)) {
      // Rule 2: more abstract text. (A title-like block is always followed by title-like blocks up to the
      // next title, so `current` is set here.)
      if (current) current.paragraphs.push(b.text);
    } else {
      // Title-like and not followed by abstract text: rule 4 or 5, decided by what comes next.
      flush();
      pending.push(b);
    }
  }
  flush();

  for (const t of pending) {
    warnings.push({
      file,
      line: t.line,
      message: `${quote(t.text)} after the last abstract has no abstract of its own: skipped as page footer`,
    });
  }
  if (first === -1) {
    if (blocks.length) warnings.push({ file, line: blocks[0]!.line, message: noPapersMessage(blocks) });
  } else if (header.length) {
    warnings.push({
      file,
      line: header[0]!.line,
      severity: 'info',
      message: `skipped ${header.length} page-header block(s) before the first paper (lines ${header[0]!.line}–${header.at(-1)!.lastLine}: ${quoteBlocks(header)}); the first paper is ${quote(blocks[first]!.text)} on line ${blocks[first]!.line}`,
    });
  }
  return finish(file, records, warnings);
}

/** The first few blocks, quoted, for a warning. */
function quoteBlocks(blocks: Block[], max = 3): string {
  const shown = blocks.slice(0, max).map((b) => quote(b.text, 40));
  return blocks.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** Why a file with blocks holds no paper, in terms of what its blocks are. */
function noPapersMessage(blocks: Block[]): string {
  const titles = blocks.filter(isTitleLike);
  const lonePairs = blocks.filter((_, i) => startsPaper(blocks, i));
  const rule =
    'a paper is a title line (at most 3 lines and 300 characters, not ending in . , ; :), a blank line, then its abstract';
  if (!titles.length) {
    return `no papers found: the file's ${blocks.length} block(s) are all abstract-like text (long, or ending in . , ; :) and none is a title line (${quoteBlocks(blocks)}); ${rule}`;
  }
  if (!lonePairs.length) {
    const others = blocks.length - titles.length;
    return `no papers found: ${titles.length} title-like line(s) (${quoteBlocks(titles)})${others ? ` and ${others} other block(s)` : ''}, but no title line is followed by abstract text; ${rule}`;
  }
  // A lone title → short abstract pair is followed only by title-like lines (else it would be a paper).
  const at = blocks.indexOf(lonePairs[0]!);
  const after = blocks.slice(abstractEnd(blocks, at));
  return `no papers found: the only title followed by abstract text, ${quote(blocks[at]!.text, 40)} → ${quote(blocks[at + 1]!.text, 40)}, has a short abstract and is followed only by title-like lines (${quoteBlocks(after)}), so all ${blocks.length} blocks are read as page header; no title line is followed by a paragraph`;
}
