import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScreeningRanker } from '../../../src/core/screening/ranker';
import { ROUND3_ASREVIEW_NB_CONFIG } from '../../../src/core/screening/rankerConfig';
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

test('deterministic with the default setting: refits after each decision and a withdrawal, same seed same scores', () => {
  const run = (seed: number, classifier?: 'svm|nb'): number[][] => {
    const ranker = new ScreeningRanker(papers, {
      seed,
      ...(classifier ? { config: { model: { classifier } } } : {}),
    });
    const snapshots: number[][] = [];
    const decide = (id: string, decision: 'include' | 'exclude' | undefined) => {
      ranker.setLabel(id, decision);
      snapshots.push(ranker.rank().map((id) => ranker.score(id)));
    };
    for (const p of ofTopic('robots').slice(0, 3)) decide(p.id, 'include');
    for (const p of ofTopic('vision').slice(0, 6)) decide(p.id, 'exclude');
    decide(ofTopic('vision')[0]!.id, undefined);
    decide(ofTopic('speech')[0]!.id, 'exclude');
    return snapshots;
  };
  assert.deepEqual(run(9), run(9));
  assert.notDeepEqual(run(9), run(10), 'the seed drives the resampling');
  assert.deepEqual(run(9, 'svm|nb'), run(9, 'svm|nb'));
});

test('three-word phrases: only words next to each other, explained as written', () => {
  const corpus = [
    { id: 'a', title: 'Default Options Nudge Savings', abstract: 'default options nudge savings upward.' },
    { id: 'b', title: 'Default options nudge savings', abstract: 'a study of default options.' },
    { id: 'c', title: 'Options, nudge and savings', abstract: 'options and savings, nudge.' },
    { id: 'd', title: 'Weather radar', abstract: 'radar echoes of the weather.' },
    { id: 'e', title: 'Weather radar again', abstract: 'more radar echoes.' },
  ];
  const ranker = new ScreeningRanker(corpus, {
    config: {
      features: {
        tokens: 'words',
        titleWeight: 2,
        minDocFreq: 2,
        sublinearTf: true,
        ngrams: 3,
        maxDocShare: 1,
      },
      model: { classifier: 'svm' },
    },
  });
  ranker.setLabel('b', 'include');
  ranker.setLabel('d', 'exclude');
  const terms = ranker.explain('a', 20).map((t) => t.term);
  assert.ok(terms.includes('Default Options Nudge'), terms.join(' | '));
  // "options nudge savings" is in a and b only; c's words are split by punctuation and stop words.
  assert.ok(terms.includes('Options Nudge Savings'), terms.join(' | '));
  assert.deepEqual(
    ranker.explain('c', 20).filter((t) => t.term.split(' ').length > 1),
    [],
  );
});

test("round 3's setting (scikit-learn tokens) explains with words and phrases as written", () => {
  const corpus = [
    { id: 'a', title: 'Default Options Nudge Savings', abstract: 'Default options raise pension savings.' },
    { id: 'b', title: 'Default options and savings', abstract: 'A study of default options.' },
    { id: 'c', title: 'Weather radar', abstract: 'Radar echoes of the weather.' },
    { id: 'd', title: 'Weather radar again', abstract: 'More radar echoes.' },
  ];
  const ranker = new ScreeningRanker(corpus, { config: ROUND3_ASREVIEW_NB_CONFIG });
  ranker.setLabel('b', 'include');
  ranker.setLabel('c', 'exclude');
  assert.deepEqual(ranker.rank(), ['a', 'd']);
  const terms = ranker.explain('a', 20).map((t) => t.term);
  assert.ok(terms.includes('Default Options'), terms.join(' | '));
  assert.ok(!terms.some((t) => /radar|weather/i.test(t)), terms.join(' | '));
});
