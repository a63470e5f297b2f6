import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RRF_K, foldText, reciprocalRankFusion } from '../../../src/core/search';
import { foldWithOrigin, originalRange } from '../../../src/core/search/fold';
import { wordSpans } from '../../../src/core/search/words';

test('folding lower-cases and strips accents, including letters without combining marks', () => {
  assert.equal(foldText('Fréchet'), 'frechet');
  assert.equal(foldText('Łukasz Øresund Straße'), 'lukasz oresund strasse');
  assert.equal(foldText('e\u0301te\u0301'), 'ete');
  assert.equal(foldText('spec\u200bulative'), 'speculative');
  assert.equal(foldText('ASCII only'), 'ascii only');
});

test('folded positions map back onto the original text', () => {
  const text = 'Straße für Fréchet';
  const fold = foldWithOrigin(text);
  assert.equal(fold.folded, 'strasse fur frechet');
  const start = fold.folded.indexOf('frechet');
  const [from, to] = originalRange(fold, start, start + 'frechet'.length);
  assert.equal(text.slice(from, to), 'Fréchet');
  const [a, b] = originalRange(fold, 0, 7);
  assert.equal(text.slice(a, b), 'Straße');
});

test('words split on punctuation and hyphens, keep decimals and invisible joiners', () => {
  const spans = wordSpans('Next-X (AR) models: Qwen2.5 at 2.33x, spec\u200bulative. End.');
  assert.deepEqual(
    spans.map((s) => s.text),
    ['Next', 'X', 'AR', 'models', 'Qwen2.5', 'at', '2.33x', 'spec\u200bulative', 'End'],
  );
  for (const s of spans)
    assert.equal(
      'Next-X (AR) models: Qwen2.5 at 2.33x, spec\u200bulative. End.'.slice(s.start, s.end),
      s.text,
    );
  assert.deepEqual(wordSpans(''), []);
  assert.deepEqual(wordSpans('... --- !!!'), []);
});

test('reciprocal-rank fusion adds 1/(K + rank) per list, normalised to the best possible score', () => {
  const m = (field: 'title' | 'abstract', start: number, end: number) => ({ field, start, end });
  const fused = reciprocalRankFusion([
    {
      hits: [
        { id: 'a', score: 9, matches: [m('title', 0, 3)] },
        { id: 'b', score: 5, matches: [] },
      ],
      weight: 1,
    },
    {
      hits: [
        { id: 'b', score: 0.9, matches: [m('title', 5, 8)] },
        { id: 'c', score: 0.5, matches: [] },
      ],
      weight: 1,
    },
  ]);
  const best = 2 / (RRF_K + 1);
  assert.deepEqual(
    fused.map((h) => h.id),
    ['b', 'a', 'c'],
  );
  assert.equal(fused[0]!.score, (1 / (RRF_K + 2) + 1 / (RRF_K + 1)) / best);
  assert.equal(fused[1]!.score, 1 / (RRF_K + 1) / best);
  assert.equal(fused[2]!.score, 1 / (RRF_K + 2) / best);
  assert.deepEqual(fused[0]!.matches, [m('title', 5, 8)]);
});

test('fusion merges the match ranges of a paper and ignores repeats within a list', () => {
  const fused = reciprocalRankFusion([
    {
      hits: [
        { id: 'a', score: 1, matches: [{ field: 'title', start: 0, end: 4 }] },
        { id: 'a', score: 1, matches: [] },
      ],
      weight: 1,
    },
    { hits: [{ id: 'a', score: 1, matches: [{ field: 'title', start: 2, end: 9 }] }], weight: 1 },
  ]);
  assert.equal(fused.length, 1);
  assert.equal(fused[0]!.score, 1);
  assert.deepEqual(fused[0]!.matches, [{ field: 'title', start: 0, end: 9 }]);
  assert.deepEqual(reciprocalRankFusion([]), []);
});
