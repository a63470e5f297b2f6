import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doubleBalanceWeights } from '../../../src/core/screening/balance';
import { SeededRandom } from '../../../src/core/screening/prng';
import { buildFeatures, DEFAULT_FEATURE_OPTIONS } from '../../../src/core/screening/tfidf';
import { tokenizeLikeScikit } from '../../../src/core/screening/tokenize';

const terms = (text: string): string[] => tokenizeLikeScikit(text).map((t) => t.term);

test('scikit tokens: lower case, runs of 2+ letters, digits or underscores; nothing else dropped', () => {
  // CountVectorizer().build_analyzer()("The IL-6 level: 2.5 mg/kg in 10 of the_rats, a β-blocker, Æsir")
  assert.deepEqual(terms('The IL-6 level: 2.5 mg/kg in 10 of the_rats, a β-blocker, Æsir'), [
    'the',
    'il',
    'level',
    'mg',
    'kg',
    'in',
    '10',
    'of',
    'the_rats',
    'blocker',
    'æsir',
  ]);
});

test('scikit features: title and abstract as one text, n-grams across punctuation and stop words, smooth idf', () => {
  const m = buildFeatures(
    [
      { title: 'Nudging doctors.', abstract: 'Of the doctors' },
      { title: 'Doctors', abstract: 'nudging' },
    ],
    {
      ...DEFAULT_FEATURE_OPTIONS,
      tokens: 'scikit',
      titleWeight: 1,
      ngrams: 2,
      minDocFreq: 1,
      maxDocShare: 1,
      sublinearTf: false,
    },
  );
  // "doctors of" spans the title's full stop; "the" is kept.
  assert.deepEqual(m.terms, [
    'doctors',
    'doctors nudging',
    'doctors of',
    'nudging',
    'nudging doctors',
    'of',
    'of the',
    'the',
    'the doctors',
  ]);
  // Row 2: doctors, doctors nudging, nudging with counts 1; idf ln(3/3)+1 = 1 for the shared words, ln(3/2)+1 else.
  const row = [...m.vals.slice(m.rowStart[1], m.rowStart[2])];
  const rare = Math.log(3 / 2) + 1;
  const norm = Math.sqrt(2 + rare * rare);
  assert.deepEqual(
    row.map((v) => Math.round(v * 1e9)),
    [1 / norm, rare / norm, 1 / norm].map((v) => Math.round(v * 1e9)),
  );
});

test("ASReview's draw: whole copies plus a sample, as many rows as labels, at least 1 inclusion and 2 exclusions (when there is room)", () => {
  const options = { a: 2.155, alpha: 0.94, b: 0.789, beta: 1, asreviewDraw: true };
  for (const [ones, zeros] of [
    [1, 1],
    [1, 3],
    [3, 40],
    [20, 400],
    [30, 31],
  ] as const) {
    const labels = new Int8Array(ones + zeros + 5).fill(-1);
    labels.fill(1, 0, ones);
    labels.fill(0, ones, ones + zeros);
    const w = doubleBalanceWeights(labels, new SeededRandom(ones * 1000 + zeros), options);
    const sum = (from: number, to: number): number => [...w.slice(from, to)].reduce((a, b) => a + b, 0);
    assert.equal(sum(0, ones + zeros), ones + zeros, `${ones}/${zeros}`);
    // With 2 labels ASReview's clamp max(1, min(n − 2, k)) leaves 1 exclusion row.
    assert.ok(
      sum(0, ones) >= 1 && sum(ones, ones + zeros) >= Math.min(2, ones + zeros - 1),
      `${ones}/${zeros}`,
    );
    assert.ok([...w].every((x) => Number.isInteger(x)));
    assert.equal(sum(ones + zeros, w.length), 0);
    // fill_training: copies differ by at most one within a class.
    for (const [from, to] of [
      [0, ones],
      [ones, ones + zeros],
    ]) {
      const part = [...w.slice(from, to)];
      assert.ok(Math.max(...part) - Math.min(...part) <= 1, `${ones}/${zeros}`);
    }
  }
  // 3 inclusions, 40 exclusions: one_weight 2.155·(3/40)^−0.94, zero_weight 1 − 0.211/(1 + ln 43):
  // 43·3w₁/(3w₁ + 40w₀) ≈ 25.4 places → 25 or 26 inclusion rows.
  const labels = new Int8Array(43).fill(0);
  labels.fill(1, 0, 3);
  const w1 = 2.155 * Math.pow(3 / 40, -0.94);
  const w0 = 1 - (1 - 0.789) / (1 + Math.log(43));
  const expected = (43 * 3 * w1) / (3 * w1 + 40 * w0);
  const drawn = new Set<number>();
  for (let seed = 0; seed < 50; seed++) {
    const w = doubleBalanceWeights(labels, new SeededRandom(seed), options);
    drawn.add(w[0]! + w[1]! + w[2]!);
  }
  assert.deepEqual([...drawn].sort(), [Math.floor(expected), Math.ceil(expected)]);
});
