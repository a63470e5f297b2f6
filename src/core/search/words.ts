/**
 * Splits text into words with their exact positions, for indexing (lunr), highlighting and topic
 * extraction. A word is a run of letters, digits, marks and underscores; invisible format characters
 * (zero-width space, joiners) stay inside a word; a period joins digits ("2.33", "Qwen2.5"). Everything
 * else — spaces, hyphens, slashes, brackets, quotes, apostrophes — separates words.
 */

export interface WordSpan {
  /** The word as written in the text. */
  text: string;
  /** Index of its first character in the text. */
  start: number;
  /** Index just after its last character. */
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}\p{Cf}_]+/gu;
const DIGIT = /\p{N}/u;

/** Word spans of `text`, in order. Linear in the text's length. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const previous = spans[spans.length - 1];
    if (previous && previous.end === start - 1 && joinsDigits(text, start - 1)) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else {
      spans.push({ text: match[0], start, end });
    }
  }
  return spans;
}

function joinsDigits(text: string, dot: number): boolean {
  return text[dot] === '.' && DIGIT.test(text[dot - 1] ?? '') && DIGIT.test(text[dot + 1] ?? '');
}
