import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addTag,
  canUndo,
  commit,
  createHistory,
  emptyState,
  setStatus,
  undo,
} from '../../../src/core/triage';

const p = { id: 'p_a', title: 'A' };
const T = '2026-02-02T00:00:00.000Z';

test('undo walks back through committed states', () => {
  const s0 = emptyState();
  let h = createHistory(s0);
  assert.equal(canUndo(h), false);
  const s1 = setStatus(s0, p, 'include', T);
  h = commit(h, s1);
  const s2 = addTag(s1, p, 'x', T);
  h = commit(h, s2);
  h = undo(h);
  assert.equal(h.present, s1);
  h = undo(h);
  assert.equal(h.present, s0);
  assert.equal(undo(h), h, 'nothing left to undo');
  const s3 = setStatus(s0, p, 'exclude', T);
  h = commit(h, s3);
  assert.equal(undo(h).present, s0, 'a change after an undo steps back to where the undo led');
});

test('committing an unchanged state records no step; the limit drops the oldest steps', () => {
  const s0 = emptyState();
  let h = createHistory(s0, 3);
  assert.equal(commit(h, s0), h);
  const states = [s0];
  for (let i = 0; i < 5; i++) {
    const next = addTag(states.at(-1)!, p, `t${i}`, T);
    states.push(next);
    h = commit(h, next);
  }
  assert.equal(h.past.length, 3);
  h = undo(undo(undo(h)));
  assert.equal(h.present, states[2]);
  assert.equal(canUndo(h), false);
});
