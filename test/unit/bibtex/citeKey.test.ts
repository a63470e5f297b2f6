import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseCiteKey,
  claimCiteKey,
  collisionSuffix,
  lastNamePart,
  shortTitleWords,
} from '../../../src/core/bibtex';

test('with author and year: lowercase last name, three capitalised significant words, year', () => {
  assert.equal(
    baseCiteKey({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      year: 2017,
    }),
    'vaswaniAttentionAllYou2017',
  );
  assert.equal(
    baseCiteKey({ title: 'On the Theory of Things', authors: ['Smith, John'] }),
    'smithTheoryThings',
  );
});

test('without author: lower camel case from the title, year when known', () => {
  assert.equal(
    baseCiteKey({ title: 'Continuous Speculative Decoding for Autoregressive Image Generation' }),
    'continuousSpeculativeDecoding',
  );
  assert.equal(
    baseCiteKey({ title: 'LANTERN: Accelerating Visual Autoregressive Models', year: 2024 }),
    'lanternAcceleratingVisual2024',
  );
});

test('keys are ASCII: accents transliterated, LaTeX decoded, ligatures and Greek spelled out', () => {
  assert.equal(
    baseCiteKey({ title: "Fr\\'echet Cumulative Covariance Net", authors: ['José Núñez Jr.'], year: 2020 }),
    'nunezFrechetCumulativeCovariance2020',
  );
  assert.equal(baseCiteKey({ title: 'β-VAE: Learning Basic Visual Concepts' }), 'betaVAELearning');
  assert.equal(
    baseCiteKey({ title: 'Eﬃcient Straße Œuvre', authors: ['Łukasz Kaiser'] }),
    'kaiserEfficientStrasseOEuvre',
  );
  assert.equal(baseCiteKey({ title: "Don't Stop Pretraining" }), 'dontStopPretraining');
  for (const title of ['深度学习', '', '!!!']) assert.equal(baseCiteKey({ title }), 'paper');
  assert.equal(
    baseCiteKey({ title: '深度学习', authors: ['王小明'] }),
    'paper',
    'a name with no ASCII letters is skipped',
  );
});

test('name and word helpers', () => {
  assert.equal(lastNamePart('van der Berg, Anna'), 'vanderberg');
  assert.equal(lastNamePart('Anna {van der Berg}'), 'berg');
  assert.equal(lastNamePart('Martin Luther King, Jr.'), 'martinlutherking');
  assert.deepEqual(shortTitleWords('On the Of'), ['On', 'the', 'Of'], 'all stop words: first words are used');
  assert.deepEqual(shortTitleWords('Text-to-Image Generation via Autoregressive Alignment', 4), [
    'Text',
    'Image',
    'Generation',
    'Autoregressive',
  ]);
});

test('collisions get a, b, c, …, z, aa, …; comparison is case-insensitive', () => {
  assert.deepEqual([0, 1, 2, 25, 26, 27, 701, 702].map(collisionSuffix), [
    'a',
    'b',
    'c',
    'z',
    'aa',
    'ab',
    'zz',
    'aaa',
  ]);
  const taken = new Set(['continuousspeculativedecoding']);
  const source = { title: 'Continuous Speculative Decoding' };
  assert.equal(claimCiteKey(source, taken), 'continuousSpeculativeDecodinga');
  assert.equal(claimCiteKey(source, taken), 'continuousSpeculativeDecodingb');
  assert.equal(claimCiteKey(source, taken), 'continuousSpeculativeDecodingc');
  assert.ok(taken.has('continuousspeculativedecodingc'));
});
