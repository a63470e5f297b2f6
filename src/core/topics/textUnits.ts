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
  readonly kinds: UnitKind[] = [];
  readonly keys: string[] = [];

  idFor(folded: string): number {
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
    return id;
  }

  get size(): number {
    return this.keys.length;
  }
}

const HYPHENS = /^[-\u2010\u2011]$/;
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
  for (const compound of hyphenatedGroups(text, wordSpans(text))) {
    if (compound === null) {
      push(BREAK, 0, 0);
      continue;
    }
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
  return { ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function isUsefulWord(folded: string): boolean {
  return folded.length >= 2 && HAS_LETTER.test(folded) && !STOP_WORDS.has(folded);
}

/**
 * Groups consecutive words into hyphenated compounds, with null between words separated by anything but
 * white space (punctuation ends a phrase).
 */
function* hyphenatedGroups(text: string, words: readonly WordSpan[]): Generator<WordSpan[] | null> {
  let group: WordSpan[] = [];
  for (const word of words) {
    const previous = group[group.length - 1];
    if (previous) {
      const gap = text.slice(previous.end, word.start);
      if (HYPHENS.test(gap)) {
        group.push(word);
        continue;
      }
      yield group;
      if (gap.trim() !== '') yield null;
    }
    group = [word];
  }
  if (group.length > 0) yield group;
}
