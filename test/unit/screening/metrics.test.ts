import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  percentile,
  pooledWorkSavedOverSampling,
  relevantReferencesFound,
  summarize,
  workSavedOverSampling,
} from '../../../src/core/screening/metrics';

const seq = (pattern: string): boolean[] => [...pattern].map((c) => c === '1');

test('WSS@95 = recall reached − share screened, at the first point recall ≥ 95 %', () => {
  // 20 records, 4 relevant: 95 % needs all 4, found at the 8th paper: 1 − 8/20 = 0.6.
  assert.equal(workSavedOverSampling(seq('11000101000000000000'), 20, 4), 1 - 8 / 20);
  // 20 relevant among 100: 95 % = 19 relevant, the 19th found at paper 30 → 0.95 − 0.30.
  const screened = [...Array(18).fill(true), ...Array(11).fill(false), true, true];
  assert.ok(Math.abs(workSavedOverSampling(screened, 100, 20)! - (0.95 - 0.3)) < 1e-12);
});

test('WSS takes the recall actually reached (ASReview), not exactly 95 %', () => {
  // 10 relevant: 95 % needs 10 → recall 1.0; 22 relevant: 21 needed → recall 21/22.
  assert.equal(workSavedOverSampling(seq('1111111111'), 50, 10), 1 - 10 / 50);
  const screened = Array<boolean>(21).fill(true);
  assert.ok(Math.abs(workSavedOverSampling(screened, 100, 22)! - (21 / 22 - 21 / 100)) < 1e-12);
});

test('WSS at other recall levels and when recall is never reached', () => {
  assert.equal(workSavedOverSampling(seq('0101'), 10, 2, 0.5), 0.5 - 2 / 10);
  assert.equal(workSavedOverSampling(seq('0100'), 10, 2), undefined);
  assert.equal(workSavedOverSampling([], 10, 0), undefined);
});

test('RRF@10 = recall after screening 10 % of the records', () => {
  // 30 records: 10 % = 3 papers; 2 of the 5 relevant found by then.
  assert.equal(relevantReferencesFound(seq('1010111'), 30, 5), 2 / 5);
  // 25 records: 10 % = 2.5 → the 3rd paper is the first at or past 10 %.
  assert.equal(relevantReferencesFound(seq('0011'), 25, 2), 1 / 2);
  assert.equal(relevantReferencesFound(seq('11'), 30, 5), undefined);
});

test('summaries: mean, sample sd and nearest-rank percentile', () => {
  assert.deepEqual(summarize([2, 4, 4, 4, 5, 5, 7, 9]), { mean: 5, sd: Math.sqrt(32 / 7) });
  assert.deepEqual(summarize([3]), { mean: 3, sd: 0 });
  assert.equal(percentile([5, 1, 4, 2, 3], 95), 5);
  assert.equal(percentile([5, 1, 4, 2, 3], 40), 2);
  assert.equal(
    percentile(
      Array.from({ length: 100 }, (_, i) => i + 1),
      95,
    ),
    95,
  );
});

test('pooled WSS@95 reads the mean recall curve of the runs, not the mean of their WSS', () => {
  // 2 relevant, 10 records. Run A finds both by paper 2, run B by paper 6: own WSS 0.8 and 0.4 (mean 0.6).
  const a = seq('1100000000');
  const b = seq('1000010000');
  // Mean found: 1, 1.5, 1.5, 1.5, 1.5, 2 → the mean curve reaches 95 % at paper 6: 1 − 0.6.
  assert.ok(Math.abs(pooledWorkSavedOverSampling([a, b], 10, 2)! - 0.4) < 1e-12);
  // One run: its own WSS.
  assert.equal(pooledWorkSavedOverSampling([b], 10, 2), workSavedOverSampling(b, 10, 2));
  // A run that ended no longer counts: the mean is 1.5 at paper 2, then only run A (at 100 %) is left.
  assert.ok(Math.abs(pooledWorkSavedOverSampling([a, seq('10')], 10, 2)! - (1 - 0.3)) < 1e-12);
  assert.equal(pooledWorkSavedOverSampling([], 10, 2), undefined);
  assert.equal(pooledWorkSavedOverSampling([seq('0000')], 10, 2), undefined);
});
