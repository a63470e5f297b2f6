import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SEARCH_INDEX_FORMAT_VERSION,
  SearchIndex,
  SearchIndexLoadError,
  fingerprintIds,
} from '../../../src/core/search';
import { seedPapers, shuffled } from './corpora';

const papers = seedPapers();
const QUERIES = [
  'speculative decoding',
  'title:survey',
  'autoreg*',
  '+diffusion -autoregressive',
  'difusion~1',
  'frechet',
  'speculatve decodng',
  'foo:',
];

test('serialise → JSON text → load gives the same results, scores and match positions', () => {
  const built = SearchIndex.build(papers, { tags: new Map([[papers[0]!.id, ['favourite']]]) });
  const json = JSON.parse(JSON.stringify(built.toJSON())) as unknown;
  const loaded = SearchIndex.load(json, papers);
  for (const q of [...QUERIES, 'tags:favourite']) {
    assert.deepEqual(loaded.search(q), built.search(q), q);
    assert.deepEqual(loaded.combined(q), built.combined(q), q);
  }
  assert.deepEqual(loaded.similarPapers(papers[2]!.id, 5), built.similarPapers(papers[2]!.id, 5));
  assert.equal(loaded.search('tags:favourite')[0]?.id, papers[0]!.id);
});

test('the serialised index names its format version and settings', () => {
  const data = SearchIndex.build(papers, { positions: false, boosts: { title: 7 } }).toJSON();
  assert.equal(data.version, SEARCH_INDEX_FORMAT_VERSION);
  assert.equal(data.settings.positions, false);
  assert.equal(data.settings.boosts.title, 7);
  const loaded = SearchIndex.load(JSON.parse(JSON.stringify(data)), papers);
  assert.ok(loaded.search('speculative').every((h) => h.matches.length === 0));
});

test('the papers may be passed in any order when loading', () => {
  const json = JSON.parse(JSON.stringify(SearchIndex.build(papers).toJSON())) as unknown;
  const loaded = SearchIndex.load(json, shuffled(papers));
  assert.deepEqual(loaded.search('time series'), SearchIndex.build(papers).search('time series'));
});

test('loading refuses another format version or other papers, with a clear error', () => {
  const data = SearchIndex.build(papers).toJSON();
  assert.throws(() => SearchIndex.load({ ...data, version: 0 }, papers), SearchIndexLoadError);
  assert.throws(() => SearchIndex.load(null, papers), SearchIndexLoadError);
  assert.throws(() => SearchIndex.load('garbage', papers), SearchIndexLoadError);
  assert.throws(() => SearchIndex.load(data, papers.slice(1)), /other papers/);
});

test('the paper fingerprint ignores order and notices any change of ids', () => {
  assert.equal(fingerprintIds(papers), fingerprintIds(shuffled(papers)));
  assert.notEqual(fingerprintIds(papers), fingerprintIds(papers.slice(1)));
  assert.notEqual(fingerprintIds([{ id: 'ab' }, { id: 'c' }]), fingerprintIds([{ id: 'a' }, { id: 'bc' }]));
});
