import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldPlural, tokenize } from '../../../src/core/screening/tokenize';
import {
  buildFeatures,
  DEFAULT_FEATURE_OPTIONS,
  type FeatureMatrix,
} from '../../../src/core/screening/tfidf';

const plain = { foldPlurals: false };

test('words are lower-cased; stop words, numbers and 1-letter words are dropped', () => {
  const tokens = tokenize('The Effect of 20 mg Zinc on a Wilson-disease cohort', plain);
  assert.deepEqual(
    tokens.map((t) => t.term),
    ['effect', 'mg', 'zinc', 'wilson', 'disease', 'cohort'],
  );
  assert.deepEqual(
    tokens.map((t) => t.surface),
    ['Effect', 'mg', 'Zinc', 'Wilson', 'disease', 'cohort'],
  );
});

test('phrases break at stop words, numbers and punctuation, not at hyphens', () => {
  const breaks = tokenize('nudge trial. Default options of 2 drug orders; evidence-based care', plain).map(
    (t) => `${t.phraseBreak ? '|' : ''}${t.term}`,
  );
  assert.deepEqual(breaks, [
    '|nudge',
    'trial',
    '|default',
    'options',
    '|drug',
    'orders',
    '|evidence',
    'based',
    'care',
  ]);
});

test('markup, copyright lines and mojibake do not become words', () => {
  const terms = tokenize(
    'Cu<sup>2+</sup> levels â€™ high. © 2015 Elsevier Ltd. All rights reserved.',
    plain,
  ).map((t) => t.term);
  assert.deepEqual(terms, ['cu', 'levels', 'high']);
});

test('plural folding', () => {
  assert.deepEqual(
    ['studies', 'nudges', 'patients', 'diagnosis', 'status', 'class', 'bus', 'series'].map(foldPlural),
    ['study', 'nudge', 'patient', 'diagnosis', 'status', 'class', 'bus', 'sery'],
  );
});

const records = [
  { title: 'Zinc therapy in Wilson disease', abstract: 'Zinc and penicillamine therapy compared.' },
  { title: 'Penicillamine for Wilson disease', abstract: 'Long term penicillamine therapy outcomes.' },
  { title: 'Liver transplantation outcomes', abstract: 'Transplantation in acute liver failure.' },
  { title: 'Genetic testing', abstract: 'ATP7B mutation analysis in families with liver disease.' },
];

function rows(m: FeatureMatrix): Map<string, number>[] {
  return Array.from({ length: m.nDocs }, (_, d) => {
    const row = new Map<string, number>();
    for (let k = m.rowStart[d]!; k < m.rowStart[d + 1]!; k++) row.set(m.terms[m.cols[k]!]!, m.vals[k]!);
    return row;
  });
}

test('TF-IDF rows are L2-normalised, columns ascending, rare and ubiquitous terms dropped', () => {
  const m = buildFeatures(records, { ...DEFAULT_FEATURE_OPTIONS, maxDocShare: 0.6 });
  assert.ok(m.terms.includes('wilson disease'));
  assert.ok(!m.terms.includes('genetic'), 'in one document only');
  assert.ok(!m.terms.includes('liver transplantation'));
  for (let d = 0; d < m.nDocs; d++) {
    let norm = 0;
    for (let k = m.rowStart[d]!; k < m.rowStart[d + 1]!; k++) {
      norm += m.vals[k]! ** 2;
      if (k > m.rowStart[d]!) assert.ok(m.cols[k]! > m.cols[k - 1]!);
    }
    if (m.rowStart[d + 1]! > m.rowStart[d]!) assert.ok(Math.abs(norm - 1) < 1e-12);
  }
});

test('title words weigh more than abstract words', () => {
  const m = buildFeatures(
    [
      { title: 'alpha', abstract: 'gamma' },
      { title: 'gamma', abstract: 'alpha' },
    ],
    { ...DEFAULT_FEATURE_OPTIONS, maxDocShare: 1 },
  );
  const [first] = rows(m);
  assert.ok(first!.get('alpha')! > first!.get('gamma')!);
});

test("scikit tokens: a title weight above 1 counts the title's terms that many times; the joined text keeps its n-grams", () => {
  const record = { title: 'Zinc therapy', abstract: 'zinc dose' };
  const scikit = { ...DEFAULT_FEATURE_OPTIONS, tokens: 'scikit' as const, minDocFreq: 1, maxDocShare: 1 };
  const counts = (titleWeight: number): Map<string, number> => {
    const m = buildFeatures([record], { ...scikit, titleWeight, ngrams: 2, sublinearTf: false });
    const [row] = rows(m);
    const unit = row!.get('dose')!; // an abstract-only word counted once
    return new Map([...row!].map(([term, v]) => [term, Math.round(v / unit)]));
  };
  // Title and abstract are one text: "therapy zinc" spans the join, as in scikit-learn.
  assert.deepEqual(
    counts(1),
    new Map([
      ['dose', 1],
      ['therapy', 1],
      ['therapy zinc', 1],
      ['zinc', 2],
      ['zinc dose', 1],
      ['zinc therapy', 1],
    ]),
  );
  assert.deepEqual(
    counts(2),
    new Map([
      ['dose', 1],
      ['therapy', 2],
      ['therapy zinc', 1],
      ['zinc', 3],
      ['zinc dose', 1],
      ['zinc therapy', 2],
    ]),
  );
});

test('the vocabulary and vectors do not depend on record order', () => {
  const forward = rows(buildFeatures(records, DEFAULT_FEATURE_OPTIONS));
  const backward = rows(buildFeatures([...records].reverse(), DEFAULT_FEATURE_OPTIONS)).reverse();
  assert.deepEqual(backward, forward);
});
