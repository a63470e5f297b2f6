import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex } from '../../../src/core/search';
import { byTitle, paper, seedPapers } from './corpora';

const papers = seedPapers();
const index = SearchIndex.build(papers);
const continuous = byTitle(papers, 'Continuous Speculative Decoding for Autoregressive Image Generation');
const lantern = byTitle(papers, 'LANTERN');

test('fuzzy title search tolerates typos', () => {
  const hits = index.fuzzyTitles('speculatve decodng');
  assert.deepEqual(
    hits
      .slice(0, 2)
      .map((h) => h.id)
      .sort(),
    [continuous.id, lantern.id].sort(),
  );
  assert.equal(index.search('speculatve decodng').length, 0, 'full text alone finds nothing');
});

test('fuzzy title search ignores word order', () => {
  assert.deepEqual(
    index
      .fuzzyTitles('decodng speculatve')
      .map((h) => h.id)
      .sort(),
    index
      .fuzzyTitles('speculatve decodng')
      .map((h) => h.id)
      .sort(),
  );
});

test('fuzzy title search folds accents on both sides', () => {
  const frechet = byTitle(papers, 'Fréchet');
  assert.equal(index.fuzzyTitles('Frechet')[0]?.id, frechet.id);
  assert.equal(index.fuzzyTitles('fréchet')[0]?.id, frechet.id);
  const accented = SearchIndex.build([
    paper('x', 'Frechet distances revisited', ''),
    paper('y', 'Other', ''),
  ]);
  assert.equal(accented.fuzzyTitles('Fréchet')[0]?.id, 'x');
});

test('fuzzy matches highlight whole title words', () => {
  const hit = index.fuzzyTitles('speculatve decodng').find((h) => h.id === continuous.id)!;
  assert.deepEqual(
    hit.matches.map((m) => continuous.title.slice(m.start, m.end)),
    ['Speculative', 'Decoding'],
  );
  const frechet = byTitle(papers, 'Fréchet');
  const f = index.fuzzyTitles('frechet')[0]!;
  assert.equal(frechet.title.slice(f.matches[0]!.start, f.matches[0]!.end), 'Fréchet');
});

test('short words must match exactly: "foo" does not find "for"', () => {
  assert.deepEqual(index.fuzzyTitles('foo'), []);
  const vae = index.fuzzyTitles('vae').map((h) => papers.find((p) => p.id === h.id)!.title);
  assert.ok(vae.some((t) => t.includes('VAEs')));
  assert.deepEqual(index.fuzzyTitles('vea'), [], 'no typo allowed in three letters');
});

test('the combined ranking has no duplicates and is ordered best first', () => {
  for (const q of [
    'speculative decoding',
    'speculatve decodng',
    'autoreg',
    'time series',
    'diffusion model',
  ]) {
    const hits = index.combined(q);
    assert.ok(hits.length > 0, q);
    assert.equal(new Set(hits.map((h) => h.id)).size, hits.length, `${q}: duplicates`);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score, `${q}: order`);
    for (const hit of hits) assert.ok(hit.score > 0 && hit.score <= 1);
  }
});

test('the combined ranking puts typo matches first and papers found twice above those found once', () => {
  const typo = index.combined('speculatve decodng');
  assert.deepEqual(
    typo
      .slice(0, 2)
      .map((h) => h.id)
      .sort(),
    [continuous.id, lantern.id].sort(),
  );
  const both = index.combined('speculative decoding');
  assert.deepEqual(
    both
      .slice(0, 2)
      .map((h) => h.id)
      .sort(),
    [continuous.id, lantern.id].sort(),
  );
});

test('type-ahead: the last word of a plain query also matches as a prefix', () => {
  const hits = index.combined('autoreg');
  assert.ok(hits.length >= 20);
  assert.deepEqual(index.search('autoreg'), []);
});

test('a lunr-syntax query is taken literally in the combined ranking', () => {
  assert.deepEqual(index.combined('title:survey'), index.search('title:survey'));
  assert.deepEqual(
    index.combined('+speculative -lantern').map((h) => h.id),
    [continuous.id],
  );
});

test('limits apply to every result list', () => {
  assert.equal(index.combined('diffusion', { limit: 3 }).length, 3);
  assert.equal(index.search('diffusion', { limit: 2 }).length, 2);
  assert.equal(index.fuzzyTitles('diffusion', { limit: 1 }).length, 1);
});

test('similar papers: the other speculative-decoding paper first, never the paper itself', () => {
  const similar = index.similarPapers(continuous.id, 5);
  assert.equal(similar.length, 5);
  assert.ok(similar.slice(0, 2).some((h) => h.id === lantern.id));
  assert.ok(similar.every((h) => h.id !== continuous.id));
  const itransformer = byTitle(papers, 'iTransformer');
  const ts = index.similarPapers(itransformer.id, 3).map((h) => papers.find((p) => p.id === h.id)!.title);
  assert.ok(
    ts.every((t) => /time series/i.test(t)),
    ts.join(' | '),
  );
  assert.deepEqual(index.similarPapers('no-such-paper', 5), []);
  assert.deepEqual(index.similarPapers(continuous.id, 0), []);
});

test('a limited palette ranking is exactly the head of the unlimited one (same papers, scores, matches)', () => {
  const index = SearchIndex.build(seedPapers());
  const queries = [
    's',
    'sp',
    'spec',
    'speculative decod',
    'diffusion model',
    'time series',
    'gausian',
    'video',
  ];
  for (const query of queries) {
    const all = index.combined(query);
    for (const limit of [1, 5, 20]) {
      const head = index.combined(query, { limit });
      assert.deepEqual(
        head.map((h) => [h.id, h.score, h.matches]),
        all.slice(0, limit).map((h) => [h.id, h.score, h.matches]),
        `${query} (limit ${limit})`,
      );
    }
    const plain = index.search(query);
    assert.deepEqual(
      index.search(query, { limit: 3 }).map((h) => h.id),
      plain.slice(0, 3).map((h) => h.id),
    );
  }
});
