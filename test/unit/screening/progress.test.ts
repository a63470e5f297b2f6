import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screeningOrder, screeningProgress } from '../../../src/core/screening/progress';
import { stoppingEstimate } from '../../../src/core/screening/stopping';

const at = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();

test('screening order: decisions by the time of their last change, ties by id; maybe and untriaged left out', () => {
  const order = screeningOrder([
    { id: 'c', status: 'exclude', updated: at(3) },
    { id: 'a', status: 'include', updated: at(1) },
    { id: 'm', status: 'maybe', updated: at(2) },
    { id: 'b2', status: 'include', updated: at(5) },
    { id: 'b1', status: 'exclude', updated: at(5) },
    { id: 'u', status: 'untriaged', updated: at(0) },
  ]);
  assert.deepEqual(order, [true, false, false, true]);
});

test('progress: the inclusions on the gain curve and the stopping estimate of that order', () => {
  const entries = [
    { id: 'p1', status: 'include' as const, updated: at(1) },
    { id: 'p2', status: 'exclude' as const, updated: at(2) },
    { id: 'p3', status: 'include' as const, updated: at(3) },
    { id: 'p4', status: 'exclude' as const, updated: at(4) },
    { id: 'p5', status: 'exclude' as const, updated: at(5) },
  ];
  const options = { recallTarget: 0.9, confidence: 0.9 };
  const progress = screeningProgress(entries, 40, options);
  assert.deepEqual(progress.inclusionsAt, [1, 3]);
  assert.equal(progress.total, 40);
  assert.deepEqual(progress.estimate, stoppingEstimate([true, false, true, false, false], 40, options));
  assert.equal(progress.estimate.sinceLastInclusion, 2);
  assert.equal(progress.estimate.stop, false);
  assert.ok(progress.estimate.moreToScreen > 0);
});
