import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex } from '../../../src/core/search';
import { byTitle, paper, seedPapers } from './corpora';

const papers = seedPapers();
const index = SearchIndex.build(papers);
const byId = new Map(papers.map((p) => [p.id, p]));
const text = (id: string) => `${byId.get(id)!.title} ${byId.get(id)!.abstract}`.toLowerCase();

test('field queries search one field', () => {
  const hits = index.search('title:survey');
  assert.deepEqual(
    hits.map((h) => byId.get(h.id)!.title),
    ['Autoregressive Models in Vision: A Survey'],
  );
  const inTitles = index.search('title:decoding');
  assert.ok(inTitles.length >= 3);
  for (const hit of inTitles) assert.match(byId.get(hit.id)!.title, /decod/i);
  // "decoding" also occurs in abstracts only, which an unfielded query finds too.
  assert.ok(index.search('decoding').length > inTitles.length);
});

test('trailing wildcards expand to longer words', () => {
  const hits = index.search('autoreg*');
  assert.ok(hits.length >= 30);
  for (const hit of hits) assert.match(text(hit.id), /autoreg/);
  assert.deepEqual(index.search('autoreg'), [], 'without the wildcard "autoreg" is not a word');
});

test('+required and -prohibited terms', () => {
  const hits = index.search('+diffusion -autoregressive');
  assert.ok(hits.length >= 2);
  for (const hit of hits) {
    assert.match(text(hit.id), /diffusion/);
    assert.doesNotMatch(text(hit.id), /autoregressive/);
  }
  const both = index.search('+speculative +decoding -lantern');
  assert.deepEqual(
    both.map((h) => byId.get(h.id)!.title),
    ['Continuous Speculative Decoding for Autoregressive Image Generation'],
  );
});

test('plain queries match any word; requireAll matches every word', () => {
  const any = index.search('speculative bayesian');
  const all = index.search('speculative bayesian', { requireAll: true });
  assert.ok(any.length >= 4);
  assert.deepEqual(all, []);
  const both = index.search('speculative decoding', { requireAll: true }).map((h) => h.id);
  assert.ok(both.includes(byTitle(papers, 'LANTERN').id));
  assert.ok(both.includes(byTitle(papers, 'Continuous Speculative').id));
});

test('results are ordered best first and carry scores', () => {
  const hits = index.search('time series forecasting');
  assert.ok(hits.length > 3);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score);
  assert.match(byId.get(hits[0]!.id)!.title, /Time Series Forecasting/);
});

test('match positions point at the matched words in title and abstract', () => {
  const lantern = byTitle(papers, 'LANTERN');
  const hit = index.search('speculative decoding').find((h) => h.id === lantern.id)!;
  const titleWords = hit.matches
    .filter((m) => m.field === 'title')
    .map((m) => lantern.title.slice(m.start, m.end));
  assert.deepEqual(titleWords, ['Speculative', 'Decoding']);
  const abstractWords = hit.matches
    .filter((m) => m.field === 'abstract')
    .map((m) => lantern.abstract.slice(m.start, m.end).toLowerCase());
  assert.ok(abstractWords.length >= 2);
  for (const word of abstractWords) assert.match(word, /^(speculat|decod)/);
});

test('match positions survive accents, wildcards and punctuation', () => {
  const frechet = byTitle(papers, 'Fréchet');
  const hit = index.search('frechet').find((h) => h.id === frechet.id)!;
  assert.equal(frechet.title.slice(hit.matches[0]!.start, hit.matches[0]!.end), 'Fréchet');
  const dar = byTitle(papers, 'D-AR');
  const wild = index.search('title:diffus*').find((h) => h.id === dar.id)!;
  assert.deepEqual(
    wild.matches.filter((m) => m.field === 'title').map((m) => dar.title.slice(m.start, m.end)),
    ['Diffusion'],
  );
});

test('positions can be switched off; they are never stored, so they cost no index size', () => {
  const lean = SearchIndex.build(papers, { positions: false });
  assert.deepEqual(
    lean.search('speculative decoding').map((h) => h.id),
    index.search('speculative decoding').map((h) => h.id),
  );
  assert.ok(lean.search('speculative decoding').every((h) => h.matches.length === 0));
  assert.ok(index.search('speculative decoding').every((h) => h.matches.length > 0));
  // Only the settings in the header differ.
  assert.ok(Math.abs(lean.toBytes().byteLength - index.toBytes().byteLength) <= 8);
});

test('authors and tags are searchable, tags by field too', () => {
  const papersWithAuthors = [
    paper('a', 'Graph attention', 'Attention over graphs.', ['Petar Veličković', 'Yoshua Bengio']),
    paper('b', 'Protein folding', 'Structures from sequences.', ['John Jumper']),
  ];
  const tags = new Map([['b', ['must-read', 'biology']]]);
  const small = SearchIndex.build(papersWithAuthors, { tags });
  assert.deepEqual(
    small.search('bengio').map((h) => h.id),
    ['a'],
  );
  assert.deepEqual(
    small.search('velickovic').map((h) => h.id),
    ['a'],
    'accent-insensitive author search',
  );
  assert.deepEqual(
    small.search('tags:biology').map((h) => h.id),
    ['b'],
  );
  const viaFunction = SearchIndex.build(papersWithAuthors, { tags: (id) => (id === 'a' ? ['graphs'] : []) });
  assert.deepEqual(
    viaFunction.search('tags:graphs').map((h) => h.id),
    ['a'],
  );
});

test('a field with zero boost is left out of the index', () => {
  const titlesOnly = SearchIndex.build(papers, { boosts: { abstract: 0 } });
  assert.equal(titlesOnly.search('survey').length, 1);
  assert.deepEqual(titlesOnly.search('abstract:survey'), titlesOnly.search('abstract survey'));
});
