import type { MatchRange } from './matchRanges';
import { textStart } from '../text/textStart';

const BEFORE = 50;
const WIDTH = 180;

/**
 * A one-line excerpt of the abstract around its first match, with ellipses where it was cut; the abstract's
 * start when the query matched only the title (or nothing).
 */
export function matchSnippet(abstract: string, matches: readonly MatchRange[]): string {
  const first = matches.find((r) => r.field === 'abstract' && r.start < abstract.length);
  if (!first || first.start <= BEFORE) return textStart(abstract, WIDTH);
  let start = first.start - BEFORE;
  // Start on a word: skip the partial word the window begins in.
  const space = abstract.slice(start, first.start).search(/\s/);
  if (space >= 0) start += space + 1;
  if (/[\uDC00-\uDFFF]/.test(abstract.charAt(start))) start++;
  const rest = textStart(abstract.slice(start), WIDTH);
  return `…${rest}`;
}
