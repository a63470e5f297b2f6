/**
 * Adds entries to an existing .bib text without touching what is there: the existing text is kept
 * byte for byte (comments, @string, formatting, line endings, BOM) and new entries are appended after it.
 * An entry whose key the file already has — compared case-insensitively, as BibTeX does, and found even in
 * commented-out entries (scan.ts) — is not added: the user's version stays.
 */
import { formatEntry, type BibEntry } from './entry';
import { scanBib } from './scan';

interface BibMergeResult {
  text: string;
  added: number;
  kept: number;
  addedKeys: string[];
  /** Keys of entries not written because the file (or an earlier entry of the same batch) has them. */
  keptKeys: string[];
}

export class BibMergeError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'BibMergeError';
  }
}

/** The file's own line ending: CRLF if its first line break is CRLF. */
function lineEnding(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

export function mergeIntoBib(existingText: string, entries: readonly BibEntry[]): BibMergeResult {
  const scan = scanBib(existingText);
  if (scan.unclosed) {
    throw new BibMergeError(
      `the existing file has an entry whose braces never close (@${scan.unclosed.type} at line ${scan.unclosed.line}); ` +
        'fix it first, or new entries would end up inside it',
      scan.unclosed.line,
    );
  }
  const taken = new Set(scan.entries.filter((e) => e.key).map((e) => e.key.toLowerCase()));
  const eol = lineEnding(existingText);
  const addedKeys: string[] = [];
  const keptKeys: string[] = [];
  const chunks: string[] = [];
  for (const entry of entries) {
    const folded = entry.key.toLowerCase();
    if (taken.has(folded)) {
      keptKeys.push(entry.key);
      continue;
    }
    taken.add(folded);
    addedKeys.push(entry.key);
    chunks.push(formatEntry(entry, eol));
  }
  if (!chunks.length) return { text: existingText, added: 0, kept: keptKeys.length, addedKeys, keptKeys };

  let separator = '';
  if (existingText.trim() !== '') {
    if (!existingText.endsWith('\n')) separator = eol + eol;
    else if (!/\n[ \t]*\r?\n$/.test(existingText)) separator = eol;
  }
  return {
    text: existingText + separator + chunks.join(eol),
    added: addedKeys.length,
    kept: keptKeys.length,
    addedKeys,
    keptKeys,
  };
}
