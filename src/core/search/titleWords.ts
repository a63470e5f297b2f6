/**
 * The distinct words of all titles (case and accents folded) and the documents each occurs in: the fuzzy
 * title search looks for near-matches of a query word among these few thousand words instead of running its
 * matcher over every title, then scores only the titles that contain one.
 */
import { ApproximatePattern } from './approximateMatch';
import { foldText } from './fold';
import { GrowableUint32 } from './growable';
import type { WordList } from './postings';
import { wordSpans } from './words';

export class TitleWords {
  private list: WordList;

  constructor(
    /** Sorted, distinct. */
    words: WordList,
    /** Documents of word w are docs[offsets[w] .. offsets[w + 1] - 1], ascending. */
    readonly offsets: Uint32Array,
    readonly docs: Uint32Array,
  ) {
    this.list = words;
  }

  /** Sorted, distinct. */
  get words(): readonly string[] {
    if (typeof this.list === 'function') this.list = this.list();
    return this.list;
  }

  static build(titles: readonly string[]): TitleWords {
    const ids = new Map<string, number>();
    const wordOf = new GrowableUint32(titles.length * 8);
    const docOf = new GrowableUint32(titles.length * 8);
    const seen = new Set<number>();
    titles.forEach((title, d) => {
      seen.clear();
      for (const word of titleWordsOf(title)) {
        let id = ids.get(word);
        if (id === undefined) ids.set(word, (id = ids.size));
        if (seen.has(id)) continue;
        seen.add(id);
        wordOf.push(id);
        docOf.push(d);
      }
    });
    const words = [...ids.keys()].sort();
    const rank = new Uint32Array(words.length);
    words.forEach((w, i) => (rank[ids.get(w)!] = i));
    const offsets = new Uint32Array(words.length + 1);
    for (let i = 0; i < wordOf.length; i++) offsets[rank[wordOf.get(i)]! + 1]!++;
    for (let w = 0; w < words.length; w++) offsets[w + 1]! += offsets[w]!;
    const next = offsets.slice(0, words.length);
    const docs = new Uint32Array(wordOf.length);
    for (let i = 0; i < wordOf.length; i++) docs[next[rank[wordOf.get(i)]!]!++] = docOf.get(i);
    return new TitleWords(words, offsets, docs);
  }

  /**
   * Documents whose title has a word containing `query` with at most `maxEdits` edits (0: as an exact
   * substring), each with the fewest edits found.
   */
  near(query: string, maxEdits: number): Map<number, number> {
    const found = new Map<number, number>();
    const pattern = maxEdits > 0 ? new ApproximatePattern(query) : undefined;
    for (let w = 0; w < this.words.length; w++) {
      const word = this.words[w]!;
      let edits: number;
      if (pattern) {
        edits = pattern.bestDistance(word, maxEdits);
        if (edits > maxEdits) continue;
      } else {
        if (!word.includes(query)) continue;
        edits = 0;
      }
      for (let i = this.offsets[w]!, end = this.offsets[w + 1]!; i < end; i++) {
        const d = this.docs[i]!;
        const before = found.get(d);
        if (before === undefined || edits < before) found.set(d, edits);
      }
    }
    return found;
  }
}

/** Folded words of a title; a number such as "2.5" also counts as its parts "2" and "5". */
function titleWordsOf(title: string): string[] {
  const words: string[] = [];
  for (const span of wordSpans(foldText(title))) {
    words.push(span.text);
    if (span.text.includes('.')) words.push(...span.text.split('.').filter(Boolean));
  }
  return words;
}
