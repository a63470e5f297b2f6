/**
 * Turns paper text into sequences of word ids for phrase counting. Words are folded and stemmed so that
 * "models", "Modeling" and "modelled" count together; stop words become phrase breaks, as does any
 * punctuation other than a hyphen. Inside a hyphenated compound ("text-to-image") stop words are
 * skipped instead, so the compound stays one phrase. Positions are kept so labels can quote the text.
 */
import lunr from 'lunr';
import { foldText } from '../search/fold';
import type { WordSpan } from '../search/words';
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

interface UnitSequence {
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
  private readonly loneWords = new SpellingTable();
  readonly kinds: UnitKind[] = [];
  readonly keys: string[] = [];
  /** Buffers reused by unitSequence. */
  readonly scratch = new Scratch();

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
    return this.loneWordAt(text, 0, text.length);
  }

  /** loneWord(text.slice(start, end)), without making the string when the spelling is known. */
  loneWordAt(text: string, start: number, end: number): number {
    let unit = this.loneWords.get(text, start, end);
    if (unit === NOT_FOUND) {
      const folded = foldText(text.slice(start, end));
      unit = isUsefulWord(folded) && !STOP_COMPOUNDS.has(folded) ? this.idFor(folded) : BREAK;
      this.loneWords.set(text, start, end, unit);
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
  splitUnits(source, vocabulary);
  return vocabulary.scratch.units.sequence();
}

/**
 * The word ids of unitSequence alone, without positions (all that counting phrases needs). The ids of
 * many texts share a few large blocks of memory rather than each having its own.
 */
export function unitIds(source: string, vocabulary: UnitVocabulary): Int32Array {
  splitUnits(source, vocabulary);
  return vocabulary.scratch.units.pooledIds();
}

/** Splits a text into units, left in vocabulary.scratch.units. */
function splitUnits(source: string, vocabulary: UnitVocabulary): void {
  const text = withoutWebAddresses(source);
  const words = vocabulary.scratch.words.scan(text);
  const out = vocabulary.scratch.units;
  out.clear();
  const push = (id: number, start: number, end: number) => out.push(id, start, end);
  const { starts, ends, count } = words;
  for (let first = 0; first < count;) {
    // A hyphenated compound: words joined by single hyphens.
    let last = first;
    while (last + 1 < count && joinedByHyphen(text, ends[last]!, starts[last + 1]!)) last++;
    if (first === last) {
      const unit = vocabulary.loneWordAt(text, starts[first]!, ends[first]!);
      if (unit === BREAK) out.push(BREAK, 0, 0);
      else out.push(unit, starts[first]!, ends[first]!);
    } else {
      const compound: WordSpan[] = [];
      for (let w = first; w <= last; w++) {
        compound.push({ text: text.slice(starts[w]!, ends[w]!), start: starts[w]!, end: ends[w]! });
      }
      compoundUnits(compound, vocabulary, push);
    }
    // Punctuation between two words ends a phrase.
    if (last + 1 < count && hasNonSpace(text, ends[last]!, starts[last + 1]!)) out.push(BREAK, 0, 0);
    first = last + 1;
  }
}

const NOT_FOUND = -2;

/**
 * A map from spellings (stretches of some text) to numbers, looked up by position in the text so that no
 * string is made for a spelling already known: open addressing over a pool of UTF-16 code units.
 */
class SpellingTable {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  /** Per entry, side by side (one cache line): its hash, its spelling's start in `chars` and length, its value. */
  private entries = new Int32Array(4 << 12);
  private size = 0;
  /** Entry + 1 per bucket; 0 is empty. */
  private buckets = new Int32Array(1 << 13);

  get(text: string, start: number, end: number): number {
    const hash = spellingHash(text, start, end);
    const mask = this.buckets.length - 1;
    const length = end - start;
    const entries = this.entries;
    for (let b = hash & mask; ; b = (b + 1) & mask) {
      const e = 4 * (this.buckets[b]! - 1);
      if (e < 0) return NOT_FOUND;
      if (entries[e] !== hash || entries[e + 2] !== length) continue;
      const offset = entries[e + 1]!;
      let i = 0;
      while (i < length && this.chars[offset + i] === text.charCodeAt(start + i)) i++;
      if (i === length) return entries[e + 3]!;
    }
  }

  /** Adds a spelling that get() did not find. */
  set(text: string, start: number, end: number, value: number): void {
    const length = end - start;
    if (this.used + length > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, this.used + length));
      chars.set(this.chars);
      this.chars = chars;
    }
    if (4 * this.size === this.entries.length) {
      const entries = new Int32Array(this.entries.length * 2);
      entries.set(this.entries);
      this.entries = entries;
    }
    for (let i = 0; i < length; i++) this.chars[this.used + i] = text.charCodeAt(start + i);
    const entry = this.size++;
    this.entries.set([spellingHash(text, start, end), this.used, length, value], 4 * entry);
    this.used += length;
    if (2 * this.size > this.buckets.length) {
      this.buckets = new Int32Array(this.buckets.length * 2);
      for (let e = 0; e < this.size; e++) this.place(e);
    } else {
      this.place(entry);
    }
  }

  private place(entry: number): void {
    const mask = this.buckets.length - 1;
    let b = this.entries[4 * entry]! & mask;
    while (this.buckets[b] !== 0) b = (b + 1) & mask;
    this.buckets[b] = entry + 1;
  }
}

function spellingHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  return Math.imul(h, 0x7feb352d) ^ (h >>> 15);
}

/** Reusable buffers for unitSequence, so that a corpus's texts are split without per-word garbage. */
class Scratch {
  readonly words = new WordScanner();
  readonly units = new UnitBuffer();
}

/**
 * The word spans of wordSpans (search/words.ts), found by scanning character codes into reused buffers
 * rather than by a regular expression making an object per word: a word is a run of letters, digits,
 * marks, format characters and underscores, and a period between two digits joins them.
 */
class WordScanner {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  count = 0;

  scan(text: string): this {
    this.count = 0;
    const length = text.length;
    let i = 0;
    while (i < length) {
      let width = wordCharWidth(text, i);
      if (width === 0) {
        i++;
        continue;
      }
      const start = i;
      while (width > 0) {
        i += width;
        width = i < length ? wordCharWidth(text, i) : 0;
      }
      const previous = this.count - 1;
      if (previous >= 0 && this.ends[previous] === start - 1 && joinsDigits(text, start - 1)) {
        this.ends[previous] = i;
      } else {
        if (this.count === this.starts.length) this.grow();
        this.starts[this.count] = start;
        this.ends[this.count] = i;
        this.count++;
      }
    }
    return this;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}\p{Cf}_]$/u;
const DIGIT = /^\p{N}$/u;
/** Per BMP code unit: 0 not yet known, 1 a word character, 2 not one. */
const WORD_CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) WORD_CHAR_CLASS[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;

/** Code units taken by the word character at text[i] (2 for one outside the BMP), or 0 for none. */
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = WORD_CHAR_CLASS[c]!;
  if (known === 0) {
    known = WORD_CHAR.test(text[i]!) ? 1 : 2;
    WORD_CHAR_CLASS[c] = known;
  }
  return known === 1 ? 1 : 0;
}

function joinsDigits(text: string, dot: number): boolean {
  return text.charCodeAt(dot) === 0x2e && isDigitUnit(text, dot - 1) && isDigitUnit(text, dot + 1);
}

function isDigitUnit(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return DIGIT.test(text[i]!);
}

/** Ids per shared block of pooledIds. */
const BLOCK_SIZE = 1 << 18;

/** Units of one text as they are pushed: no leading break, no two breaks in a row. */
class UnitBuffer {
  private ids = new Int32Array(256);
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  private length = 0;
  private block = new Int32Array(0);
  private blockUsed = 0;

  clear(): void {
    this.length = 0;
  }

  push(id: number, start: number, end: number): void {
    if (id === BREAK && (this.length === 0 || this.ids[this.length - 1] === BREAK)) return;
    if (this.length === this.ids.length) this.grow();
    this.ids[this.length] = id;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  sequence(): UnitSequence {
    return {
      ids: this.ids.slice(0, this.length),
      starts: this.starts.slice(0, this.length),
      ends: this.ends.slice(0, this.length),
    };
  }

  /** A copy of the ids, as a view into a shared block. */
  pooledIds(): Int32Array {
    const n = this.length;
    if (this.blockUsed + n > this.block.length) {
      this.block = new Int32Array(Math.max(BLOCK_SIZE, n));
      this.blockUsed = 0;
    }
    const ids = this.block.subarray(this.blockUsed, this.blockUsed + n);
    ids.set(this.ids.subarray(0, n));
    this.blockUsed += n;
    return ids;
  }

  private grow(): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.ids = grown(this.ids);
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
  }
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
