import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addTag,
  addTagMany,
  emptyState,
  importDecisions,
  InvalidCitationKeyError,
  lookupTriage,
  pinKey,
  pinKeys,
  removeTag,
  removeTagMany,
  setNote,
  setStatus,
  setStatusMany,
  triageOf,
} from '../../../src/core/triage';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-01-01T11:00:00.000Z';
const a = { id: 'p_a', title: 'Paper A' };
const b = { id: 'p_b', title: 'Paper B' };
const c = { id: 'p_c', title: 'Paper C' };

test('setStatus stores status, title and the given time, and leaves the input state alone', () => {
  const s0 = emptyState();
  const s1 = setStatus(s0, a, 'include', T1);
  assert.equal(s0.papers.size, 0);
  assert.deepEqual(s1.papers.get('p_a'), {
    title: 'Paper A',
    status: 'include',
    tags: [],
    note: '',
    updated: T1,
  });
});

test('an operation that changes nothing returns the same state object (no undo step, no new time)', () => {
  const s1 = setStatus(emptyState(), a, 'maybe', T1);
  assert.equal(setStatus(s1, a, 'maybe', T2), s1);
  assert.equal(addTag(addTag(s1, a, 'x', T1), a, ' x ', T2).papers.get('p_a')!.updated, T1);
  assert.equal(removeTag(s1, a, 'absent', T2), s1);
  assert.equal(addTag(s1, a, ' , ', T2), s1, 'a tag that normalises to nothing is ignored');
  assert.equal(setStatus(emptyState(), a, 'untriaged', T1).papers.size, 0);
});

test('tags are normalised (trim, spaces, NFC, no commas), unique and sorted', () => {
  let s = emptyState();
  for (const tag of ['  zeta ', 'alpha  beta', 'Cafe\u0301', 'x,y', 'alpha  beta', 'B'])
    s = addTag(s, a, tag, T1);
  assert.deepEqual(s.papers.get('p_a')!.tags, ['B', 'Café', 'alpha beta', 'x y', 'zeta']);
  s = removeTag(s, a, 'alpha beta', T2);
  assert.deepEqual(s.papers.get('p_a')!.tags, ['B', 'Café', 'x y', 'zeta']);
  assert.equal(s.papers.get('p_a')!.updated, T2);
});

test('an entry that becomes untriaged with no tags, note or key is removed', () => {
  let s = setStatus(emptyState(), a, 'include', T1);
  s = addTag(s, a, 'x', T1);
  s = setStatus(s, a, 'untriaged', T2);
  assert.ok(s.papers.has('p_a'), 'still has a tag');
  s = removeTag(s, a, 'x', T2);
  assert.equal(s.papers.has('p_a'), false);
  assert.equal(triageOf(s, a).status, 'untriaged');
});

test('setNote keeps the text, normalises line endings, treats whitespace-only as empty', () => {
  let s = setNote(emptyState(), a, 'line 1\r\nline 2\rline 3  ', T1);
  assert.equal(s.papers.get('p_a')!.note, 'line 1\nline 2\nline 3  ');
  s = setNote(s, a, ' \n\t', T2);
  assert.equal(s.papers.has('p_a'), false);
});

test('pinKey validates keys and keeps an otherwise untriaged paper', () => {
  const s = pinKey(emptyState(), a, 'smith2020deep', T1);
  assert.equal(s.papers.get('p_a')!.key, 'smith2020deep');
  assert.equal(s.papers.get('p_a')!.status, 'untriaged');
  for (const bad of ['', 'has space', 'brace{', 'comma,', 'ünicode', '%x', '-lead']) {
    assert.throws(() => pinKey(s, b, bad, T2), InvalidCitationKeyError, bad);
  }
});

test('bulk variants change every paper in one new state', () => {
  let s = setStatusMany(emptyState(), [a, b, c], 'exclude', T1);
  assert.deepEqual([...s.papers.keys()].sort(), ['p_a', 'p_b', 'p_c']);
  s = addTagMany(s, [a, c], 'survey', T2);
  assert.deepEqual(s.papers.get('p_a')!.tags, ['survey']);
  assert.deepEqual(s.papers.get('p_b')!.tags, []);
  assert.equal(s.papers.get('p_b')!.updated, T1, 'untouched paper keeps its time');
  s = removeTagMany(s, [a, b, c], 'survey', T2);
  assert.deepEqual(s.papers.get('p_c')!.tags, []);
  s = pinKeys(
    s,
    [
      [a, 'ka'],
      [b, 'kb'],
    ],
    T2,
  );
  assert.equal(s.papers.get('p_b')!.key, 'kb');
  assert.equal(setStatusMany(s, [], 'include', T2), s);
});

test('state stored under an alias is found, and an edit moves it to the current id', () => {
  const old = { id: 'p_old', title: 'Paper' };
  const s1 = addTag(setStatus(emptyState(), old, 'include', T1), old, 'kept', T1);
  const merged = { id: 'p_new', title: 'Paper', aliases: ['p_old'] };
  assert.equal(lookupTriage(s1, merged)?.status, 'include');
  const s2 = setNote(s1, merged, 'moved', T2);
  assert.equal(s2.papers.has('p_old'), false);
  assert.deepEqual(s2.papers.get('p_new'), {
    title: 'Paper',
    status: 'include',
    tags: ['kept'],
    note: 'moved',
    updated: T2,
  });
});

test('importDecisions takes decisions for undecided papers only, keeps the reason and note in the note', () => {
  let s = setStatus(emptyState(), a, 'exclude', T1);
  s = setNote(s, b, 'My own note.', T1);
  s = addTag(s, c, 'keep', T1);
  const d = { id: 'p_d', title: 'Paper D', aliases: ['p_old'] };
  s = setStatus(s, { id: 'p_old', title: 'Paper D' }, 'maybe', T1);
  const result = importDecisions(
    s,
    [
      { paper: a, status: 'include' },
      { paper: b, status: 'exclude', reason: 'wrong population', note: 'Ana: check table 2' },
      { paper: c, status: 'include', tags: ['rct', 'keep'] },
      { paper: d, status: 'exclude' },
      { paper: c, status: 'exclude' },
    ],
    T2,
  );
  assert.deepEqual(result.imported, ['p_b', 'p_c']);
  assert.deepEqual(result.skipped, ['p_a', 'p_d', 'p_c']);
  assert.equal(lookupTriage(result.state, a)?.status, 'exclude', 'never overwritten');
  assert.equal(lookupTriage(result.state, d)?.status, 'maybe', 'a decision under an alias counts');
  assert.deepEqual(lookupTriage(result.state, b), {
    title: 'Paper B',
    status: 'exclude',
    reason: 'wrong population',
    tags: [],
    note: 'My own note.\nAna: check table 2',
    updated: T2,
  });
  assert.deepEqual(lookupTriage(result.state, c)?.tags, ['keep', 'rct']);
  assert.equal(lookupTriage(result.state, c)?.status, 'include');
  // Importing the same again changes nothing (no empty undo step).
  const again = importDecisions(
    result.state,
    [{ paper: b, status: 'exclude', reason: 'wrong population' }],
    T2,
  );
  assert.equal(again.state, result.state);
  assert.deepEqual(again.imported, []);
});
