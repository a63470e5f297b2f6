import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex, SearchIndexLoadError } from '../../../src/core/search';
import { ApproximatePattern } from '../../../src/core/search/approximateMatch';
import { orderByScore } from '../../../src/core/search/scoreOrder';
import { EditRows, expandTerm } from '../../../src/core/search/termExpansion';
import { byTitle, paper, seedPapers, shuffled } from './corpora';

const papers = seedPapers();
const index = SearchIndex.build(papers);
const QUERIES = [
  'speculative decoding',
  'title:survey',
  'autoreg*',
  '+diffusion -autoregressive',
  'difusion~1',
];

test('bytes round trip: same hits, scores and match positions, papers in any order', () => {
  const loaded = SearchIndex.fromBytes(index.toBytes(), shuffled(papers));
  for (const q of QUERIES) {
    assert.deepEqual(loaded.search(q), index.search(q), q);
    assert.deepEqual(loaded.combined(q), index.combined(q), q);
  }
  assert.deepEqual(loaded.fuzzyTitles('speculatve decodng'), index.fuzzyTitles('speculatve decodng'));
  assert.deepEqual(loaded.similarPapers(papers[5]!.id), index.similarPapers(papers[5]!.id));
});

test('bytes load refuses other papers, another format and damaged data', () => {
  const bytes = index.toBytes();
  assert.throws(() => SearchIndex.fromBytes(bytes, papers.slice(1)), /other papers/);
  const renamed = papers.map((p, i) => (i === 0 ? { ...p, id: `${p.id}x` } : p));
  assert.throws(() => SearchIndex.fromBytes(bytes, renamed), /other papers/);
  assert.throws(() => SearchIndex.fromBytes(new Uint8Array([1, 2, 3]), papers), SearchIndexLoadError);
  assert.throws(() => SearchIndex.fromBytes(bytes.slice(0, bytes.length / 2), papers), SearchIndexLoadError);
  const otherVersion = bytes.slice();
  const header = new TextDecoder().decode(otherVersion.subarray(8, 200));
  const at = header.indexOf('"format":') + 8 + '"format":'.length;
  otherVersion[at] = '9'.charCodeAt(0);
  assert.throws(() => SearchIndex.fromBytes(otherVersion, papers), /format/);
});

test('an index loaded from unaligned bytes still works', () => {
  const bytes = index.toBytes();
  const shifted = new Uint8Array(bytes.length + 1).subarray(1);
  shifted.set(bytes);
  assert.deepEqual(SearchIndex.fromBytes(shifted, papers).search('diffusion'), index.search('diffusion'));
});

test('withTags swaps the tags without touching the rest of the index', () => {
  const lantern = byTitle(papers, 'LANTERN').id;
  const tagged = index.withTags(new Map([[lantern, ['essential']]]));
  assert.deepEqual(
    tagged.search('tags:essential').map((h) => h.id),
    [lantern],
  );
  assert.deepEqual(index.search('tags:essential'), []);
  assert.ok(tagged.search('essential').some((h) => h.id === lantern));
  assert.deepEqual(tagged.withTags(undefined).search('tags:essential'), []);
});

test('match positions are computed only for the hits that are read, and equal when they are', () => {
  const hits = index.search('model');
  assert.ok(hits.length > 20);
  const copy = JSON.parse(JSON.stringify(hits[0])) as { matches: unknown[] };
  assert.deepEqual(copy.matches, hits[0]!.matches);
  assert.ok(hits[1]!.matches.length > 0);
  assert.equal(hits[1]!.matches, hits[1]!.matches, 'computed once');
});

test('ties in score are ordered by paper id', () => {
  const twins = SearchIndex.build([
    paper('b', 'Graph networks', 'Same text.'),
    paper('c', 'Graph networks', 'Same text.'),
    paper('a', 'Graph networks', 'Same text.'),
  ]);
  assert.deepEqual(
    twins.search('graph').map((h) => h.id),
    ['a', 'b', 'c'],
  );
});

test('the approximate matcher agrees with the edit-distance definition', () => {
  const naive = (p: string, t: string): number => {
    let prev = new Array<number>(t.length + 1).fill(0);
    for (let i = 1; i <= p.length; i++) {
      const row = [i];
      for (let j = 1; j <= t.length; j++) {
        row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1));
      }
      prev = row;
    }
    return Math.min(...prev);
  };
  let state = 11;
  const random = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648), state % n);
  const word = (n: number) => Array.from({ length: n }, () => 'abcé'[random(4)]).join('');
  for (let i = 0; i < 3000; i++) {
    const pattern = word(1 + random(32));
    const text = word(random(40));
    const k = random(4);
    assert.equal(
      new ApproximatePattern(pattern).bestDistance(text, k),
      Math.min(naive(pattern, text), k + 1),
    );
  }
});

test('term expansion: exact, prefix, inner wildcard and edit distance with transpositions', () => {
  const vocabulary = ['decod', 'decode', 'decoder', 'encod', 'model', 'modul', 'transform', 'transmit'];
  assert.deepEqual(expandTerm(vocabulary, 'model', 0, 10), ['model']);
  assert.deepEqual(expandTerm(vocabulary, 'mode', 0, 10), []);
  assert.deepEqual(expandTerm(vocabulary, 'decod*', 0, 10), ['decod', 'decode', 'decoder']);
  assert.deepEqual(expandTerm(vocabulary, 'trans*m', 0, 10), ['transform']);
  assert.deepEqual(expandTerm(vocabulary, '*cod*', 0, 10), ['decod', 'decode', 'decoder', 'encod']);
  assert.deepEqual(expandTerm(vocabulary, 'decod*', 0, 1).length, 2, 'stops one past the limit');
  assert.deepEqual(expandTerm(vocabulary, 'mdoel', 1, 10), ['model']);
  assert.deepEqual(expandTerm(vocabulary, 'modal', 1, 10), ['model', 'modul']);
  const rows = new EditRows(4);
  assert.equal(rows.withinDistance('abcd', 'abdc', 1), true);
  assert.equal(rows.withinDistance('abcd', 'dcba', 2), false);
  assert.equal(rows.withinDistance('ab', 'a-much-longer-word', 2), false);
});

test('long result lists are ordered like a comparison sort: score descending, ties by document', () => {
  let state = 5;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648), state / 2147483648);
  const scores = new Float64Array(20_000);
  for (let d = 0; d < scores.length; d++) scores[d] = random() < 0.3 ? 1.5 : Math.round(random() * 1e4) / 7;
  const docs = Uint32Array.from({ length: 9_000 }, (_, i) => i * 2);
  const expected = [...docs].sort((a, b) => scores[b]! - scores[a]! || a - b);
  assert.deepEqual([...orderByScore(docs, scores)], expected);
  assert.deepEqual(
    [...orderByScore(Uint32Array.of(1, 3), scores)],
    [1, 3].sort((a, b) => scores[b]! - scores[a]! || a - b),
  );
});
