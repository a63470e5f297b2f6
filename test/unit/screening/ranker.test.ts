import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScreeningRanker } from '../../../src/core/screening/ranker';
import { syntheticCorpus, type SyntheticPaper, type Topic } from './syntheticCorpus';

const papers = syntheticCorpus(12);
const ofTopic = (topic: Topic): SyntheticPaper[] => papers.filter((p) => p.topic === topic);
const topicOf = new Map(papers.map((p) => [p.id, p.topic]));

/** Mean position (0 = first) of a subject's papers in a ranking. */
function meanPosition(ranking: string[], topic: Topic): number {
  const positions = ranking.flatMap((id, i) => (topicOf.get(id) === topic ? [i] : []));
  return positions.reduce((a, b) => a + b, 0) / positions.length;
}

test('no decision: the default order, then unlisted papers in input order; nothing to explain', () => {
  const defaultOrder = ['p5', 'p3', 'nope', 'p5'];
  const ranker = new ScreeningRanker(papers, { defaultOrder });
  assert.equal(ranker.mode, 'none');
  const ranking = ranker.rank();
  assert.deepEqual(ranking.slice(0, 4), ['p5', 'p3', 'p0', 'p1']);
  assert.equal(ranking.length, papers.length);
  assert.equal(ranker.next(), 'p5');
  assert.deepEqual(ranker.explain('p5'), []);
});

test('exclusions alone keep the default order (minus the decided papers)', () => {
  const ranker = new ScreeningRanker(papers);
  ranker.setLabel('p0', 'exclude');
  assert.equal(ranker.mode, 'none');
  assert.deepEqual(ranker.rank().slice(0, 3), ['p1', 'p2', 'p3']);
});

test('one inclusion: similarity to it puts its subject first', () => {
  const ranker = new ScreeningRanker(papers);
  const seed = ofTopic('speech')[0]!;
  ranker.setLabel(seed.id, 'include');
  assert.equal(ranker.mode, 'similarity');
  const ranking = ranker.rank();
  assert.ok(!ranking.includes(seed.id));
  assert.ok(ranking.slice(0, 11).every((id) => topicOf.get(id) === 'speech'));
  assert.equal(ranker.next(), ranking[0]);
});

test('an inclusion moves similar papers up; withdrawing it moves them back', () => {
  const ranker = new ScreeningRanker(papers);
  ranker.setLabel(ofTopic('speech')[0]!.id, 'include');
  ranker.setLabel(ofTopic('vision')[0]!.id, 'exclude');
  assert.equal(ranker.mode, 'classifier');
  const before = meanPosition(ranker.rank(), 'molecules');

  const molecule = ofTopic('molecules')[0]!;
  ranker.setLabel(molecule.id, 'include');
  const after = meanPosition(ranker.rank(), 'molecules');
  assert.ok(after < before - 10, `molecules moved from ${before} to ${after}`);
  assert.ok(ranker.score(ofTopic('molecules')[1]!.id) > ranker.score(ofTopic('robots')[1]!.id));

  ranker.setLabel(molecule.id, undefined);
  assert.equal(ranker.label(molecule.id), undefined);
  assert.ok(meanPosition(ranker.rank(), 'molecules') > after + 10);
});

test('deterministic: the same decisions and seed give the same ranking and scores', () => {
  const run = (): [string[], number[]] => {
    const ranker = new ScreeningRanker(papers, { seed: 9, config: { features: { latentDims: 4 } } });
    for (const p of ofTopic('robots').slice(0, 3)) ranker.setLabel(p.id, 'include');
    for (const p of ofTopic('vision').slice(0, 5)) ranker.setLabel(p.id, 'exclude');
    const ranking = ranker.rank();
    return [ranking, ranking.map((id) => ranker.score(id))];
  };
  assert.deepEqual(run(), run());
});

test('explanations name words of the paper as written, strongest first', () => {
  const ranker = new ScreeningRanker(papers, { config: { features: { foldPlurals: true } } });
  for (const p of ofTopic('molecules').slice(0, 3)) ranker.setLabel(p.id, 'include');
  for (const p of ofTopic('speech').slice(0, 3)) ranker.setLabel(p.id, 'exclude');
  const paper = ofTopic('molecules')[5]!;
  const reasons = ranker.explain(paper.id, 4);
  assert.equal(reasons.length, 4);
  const text = `${paper.title} ${paper.abstract}`.toLowerCase();
  for (const { term, weight } of reasons) {
    assert.ok(text.includes(term.toLowerCase()), `"${term}" is in the paper`);
    assert.ok(weight > 0);
  }
  assert.deepEqual(
    reasons.map((r) => r.weight),
    [...reasons.map((r) => r.weight)].sort((a, b) => b - a),
  );
  // Plurals are folded for learning ("molecule") but shown as the paper spells them.
  if (text.includes('molecules')) assert.ok(!reasons.some((r) => r.term === 'molecule'));
});

test('unknown ids and duplicate ids are errors', () => {
  const ranker = new ScreeningRanker(papers);
  assert.throws(() => ranker.setLabel('missing', 'include'), /unknown paper id/);
  assert.throws(() => new ScreeningRanker([papers[0]!, papers[0]!]), /duplicate paper id/);
});
