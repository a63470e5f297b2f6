/**
 * TF-IDF vectors of papers over single words and two-word phrases, for clustering. Title phrases count
 * triple (a title says what a paper is about). Only phrases shared by at least two papers and by at most
 * MAX_DOCUMENT_SHARE of them are features; at most MAX_FEATURES features (the most widespread; on a tie,
 * single words first, then by word ids) and at most MAX_TERMS_PER_PAPER weights per paper are kept, so
 * memory and time stay linear in the corpus size.
 *
 * The phrases are those of forEachGram (grams.ts) up to two words, walked inline over the word ids: at
 * 100k papers there are some 30 million of them. Two-word phrases are only counted when both words are
 * widespread enough for the phrase to make the feature cut (a phrase is in no more papers than either of
 * its words), which keeps the phrase table to a fraction of the corpus's distinct word pairs.
 */
import { BREAK, UnitKind } from './textUnits';

// Imported values read once: in some module formats each use of an imported binding is a property read,
// and these are read for every word of every paper.
const NO_WORD = BREAK;
const CONTENT: UnitKind = UnitKind.Content;
const MODIFIER: UnitKind = UnitKind.Modifier;

export const TITLE_WEIGHT = 3;
export const MAX_DOCUMENT_SHARE = 0.5;
export const MAX_FEATURES = 10000;
export const MAX_TERMS_PER_PAPER = 60;
/** Weights per shared block of vectors (at least MAX_TERMS_PER_PAPER). */
const VECTOR_BLOCK = 1 << 16;

/** A paper's word ids (textUnits.ts, unitIds). */
export interface PaperUnits {
  title: Int32Array;
  abstract: Int32Array;
}

/** A unit-length sparse vector; `indices` ascending. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

interface TermVectors {
  vectors: SparseVector[];
  /** Number of features (dimensions). */
  dimensions: number;
}

export function termVectors(papers: readonly PaperUnits[], kinds: readonly UnitKind[]): TermVectors {
  const n = papers.length;
  const words = kinds.length;
  const maxDf = Math.max(2, Math.floor(n * MAX_DOCUMENT_SHARE));

  // Papers using each word (anywhere: a content word's count is its document frequency as a feature).
  const wordDf = new Int32Array(words);
  const wordSeen = new Int32Array(words);
  papers.forEach((paper, p) => {
    countWords(paper.title, wordDf, wordSeen, p + 1);
    countWords(paper.abstract, wordDf, wordSeen, p + 1);
  });

  // With MAX_FEATURES single words at a document frequency of at least `floor`, a phrase needs more than
  // `floor` papers to make the cut (on a tie, single words go first).
  const wordDfs: number[] = [];
  for (let w = 0; w < words; w++) {
    if (kinds[w] === CONTENT && wordDf[w]! >= 2 && wordDf[w]! <= maxDf) wordDfs.push(wordDf[w]!);
  }
  let minPairDf = 2;
  if (wordDfs.length >= MAX_FEATURES) {
    wordDfs.sort((a, b) => b - a);
    minPairDf = Math.max(2, wordDfs[MAX_FEATURES - 1]! + 1);
  }

  const pairs = new PairTable();
  const pairSeen: number[] = [];
  const pairDf: number[] = [];
  const countPairs = (ids: Int32Array, stamp: number) =>
    forEachPair(ids, kinds, (first, second) => {
      if (wordDf[first]! < minPairDf || wordDf[second]! < minPairDf) return;
      const slot = pairs.intern(first, second);
      if (slot === pairDf.length) {
        pairDf.push(0);
        pairSeen.push(0);
      }
      if (pairSeen[slot] === stamp) return;
      pairSeen[slot] = stamp;
      pairDf[slot]!++;
    });
  papers.forEach((paper, p) => {
    countPairs(paper.title, p + 1);
    countPairs(paper.abstract, p + 1);
  });

  // Candidates: a word id w, or words + pair slot for a phrase.
  const candidates: number[] = [];
  for (let w = 0; w < words; w++) {
    if (kinds[w] === CONTENT && wordDf[w]! >= 2 && wordDf[w]! <= maxDf) candidates.push(w);
  }
  for (let slot = 0; slot < pairDf.length; slot++) {
    if (pairDf[slot]! >= minPairDf && pairDf[slot]! <= maxDf) candidates.push(words + slot);
  }
  const df = (c: number) => (c < words ? wordDf[c]! : pairDf[c - words]!);
  // Same order as keys `word` and `words × (1 + first) + second`: single words, then pairs by first, second.
  const keyOrder = (a: number, b: number) => {
    if (a < words || b < words) return a - b;
    const sa = a - words;
    const sb = b - words;
    return pairs.first[sa]! - pairs.first[sb]! || pairs.second[sa]! - pairs.second[sb]!;
  };
  candidates.sort((a, b) => df(b) - df(a) || keyOrder(a, b));
  const features = candidates.slice(0, MAX_FEATURES);

  const wordFeature = new Int32Array(words).fill(-1);
  const startsPair = new Uint8Array(words);
  const pairFeatures = new PairTable();
  const pairFeature: number[] = [];
  const idf = new Float64Array(features.length);
  features.forEach((c, f) => {
    idf[f] = Math.log(n / df(c));
    if (c < words) {
      wordFeature[c] = f;
    } else {
      const first = pairs.first[c - words]!;
      startsPair[first] = 1;
      pairFeatures.intern(first, pairs.second[c - words]!);
      pairFeature.push(f);
    }
  });

  const tf = new Float64Array(features.length);
  const weight = new Float64Array(features.length);
  const touched: number[] = [];
  const add = (ids: Int32Array, amount: number) => {
    for (let i = 0; i < ids.length; i++) {
      const first = ids[i]!;
      if (first === NO_WORD) continue;
      const firstKind = kinds[first];
      if (firstKind === CONTENT) addTo(wordFeature[first]!, amount);
      if (startsPair[first] === 0 || i + 1 >= ids.length) continue;
      const second = ids[i + 1]!;
      if (second === NO_WORD || second === first) continue;
      const secondKind = kinds[second];
      if (secondKind === MODIFIER) continue;
      if (firstKind !== CONTENT && secondKind !== CONTENT) continue;
      const slot = pairFeatures.find(first, second);
      if (slot >= 0) addTo(pairFeature[slot]!, amount);
    }
  };
  const addTo = (f: number, amount: number) => {
    if (f < 0) return;
    if (tf[f] === 0) touched.push(f);
    tf[f]! += amount;
  };
  const byWeight = (a: number, b: number) => weight[b]! - weight[a]! || a - b;
  let indexBlock = new Int32Array(0);
  let valueBlock = new Float64Array(0);
  let used = 0;
  const vectors = papers.map((paper) => {
    touched.length = 0;
    add(paper.title, TITLE_WEIGHT);
    add(paper.abstract, 1);
    for (const f of touched) {
      weight[f] = (1 + Math.log(tf[f]!)) * idf[f]!;
      tf[f] = 0;
    }
    if (touched.length > MAX_TERMS_PER_PAPER) {
      touched.sort(byWeight);
      touched.length = MAX_TERMS_PER_PAPER;
    }
    // Views into shared blocks: a buffer per paper costs the garbage collector dearly at 100k papers.
    if (used + touched.length > indexBlock.length) {
      indexBlock = new Int32Array(VECTOR_BLOCK);
      valueBlock = new Float64Array(VECTOR_BLOCK);
      used = 0;
    }
    const indices = indexBlock.subarray(used, used + touched.length);
    const values = valueBlock.subarray(used, used + touched.length);
    used += touched.length;
    indices.set(touched);
    indices.sort();
    let squared = 0;
    for (let t = 0; t < indices.length; t++) {
      const w = weight[indices[t]!]!;
      values[t] = w;
      squared += w * w;
    }
    const norm = Math.sqrt(squared);
    for (let t = 0; t < values.length; t++) values[t] = norm > 0 ? values[t]! / norm : 0;
    return { indices, values };
  });
  return { vectors, dimensions: features.length };
}

