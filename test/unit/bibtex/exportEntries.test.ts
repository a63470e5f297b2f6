import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { exportEntries, existingKeys, mergeIntoBib } from '../../../src/core/bibtex';
import type { Paper } from '../../../src/core/model/paper';
import { readListing } from '../../../src/core/readers/listing';
import {
  addTag,
  emptyState,
  pinKey,
  pinKeys,
  setStatus,
  setStatusMany,
  type TriageState,
} from '../../../src/core/triage';

const T = '2026-05-01T00:00:00.000Z';
const seed = readListing(
  readFileSync(new URL('../../../seeds/hf-daily-papers-seed.txt', import.meta.url), 'utf8'),
  'hf-daily-papers-seed.txt',
).papers;

function paper(id: string, title: string, extra: Partial<Paper> = {}): Paper {
  return { id, title, abstract: `Abstract of ${id}.`, links: [], sources: [], ...extra };
}

const keysOf = (r: ReturnType<typeof exportEntries>): string[] => r.entries.map((e) => e.key);

test('scope: include by default; a status list, "all", and a tag filter', () => {
  const [a, b, c, d] = seed;
  let s = setStatus(emptyState(), a!, 'include', T);
  s = setStatus(s, b!, 'maybe', T);
  s = addTag(setStatus(s, c!, 'include', T), c!, 'Key Paper', T);
  const ids = (r: ReturnType<typeof exportEntries>): string[] => r.entries.map((e) => e.paperId);
  assert.deepEqual(ids(exportEntries(seed, s)), [a!.id, c!.id]);
  assert.deepEqual(ids(exportEntries(seed, s, { statuses: ['maybe', 'untriaged'] })).length, seed.length - 2);
  assert.equal(exportEntries(seed, s, { statuses: 'all' }).entries.length, seed.length);
  assert.deepEqual(ids(exportEntries(seed, s, { tag: ' key  paper ' })), [], 'tags compare case-sensitively');
  assert.deepEqual(ids(exportEntries(seed, s, { tag: ' Key  Paper ' })), [c!.id]);
  assert.deepEqual(ids(exportEntries(seed, s, { statuses: 'all', tag: 'Key Paper' })), [c!.id]);
  assert.ok(!ids(exportEntries(seed, s)).includes(d!.id));
});

test('new keys are readable and unique across the whole seed, and returned for pinning', () => {
  const result = exportEntries(seed, emptyState(), { statuses: 'all' });
  const keys = keysOf(result);
  assert.equal(new Set(keys.map((k) => k.toLowerCase())).size, seed.length);
  for (const key of keys) assert.match(key, /^[a-z][A-Za-z0-9]*$/);
  assert.ok(keys.includes('continuousSpeculativeDecoding'));
  assert.ok(keys.includes('frechetCumulativeCovariance'));
  assert.deepEqual(new Set(result.newPins.keys()), new Set(seed.map((p) => p.id)));
  assert.deepEqual(result.conflicts, []);
});

test('collisions get a, b, c in paper-id order, whatever the corpus order', () => {
  const same = [
    paper('p_3', 'Deep Models'),
    paper('p_1', 'Deep Models!'),
    paper('p_2', 'deep models'),
    paper('p_0', 'Deep models.'),
  ];
  const s = setStatusMany(emptyState(), same, 'include', T);
  const forward = exportEntries(same, s);
  const byId = new Map(forward.entries.map((e) => [e.paperId, e.key]));
  assert.deepEqual([...byId].sort(), [
    ['p_0', 'deepModels'],
    ['p_1', 'deepModelsa'],
    ['p_2', 'deepModelsb'],
    ['p_3', 'deepModelsc'],
  ]);
  const reversed = exportEntries([...same].reverse(), s);
  assert.deepEqual(new Map(reversed.entries.map((e) => [e.paperId, e.key])), byId);
  assert.deepEqual(
    reversed.entries.map((e) => e.paperId),
    ['p_0', 'p_2', 'p_1', 'p_3'],
    'entries follow corpus order',
  );
});

test('pinned keys never change: reordering, new colliding papers and re-exports keep them', () => {
  const first = [paper('p_5', 'Deep Models'), paper('p_7', 'Deep Models')];
  let s = setStatusMany(emptyState(), first, 'include', T);
  const exported = exportEntries(first, s);
  const byId = new Map(first.map((p) => [p.id, p]));
  s = pinKeys(
    s,
    [...exported.newPins].map(([id, key]) => [byId.get(id)!, key] as const),
    T,
  );
  const before = new Map(exported.entries.map((e) => [e.paperId, e.key]));

  const newcomer = paper('p_0', 'Deep Models');
  const grown = [first[1]!, newcomer, first[0]!];
  s = setStatus(s, newcomer, 'include', T);
  const again = exportEntries(grown, s);
  assert.equal(again.newPins.size, 1);
  for (const [id, key] of before) assert.equal(again.entries.find((e) => e.paperId === id)?.key, key);
  assert.deepEqual([...again.newPins], [['p_0', 'deepModelsb']], 'the newcomer avoids both pinned keys');
});

