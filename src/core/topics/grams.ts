/** Word n-grams (phrases) of a unit sequence: runs of 1..maxN words without a break. */
import { BREAK, UnitKind } from './textUnits';

// Imported values read once: in some module formats each use of an imported binding is a property read,
// and these are read for every word.
const NO_WORD = BREAK;
const CONTENT: UnitKind = UnitKind.Content;
const MODIFIER: UnitKind = UnitKind.Modifier;

/**
 * Calls `visit` for every phrase of up to `maxN` words. A one-word phrase must be a content word; a longer
 * one needs at least one content word ("language models" yes, "model data" no) and must not end in a
 * modifier ("large language models" yes, "multimodal large" no). Keys are word ids joined by spaces, so
 * the same phrase has the same key in every paper.
 */
export function forEachGram(
  ids: Int32Array,
  kinds: readonly UnitKind[],
  maxN: number,
  visit: (key: string, from: number, to: number) => void,
): void {
  for (let from = 0; from < ids.length; from++) {
    if (ids[from] === NO_WORD) continue;
    let key = '';
    let hasContent = false;
    for (let to = from; to < ids.length && to - from < maxN; to++) {
      const id = ids[to]!;
      // A word repeated back to back ("imitation imitation") is not a phrase.
      if (id === NO_WORD || (to > from && id === ids[to - 1])) break;
      key = to === from ? String(id) : `${key} ${id}`;
      const kind = kinds[id];
      if (kind === CONTENT) hasContent = true;
      if (hasContent && kind !== MODIFIER) visit(key, from, to + 1);
    }
  }
}

export function gramLength(key: string): number {
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++;
  return n;
}
