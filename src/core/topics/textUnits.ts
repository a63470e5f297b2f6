/**
 * Turns paper text into sequences of word ids for phrase counting. Words are folded and stemmed so that
 * "models", "Modeling" and "modelled" count together; stop words become phrase breaks, as does any
 * punctuation other than a hyphen. Inside a hyphenated compound ("text-to-image") stop words are
 * skipped instead, so the compound stays one phrase. Positions are kept so labels can quote the text.
 */
import lunr from 'lunr';
import { foldText } from '../search/fold';
import { wordSpans, type WordSpan } from '../search/words';
import { GENERIC_WORDS, MODIFIER_WORDS, STOP_COMPOUNDS, STOP_WORDS } from './stopWords';

/** Marks a phrase break in a unit sequence. */
export const BREAK = -1;

export const enum UnitKind {
  /** Can name a topic on its own. */
  Content = 0,
  /** Only inside a phrase with a content word. */
  Generic = 1,
  /** Only inside a phrase with a content word, and never last. */
  Modifier = 2,
}

export interface UnitSequence {
  /** Word ids, or BREAK. */
  ids: Int32Array;
  /** Start / end offsets in the source text of each entry (unused for breaks). */
  starts: Int32Array;
  ends: Int32Array;
}

/** Interns stemmed words; shared by all papers of one topic computation. */
export class UnitVocabulary {
  private readonly ids = new Map<string, number>();
  private readonly stems = new Map<string, string>();
  /** Folded form → id: idFor's result depends on the folded form alone. */
  private readonly byFolded = new Map<string, number>();
  /** A lone word as written → its unit (an id, or BREAK): the common case, computed once per spelling. */
  private readonly loneWords = new Map<string, number>();
  readonly kinds: UnitKind[] = [];
  readonly keys: string[] = [];

  idFor(folded: string): number {
    const known = this.byFolded.get(folded);
    if (known !== undefined) return known;
    let stem = this.stems.get(folded);
    if (stem === undefined) {
      stem = lunr.stemmer(new lunr.Token(folded, {})).toString();
      this.stems.set(folded, stem);
    }
    let id = this.ids.get(stem);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(stem, id);
      this.keys.push(stem);
      this.kinds.push(UnitKind.Content);
    }
    // A stem is generic when any of its forms is ("model", "modeling"), whatever form came first.
    if (MODIFIER_WORDS.has(folded)) this.kinds[id] = UnitKind.Modifier;
    else if (GENERIC_WORDS.has(folded) && this.kinds[id] !== UnitKind.Modifier)
      this.kinds[id] = UnitKind.Generic;
    this.byFolded.set(folded, id);
    return id;
  }

  /** The unit of a word that is not part of a hyphenated compound. */
  loneWord(text: string): number {
    let unit = this.loneWords.get(text);
    if (unit === undefined) {
      const folded = foldText(text);
      unit = isUsefulWord(folded) && !STOP_COMPOUNDS.has(folded) ? this.idFor(folded) : BREAK;
      this.loneWords.set(text, unit);
    }
    return unit;
  }

  get size(): number {
    return this.keys.length;
  }
}

const HAS_LETTER = /\p{L}/u;

const WEB_ADDRESS = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w.-]+\.(?:com|org|io|net|ai|edu)(?:\/\S*)?/giu;
// A cheap test first: the full pattern backtracks on every word of every abstract.
const MAY_HAVE_WEB_ADDRESS = /:\/\/|www\.|\.(?:com|org|io|net|ai|edu)\b/i;

/**
 * Blanks out web addresses ("github.com" is not a topic), keeping every other character where it was;
 * the bar left in place ends any phrase there.
 */
function withoutWebAddresses(text: string): string {
  if (!MAY_HAVE_WEB_ADDRESS.test(text)) return text;
  return text.replace(WEB_ADDRESS, (url) => `|${' '.repeat(url.length - 1)}`);
}

/** The unit sequence of one text (a title or an abstract). */
export function unitSequence(source: string, vocabulary: UnitVocabulary): UnitSequence {
  const text = withoutWebAddresses(source);
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (id: number, start: number, end: number) => {
    if (id === BREAK && (ids.length === 0 || ids[ids.length - 1] === BREAK)) return;
    ids.push(id);
    starts.push(start);
    ends.push(end);
  };
  const words = wordSpans(text);
  for (let first = 0; first < words.length;) {
    // A hyphenated compound: words joined by single hyphens.
    let last = first;
    while (last + 1 < words.length && joinedByHyphen(text, words[last]!.end, words[last + 1]!.start)) last++;
    if (first === last) {
      const word = words[first]!;
      const unit = vocabulary.loneWord(word.text);
      if (unit === BREAK) push(BREAK, 0, 0);
      else push(unit, word.start, word.end);
    } else {
      compoundUnits(words.slice(first, last + 1), vocabulary, push);
    }
    // Punctuation between two words ends a phrase.
    const next = words[last + 1];
    if (next && hasNonSpace(text, words[last]!.end, next.start)) push(BREAK, 0, 0);
    first = last + 1;
  }
  return { ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function compoundUnits(
  compound: readonly WordSpan[],
  vocabulary: UnitVocabulary,
  push: (id: number, start: number, end: number) => void,
): void {
  const folded = compound.map((w) => foldText(w.text));
  const whole = folded.join('-');
  const useful = folded.filter(isUsefulWord);
  const keepCompound = useful.length >= 2 && !STOP_COMPOUNDS.has(whole);
  compound.forEach((word, i) => {
    const f = folded[i]!;
    if (isUsefulWord(f) && !STOP_COMPOUNDS.has(whole)) push(vocabulary.idFor(f), word.start, word.end);
    else if (!keepCompound) push(BREAK, 0, 0);
  });
}

function isUsefulWord(folded: string): boolean {
  return folded.length >= 2 && HAS_LETTER.test(folded) && !STOP_WORDS.has(folded);
}

/** The gap between two words is exactly one hyphen (ASCII, Unicode hyphen or non-breaking hyphen). */
function joinedByHyphen(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const c = text.charCodeAt(from);
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

const SPACE = /\s/;

/** Whether text[from, to) holds anything but white space (as String.prototype.trim sees it). */
function hasNonSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    if (c < 0x80 || !SPACE.test(text[i]!)) return true;
  }
  return false;
}