test('keys pinned anywhere in the state and keys of the target file are reserved', () => {
  const target = '@misc{continuousSpeculativeDecoding, title={Someone else}}\n';
  const papers = [
    paper('p_x', 'Continuous Speculative Decoding'),
    paper('p_y', 'Axial Attention in Multidimensional Transformers'),
  ];
  let s = setStatusMany(emptyState(), papers, 'include', T);
  s = pinKey(s, paper('p_other', 'Not exported'), 'AXIALAttentionMultidimensional', T);
  const result = exportEntries(papers, s, { reservedKeys: existingKeys(target) });
  assert.deepEqual(keysOf(result), ['continuousSpeculativeDecodinga', 'axialAttentionMultidimensionala']);
  const merged = mergeIntoBib(target, result.entries);
  assert.deepEqual([merged.added, merged.kept], [2, 0]);
});

test('a paper already in the target file under its pinned key is kept there, not duplicated', () => {
  const p = paper('p_x', 'Continuous Speculative Decoding');
  const s = pinKey(setStatus(emptyState(), p, 'include', T), p, 'myKey', T);
  const target = '@misc{mykey, title={My own edit}}\n';
  const result = exportEntries([p], s, { reservedKeys: existingKeys(target) });
  assert.deepEqual(keysOf(result), ['myKey']);
  assert.equal(result.newPins.size, 0);
  const merged = mergeIntoBib(target, result.entries);
  assert.equal(merged.text, target);
  assert.deepEqual([merged.added, merged.kept], [0, 1]);
});

test('two exported papers pinned to the same key: the later one is left out and reported', () => {
  const p = paper('p_1', 'One');
  const q = paper('p_2', 'Two');
  let s: TriageState = setStatusMany(emptyState(), [p, q], 'include', T);
  s = pinKey(pinKey(s, p, 'same', T), q, 'SAME', T);
  const result = exportEntries([p, q, p], s);
  assert.deepEqual(keysOf(result), ['same']);
  assert.deepEqual(result.conflicts, [{ paperId: 'p_2', key: 'SAME', heldBy: 'p_1' }]);
});

test('state saved under an alias (an older id) still scopes and keys the paper', () => {
  const old = paper('p_old', 'Merged Paper');
  const s = pinKey(setStatus(emptyState(), old, 'include', T), old, 'mergedKey', T);
  const current = paper('p_new', 'Merged Paper', { aliases: ['p_old'] });
  assert.deepEqual(keysOf(exportEntries([current], s)), ['mergedKey']);
});

test('a paper from a .bib keeps its own citation key unless a pinned key or another paper holds it', () => {
  const fromBib = paper('p_bib', 'Deep Residual Learning', {
    citationKey: 'He2016',
    authors: ['Kaiming He'],
    year: 2016,
  });
  const other = paper('p_other', 'Another Paper', { citationKey: 'He2016' });
  const all = { statuses: 'all' as const };
  assert.deepEqual(keysOf(exportEntries([fromBib], emptyState(), all)), ['He2016']);
  // Already in the target .bib: the same entry, so the key is reused and the merge keeps the existing entry.
  const reused = exportEntries([fromBib], emptyState(), { ...all, reservedKeys: ['he2016'] });
  assert.deepEqual(keysOf(reused), ['He2016']);
  assert.equal(mergeIntoBib('@article{He2016,\n  title = {Mine}\n}\n', reused.entries).kept, 1);
  // Two papers claiming the same source key: the first in id order gets it, the other a generated key.
  const both = keysOf(exportEntries([other, fromBib], emptyState(), all));
  assert.equal(both.filter((k) => k === 'He2016').length, 1);
  // A key pinned by some other paper is never taken over.
  const pinnedElsewhere = pinKey(emptyState(), other, 'He2016', T);
  assert.notEqual(keysOf(exportEntries([fromBib], pinnedElsewhere, all))[0], 'He2016');
  // Invalid keys from the source are not reused.
  const odd = paper('p_odd', 'Odd Key', { citationKey: 'has space' });
  assert.notEqual(keysOf(exportEntries([odd], emptyState(), all))[0], 'has space');
});
