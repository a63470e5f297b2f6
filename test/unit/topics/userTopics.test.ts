import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeTopics } from '../../../src/core/topics';
import { byTitle, seedPapers } from '../search/corpora';

const papers = seedPapers();
const continuous = byTitle(papers, 'Continuous Speculative Decoding').id;
const lantern = byTitle(papers, 'LANTERN').id;

test('a user topic takes its papers before automatic topics', () => {
  const topics = computeTopics(papers, { userTopics: { 'Speculative decoding': 'speculative decoding' } });
  const mine = topics[0]!;
  assert.equal(mine.label, 'Speculative decoding');
  assert.equal(mine.user, true);
  assert.equal(mine.id, 'user:speculative-decoding');
  assert.deepEqual([...mine.paperIds].sort(), [continuous, lantern].sort());
  const elsewhere = topics.slice(1).flatMap((t) => t.paperIds);
  assert.ok(!elsewhere.includes(continuous) && !elsewhere.includes(lantern));
  assert.equal(elsewhere.length + mine.paperIds.length, papers.length);
});

test('saved queries use the search syntax; plain words must all match', () => {
  const topics = computeTopics(papers, {
    userTopics: { Surveys: 'title:survey', 'Time series, no diffusion': '+time +series -diffusion' },
  });
  const surveys = topics.find((t) => t.label === 'Surveys')!;
  assert.deepEqual(
    surveys.paperIds.map((id) => papers.find((p) => p.id === id)!.title),
    ['Autoregressive Models in Vision: A Survey'],
  );
  const ts = topics.find((t) => t.label === 'Time series, no diffusion')!;
  assert.ok(ts.paperIds.length >= 4);
  for (const id of ts.paperIds) {
    const p = papers.find((x) => x.id === id)!;
    assert.doesNotMatch(`${p.title} ${p.abstract}`, /diffusion/i);
  }
});

test('a paper matched by two user topics goes to the first one listed', () => {
  const topics = computeTopics(papers, {
    userTopics: { First: 'lantern', Second: 'speculative decoding' },
  });
  assert.deepEqual(topics[0]!.paperIds, [lantern]);
  assert.deepEqual(topics[1]!.paperIds, [continuous]);
});

test('a custom search function can back the user topics; unknown ids are ignored', () => {
  const topics = computeTopics(papers, {
    userTopics: { Picked: 'anything' },
    search: () => [lantern, { id: continuous }, 'not-a-paper', lantern],
  });
  assert.deepEqual([...topics[0]!.paperIds].sort(), [continuous, lantern].sort());
});

test('a user topic without matches is kept, empty, and hostile queries do not fail', () => {
  const topics = computeTopics(papers, { userTopics: { Nothing: 'zzzqqq', Broken: 'foo: ( ~' } });
  assert.deepEqual(
    topics.slice(0, 2).map((t) => [t.label, t.paperIds.length]),
    [
      ['Nothing', 0],
      ['Broken', 0],
    ],
  );
  assert.equal(topics.flatMap((t) => t.paperIds).length, papers.length);
});
