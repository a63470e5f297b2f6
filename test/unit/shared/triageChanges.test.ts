import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decideMany,
  emptyState,
  setFullTextPdf,
  setRetrievedMany,
  setStatusMany,
} from '../../../src/core/triage';
import { triageChanges } from '../../../src/extension/shared/triageChanges';

const NOW = '2026-01-01T00:00:00.000Z';
const paper = { id: 'p1', title: 'Paper' };

test('a full-text decision or not retrieved moves a paper between review places; a linked PDF does not', () => {
  const included = setStatusMany(emptyState(), [paper], 'include', NOW);
  const decided = decideMany(included, [paper], 'fullText', 'exclude', NOW, 'Wrong outcome');
  let diff = triageChanges(included, decided);
  assert.deepEqual([diff.ids, diff.statusChanged, diff.placeChanged], [['p1'], false, true]);
  diff = triageChanges(included, setRetrievedMany(included, [paper], false, NOW));
  assert.equal(diff.placeChanged, true);
  diff = triageChanges(included, setFullTextPdf(included, paper, 'pdfs/p1.pdf', NOW));
  assert.deepEqual([diff.ids, diff.placeChanged], [['p1'], false]);
  diff = triageChanges(emptyState(), included);
  assert.deepEqual([diff.statusChanged, diff.placeChanged], [true, true]);
});