function countWords(ids: Int32Array, df: Int32Array, seen: Int32Array, stamp: number): void {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id === NO_WORD || seen[id] === stamp) continue;
    seen[id] = stamp;
    df[id]!++;
  }
}

/** The two-word phrases of forEachGram (grams.ts), as (first, second) word ids. */
function forEachPair(
  ids: Int32Array,
  kinds: readonly UnitKind[],
  visit: (first: number, second: number) => void,
): void {
  for (let i = 0; i + 1 < ids.length; i++) {
    const first = ids[i]!;
    const second = ids[i + 1]!;
    if (first === NO_WORD || second === NO_WORD || second === first) continue;
    const secondKind = kinds[second];
    if (secondKind === MODIFIER) continue;
    if (kinds[first] === CONTENT || secondKind === CONTENT) visit(first, second);
  }
}

/** Interns pairs of word ids as dense slots 0, 1, 2…, in first-seen order (open addressing). */
class PairTable {
  first = new Int32Array(0);
  second = new Int32Array(0);
  private size = 0;
  /** Slot + 1 per bucket; 0 is empty. */
  private buckets = new Int32Array(1024);

  intern(first: number, second: number): number {
    const found = this.find(first, second);
    if (found >= 0) return found;
    if (2 * (this.size + 1) > this.buckets.length) this.grow();
    if (this.size === this.first.length) {
      const capacity = Math.max(256, this.size * 2);
      const f = new Int32Array(capacity);
      const s = new Int32Array(capacity);
      f.set(this.first);
      s.set(this.second);
      this.first = f;
      this.second = s;
    }
    const slot = this.size++;
    this.first[slot] = first;
    this.second[slot] = second;
    this.place(slot);
    return slot;
  }

  find(first: number, second: number): number {
    const mask = this.buckets.length - 1;
    for (let b = hashPair(first, second) & mask; ; b = (b + 1) & mask) {
      const entry = this.buckets[b]!;
      if (entry === 0) return -1;
      if (this.first[entry - 1] === first && this.second[entry - 1] === second) return entry - 1;
    }
  }

  private place(slot: number): void {
    const mask = this.buckets.length - 1;
    let b = hashPair(this.first[slot]!, this.second[slot]!) & mask;
    while (this.buckets[b] !== 0) b = (b + 1) & mask;
    this.buckets[b] = slot + 1;
  }

  private grow(): void {
    this.buckets = new Int32Array(this.buckets.length * 2);
    for (let slot = 0; slot < this.size; slot++) this.place(slot);
  }
}

function hashPair(first: number, second: number): number {
  let h = Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}
