import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeTopics, sameTopics } from '../../../src/core/topics';
import { seedPapers } from '../search/corpora';

test('sameTopics: the same corpus computed twice groups alike; any change in ids, labels or members differs', () => {
  const papers = seedPapers();
  const a = computeTopics(papers);
  const b = computeTopics([...papers].reverse());
  assert.notEqual(a, b);
  assert.ok(sameTopics(a, b), 'recomputed topics are the same groups');
  const renamed = a.map((t, i) => (i === 0 ? { ...t, label: `${t.label}!` } : t));
  assert.equal(sameTopics(a, renamed), false);
  const moved = a.map((t, i) => (i === 0 ? { ...t, paperIds: t.paperIds.slice(1) } : t));
  assert.equal(sameTopics(a, moved), false);
  const reordered = a.map((t, i) => (i === 0 ? { ...t, paperIds: [...t.paperIds].reverse() } : t));
  assert.equal(sameTopics(a, reordered), false);
  assert.equal(sameTopics(a, a.slice(1)), false);
  assert.equal(sameTopics(a, [a[1]!, a[0]!, ...a.slice(2)]), false);
});
