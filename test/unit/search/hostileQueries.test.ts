import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex } from '../../../src/core/search';
import { byTitle, seedPapers } from './corpora';

const papers = seedPapers();
const index = SearchIndex.build(papers);
const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

const HOSTILE = [
  'foo:',
  '-',
  '~',
  '"',
  '(',
  ')',
  '*',
  '**',
  '^',
  '+',
  '+-',
  'a~',
  'a^',
  'a^x',
  'title:',
  ':survey',
  'foo:bar',
  'title:foo:bar',
  '"speculative decoding"',
  '(diffusion OR autoregressive)',
  'x'.repeat(5000),
  'diffusion '.repeat(600),
  '😀',
  '😀 émoji ü',
  'Fréchet',
  '日本語の論文',
  '',
  '   \t\n',
  '\u0000\u0007',
  '\u200b',
  ')(*&^%$#@!',
  '*a*',
  'a*',
  '*ion',
  'title:*',
  'difusion~9',
  'x~2',
  '+the',
  '-diffusion',
];

test('every hostile query returns a list from search, fuzzy and combined, never an exception', () => {
  for (const q of HOSTILE) {
    for (const run of [() => index.search(q), () => index.fuzzyTitles(q), () => index.combined(q)]) {
      const hits = run();
      const ids = hits.map((hit) => hit.id);
      assert.equal(new Set(ids).size, ids.length, `${JSON.stringify(q.slice(0, 20))}: a paper listed twice`);
      for (const hit of hits)
        assert.ok(
          papers.some((p) => p.id === hit.id),
          'hits name real papers',
        );
    }
  }
});

test('input lunr rejects falls back to a plain word search', () => {
  assert.deepEqual(ids(index.search('foo:')), ids(index.search('foo')));
  assert.deepEqual(ids(index.search('title:')), ids(index.search('title')));
  // An unknown field is not an error: its words are searched.
  assert.deepEqual(ids(index.search('foo:decoding')), ids(index.search('foo decoding')));
  assert.ok(index.search('foo:decoding').length > 0);
  // Quotes and brackets are not lunr syntax: the words inside still find the papers.
  const quoted = ids(index.search('"speculative decoding"'));
  assert.deepEqual(quoted, ids(index.search('speculative decoding')));
  assert.ok(quoted.includes(byTitle(papers, 'LANTERN').id));
  assert.ok(ids(index.search('(diffusion OR autoregressive)')).length > 10);
});

test('queries without any word find nothing rather than everything', () => {
  for (const q of [
    '-',
    '~',
    '"',
    '(',
    '*',
    '**',
    '^',
    '+',
    '',
    '   \t\n',
    '\u0000\u0007',
    '😀',
    ')(*&^%$#@!',
  ]) {
    assert.deepEqual(index.search(q), [], JSON.stringify(q));
    assert.deepEqual(index.combined(q), [], JSON.stringify(q));
  }
});

test('a 5,000-character query is cut, not rejected: its start still searches', () => {
  assert.deepEqual(index.search('x'.repeat(5000)), []);
  const long = index.search('diffusion '.repeat(600));
  assert.deepEqual(ids(long), ids(index.search('diffusion')));
  assert.ok(long.length > 5);
});

test('pathological wildcards are searched as plain words', () => {
  // Too few literal letters to expand: "a" alone is a stop word, so nothing.
  assert.deepEqual(index.search('a*'), []);
  assert.deepEqual(index.search('*a*'), []);
  assert.deepEqual(index.search('title:*'), []);
  // A leading wildcard needs three letters; "*ion" expands to many words and still works.
  assert.ok(index.search('*ion').length > 0);
});

test('fuzzy edit distances are capped and short words are not fuzzed', () => {
  assert.deepEqual(ids(index.search('difusion~9')), ids(index.search('difusion~2')));
  assert.ok(index.search('difusion~1').some((h) => h.id === byTitle(papers, 'D-AR').id));
  // "x~2" would match every one- to three-letter word; it is searched as "x" (Next-X, f(x)).
  assert.deepEqual(ids(index.search('x~2')), ids(index.search('x')));
  assert.ok(index.search('x~2').length < 5);
});

test('a required stop word does not break the query', () => {
  assert.deepEqual(index.search('+the'), []);
  assert.deepEqual(ids(index.search('+the +decoding')), ids(index.search('+decoding')));
});

test('unicode queries: accents fold, scripts without matches give nothing', () => {
  const frechet = byTitle(papers, 'Fréchet').id;
  assert.equal(index.search('Fréchet')[0]?.id, frechet);
  assert.equal(index.search('frechet')[0]?.id, frechet);
  assert.equal(index.search('FRECHET')[0]?.id, frechet);
  assert.deepEqual(index.search('日本語の論文'), []);
});
