import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../../src/core/search';
import type { Paper } from '../../../src/core/model/paper';
import {
  computeTopics,
  MAX_TOPICS,
  OTHER_TOPIC_LABEL,
  topicCount,
  type Topic,
} from '../../../src/core/topics';
import { STOP_WORDS } from '../../../src/core/topics/stopWords';
import { hfPapers, seedPapers, shuffled } from '../search/corpora';

const corpora: Array<[string, Paper[]]> = [
  ['seed', seedPapers()],
  ['hf-daily-papers', hfPapers()],
];
const computed = new Map(corpora.map(([name, papers]) => [name, computeTopics(papers)]));

function topicsOf(name: string): Topic[] {
  return computed.get(name)!;
}

test('every paper is in exactly one topic', () => {
  for (const [name, papers] of corpora) {
    const placed = topicsOf(name).flatMap((t) => t.paperIds);
    assert.equal(placed.length, papers.length, name);
    assert.deepEqual(new Set(placed), new Set(papers.map((p) => p.id)), name);
  }
});

test('the same papers give the same topics, in any order', () => {
  for (const [name, papers] of corpora) {
    assert.deepEqual(computeTopics(papers), topicsOf(name), `${name}: rerun`);
    assert.deepEqual(computeTopics(shuffled(papers)), topicsOf(name), `${name}: shuffled`);
    assert.deepEqual(computeTopics([...papers].reverse()), topicsOf(name), `${name}: reversed`);
  }
});

test('a sensible number of topics for the corpus size', () => {
  assert.equal(topicCount(0), 0);
  assert.equal(topicCount(3), 1);
  assert.equal(topicCount(52), 5);
  assert.equal(topicCount(10000), MAX_TOPICS);
  for (const [name, papers] of corpora) {
    const automatic = topicsOf(name).filter((t) => t.label !== OTHER_TOPIC_LABEL);
    assert.ok(automatic.length >= 3 && automatic.length <= topicCount(papers.length), name);
    assert.ok(
      automatic.every((t) => t.paperIds.length >= 2),
      `${name}: no single-paper topic`,
    );
  }
});

test('labels are real words and phrases from the papers, without stop words or stems', () => {
  for (const [name, papers] of corpora) {
    const byId = new Map(papers.map((p) => [p.id, p]));
    const labels = topicsOf(name).map((t) => t.label);
    assert.equal(new Set(labels).size, labels.length, `${name}: labels are distinct`);
    for (const topic of topicsOf(name)) {
      if (topic.label === OTHER_TOPIC_LABEL) continue;
      const words = topic.label.split(/[\s-]+/);
      assert.ok(words.length >= 1 && words.length <= 4, topic.label);
      for (const word of words) {
        assert.ok(!STOP_WORDS.has(foldText(word)), `${name}: "${topic.label}" has stop word "${word}"`);
      }
      // Not a stem: the label occurs, as written, in a paper of the topic.
      const spelled = new RegExp(
        `(^|[^\\p{L}])${topic.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`,
        'iu',
      );
      assert.ok(
        topic.paperIds.some((id) => spelled.test(`${byId.get(id)!.title} ${byId.get(id)!.abstract}`)),
        `${name}: "${topic.label}" is not written in its papers`,
      );
    }
  }
});

test('topic ids derive from labels and are stable', () => {
  for (const [name] of corpora) {
    for (const topic of topicsOf(name)) {
      assert.match(topic.id, /^(topic|user):[a-z0-9-]+$/);
      assert.equal(
        topic.id,
        `topic:${topic.label
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')}`,
      );
      assert.equal(topic.user, false);
    }
  }
});
