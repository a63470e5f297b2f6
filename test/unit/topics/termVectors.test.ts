import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_DOCUMENT_SHARE,
  MAX_FEATURES,
  MAX_TERMS_PER_PAPER,
  TITLE_WEIGHT,
  termVectors,
  type PaperUnits,
  type SparseVector,
} from '../../../src/core/topics/termVectors';
import { BREAK, UnitKind, UnitVocabulary, unitIds } from '../../../src/core/topics/textUnits';

/**
 * The term vectors as first written: every phrase of one or two words keyed by a number, document
 * frequencies and term frequencies in maps. The fast version must give exactly the same vectors.
 */
function referenceTermVectors(papers: readonly PaperUnits[], kinds: readonly UnitKind[]): SparseVector[] {
  const size = kinds.length;
  const grams = (ids: Int32Array, visit: (key: number) => void) => {
    for (let i = 0; i < ids.length; i++) {
      const first = ids[i]!;
      if (first === BREAK) continue;
      if (kinds[first] === UnitKind.Content) visit(first);
      const second = i + 1 < ids.length ? ids[i + 1]! : BREAK;
      if (second === BREAK || second === first) continue;
      const hasContent = kinds[first] === UnitKind.Content || kinds[second] === UnitKind.Content;
      if (hasContent && kinds[second] !== UnitKind.Modifier) visit(size * (1 + first) + second);
    }
  };
  const df = new Map<number, number>();
  for (const paper of papers) {
    const seen = new Set<number>();
    const count = (key: number) => {
      if (!seen.has(key)) df.set(key, (df.get(key) ?? 0) + 1);
      seen.add(key);
    };
    grams(paper.title, count);
    grams(paper.abstract, count);
  }
  const maxDf = Math.max(2, Math.floor(papers.length * MAX_DOCUMENT_SHARE));
  const features = [...df.entries()]
    .filter(([, d]) => d >= 2 && d <= maxDf)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_FEATURES);
  const index = new Map(features.map(([key], i) => [key, i]));
  const idf = features.map(([, d]) => Math.log(papers.length / d));
  return papers.map((paper) => {
    const tf = new Map<number, number>();
    grams(paper.title, (key) => tf.set(key, (tf.get(key) ?? 0) + TITLE_WEIGHT));
    grams(paper.abstract, (key) => tf.set(key, (tf.get(key) ?? 0) + 1));
    const entries: Array<[number, number]> = [];
    for (const [key, count] of tf) {
      const f = index.get(key);
      if (f !== undefined) entries.push([f, (1 + Math.log(count)) * idf[f]!]);
    }
    const kept = entries
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_TERMS_PER_PAPER)
      .sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(kept.reduce((sum, [, w]) => sum + w * w, 0));
    return {
      indices: Int32Array.from(kept, ([f]) => f),
      values: Float64Array.from(kept, ([, w]) => (norm > 0 ? w / norm : 0)),
    };
  });
}

/**
 * Papers over a vocabulary large enough that more than MAX_FEATURES single words qualify, so that the
 * two-word phrases compete with them for the cut; with generic words and modifiers ("model", "large"),
 * punctuation and hyphenated compounds.
 */
function corpus(papers: number, words: number): Array<{ title: string; abstract: string }> {
  // mulberry32, seeded.
  let state = 99;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const letters = 'bcdfghjklmnpqrstvwz';
  const vowels = 'aeiou';
  const vocabulary = Array.from({ length: words }, (_, i) => {
    let w = '';
    for (let n = i + 1; n > 0; n = Math.floor(n / letters.length)) {
      w += letters[n % letters.length]! + vowels[n % vowels.length]!;
    }
    return `${w}x`;
  });
  const special = ['model', 'data', 'large', 'multi', 'learning', 'network'];
  // Skewed: a few words in many papers, most in a few.
  const word = () =>
    next() < 0.12
      ? special[Math.floor(next() * special.length)]!
      : vocabulary[Math.floor(words * next() ** 2)]!;
  const text = (length: number) =>
    Array.from({ length }, (_, i) => {
      const r = next();
      const w = word();
      return r < 0.05 ? `${w},` : r < 0.08 ? `${w}-${word()}` : i % 17 === 16 ? `${w}.` : w;
    }).join(' ');
  return Array.from({ length: papers }, () => ({ title: text(6), abstract: text(70) }));
}

test('term vectors: the same features and weights as counting every phrase in maps', () => {
  const papers = corpus(3000, 30000);
  const vocabulary = new UnitVocabulary();
  const units = papers.map((p) => ({
    title: unitIds(p.title, vocabulary),
    abstract: unitIds(p.abstract, vocabulary),
  }));
  const eligible = new Set<number>();
  for (const u of units) for (const id of [...u.title, ...u.abstract]) if (id !== BREAK) eligible.add(id);
  assert.ok(eligible.size > MAX_FEATURES, `only ${eligible.size} words`);

  const { vectors, dimensions } = termVectors(units, vocabulary.kinds);
  const expected = referenceTermVectors(units, vocabulary.kinds);
  assert.equal(dimensions, MAX_FEATURES);
  assert.equal(vectors.length, expected.length);
  vectors.forEach((v, i) => {
    assert.deepEqual([...v.indices], [...expected[i]!.indices], `paper ${i}: features`);
    assert.deepEqual([...v.values], [...expected[i]!.values], `paper ${i}: weights`);
  });
});

test('term vectors: small corpora, and phrases made only of generic words', () => {
  const vocabulary = new UnitVocabulary();
  const texts = [
    ['Large language models', 'Large language models for code; data models.'],
    ['Language models at scale', 'Scaling large language models and model data.'],
    ['Protein folding', 'Folding proteins with language models.'],
    ['', ''],
  ];
  const units = texts.map(([title, abstract]) => ({
    title: unitIds(title!, vocabulary),
    abstract: unitIds(abstract!, vocabulary),
  }));
  const { vectors } = termVectors(units, vocabulary.kinds);
  const expected = referenceTermVectors(units, vocabulary.kinds);
  assert.deepEqual(
    vectors.map((v) => [[...v.indices], [...v.values]]),
    expected.map((v) => [[...v.indices], [...v.values]]),
  );
  assert.deepEqual(termVectors([], vocabulary.kinds), { vectors: [], dimensions: 0 });
});
