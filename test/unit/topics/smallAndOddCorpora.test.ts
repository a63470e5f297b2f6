import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeTopics, OTHER_TOPIC_LABEL, slugOf } from '../../../src/core/topics';
import { assignIds } from '../../../src/core/topics/topic';
import { paper } from '../search/corpora';

const BOILERPLATE =
  'We propose a novel method. Extensive experiments demonstrate that our approach achieves state-of-the-art ' +
  'results and outperforms existing methods; results show significant improvements over the state of the art.';

function corpus(): ReturnType<typeof paper>[] {
  const graphs = [
    'node classification',
    'link prediction',
    'message passing',
    'graph pooling',
    'oversmoothing',
    'molecules',
  ];
  const proteins = [
    'structure prediction',
    'side chains',
    'contact maps',
    'cryo-EM density',
    'docking',
    'antibodies',
  ];
  return [
    ...graphs.map((g, i) =>
      paper(
        `g${i}`,
        `Graph neural networks for ${g}`,
        `${BOILERPLATE} Graph neural networks learn ${g} on graphs.`,
      ),
    ),
    ...proteins.map((t, i) =>
      paper(
        `p${i}`,
        `Protein folding with ${t}`,
        `${BOILERPLATE} Protein folding models predict ${t} of proteins.`,
      ),
    ),
  ];
}

test('academic boilerplate never becomes a label; the real subjects do', () => {
  const topics = computeTopics(corpus());
  const labels = topics.map((t) => t.label.toLowerCase());
  for (const label of labels)
    assert.doesNotMatch(label, /propos|novel|experiment|state|art|result|outperform|method/);
  const graphTopic = topics.find((t) => t.paperIds.includes('g0'))!;
  const proteinTopic = topics.find((t) => t.paperIds.includes('p0'))!;
  assert.notEqual(graphTopic, proteinTopic);
  assert.match(graphTopic.label, /graph/i);
  assert.match(proteinTopic.label, /protein/i);
  assert.deepEqual([...graphTopic.paperIds].sort(), ['g0', 'g1', 'g2', 'g3', 'g4', 'g5']);
  assert.deepEqual([...proteinTopic.paperIds].sort(), ['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
});

test("labels keep the papers' own spelling: plurals, hyphens and acronyms, not stems", () => {
  const labels = computeTopics(corpus()).map((t) => t.label);
  assert.ok(labels.includes('Graph neural networks'), labels.join(' | '));
  assert.ok(labels.includes('Protein folding'), labels.join(' | '));
});

test('empty and tiny corpora', () => {
  assert.deepEqual(computeTopics([]), []);
  const one = computeTopics([paper('a', 'Speculative decoding for LLMs', 'Draft models propose tokens.')]);
  assert.equal(one.length, 1);
  assert.deepEqual(one[0]!.paperIds, ['a']);
  const two = computeTopics([paper('a', 'Alpha', ''), paper('b', 'Beta', '')]);
  assert.deepEqual(two.flatMap((t) => t.paperIds).sort(), ['a', 'b']);
});

test('papers sharing nothing go to Other', () => {
  const unrelated = [
    'Quokka',
    'Zeppelin',
    'Harpsichord',
    'Tundra',
    'Origami',
    'Velodrome',
    'Saffron',
    'Basalt',
  ].map((w, i) => paper(`u${i}`, w, ''));
  const topics = computeTopics(unrelated);
  assert.deepEqual(
    topics.map((t) => t.label),
    [OTHER_TOPIC_LABEL],
  );
  assert.equal(topics[0]!.id, 'topic:other');
  assert.equal(topics[0]!.paperIds.length, unrelated.length);
});

test('duplicate ids count once', () => {
  const papers = corpus();
  const topics = computeTopics([...papers, ...papers]);
  assert.equal(topics.flatMap((t) => t.paperIds).length, papers.length);
});

test('topic ids: slugs fold accents and punctuation, clashes get a number', () => {
  assert.equal(slugOf('Fréchet distances & GANs'), 'frechet-distances-gans');
  assert.equal(slugOf('***'), 'untitled');
  const ids = assignIds([
    { label: 'Time series', user: false },
    { label: 'Time-series', user: false },
    { label: 'Time series', user: true },
  ]).map((t) => t.id);
  assert.deepEqual(ids, ['topic:time-series', 'topic:time-series-2', 'user:time-series']);
});
