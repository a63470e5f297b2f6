import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Paper } from '../../../src/core/model/paper';
import { computeTopics, OTHER_TOPIC_LABEL, type Topic } from '../../../src/core/topics';
import { paper, shuffled } from '../search/corpora';

/** Six subjects, each with its own words and phrases; abstracts mix them with words any paper may use. */
const SUBJECTS = [
  ['protein folding', 'residue', 'backbone', 'chaperone', 'fold', 'amino'],
  ['speculative decoding', 'draft', 'verifier', 'token', 'latency', 'acceptance'],
  ['glacier melt', 'ice', 'moraine', 'meltwater', 'albedo', 'crevasse'],
  ['coral reef', 'bleaching', 'polyp', 'lagoon', 'symbiont', 'reef'],
  ['bridge inspection', 'girder', 'corrosion', 'deck', 'truss', 'rivet'],
  ['bird migration', 'flyway', 'stopover', 'plumage', 'warbler', 'songbird'],
];
const FILLER =
  'table river window garden violet copper marble engine harbor ladder basket candle meadow pepper ' +
  'silver thunder lantern orchard pebble ribbon saddle timber velvet walnut';

/** A seeded corpus of `size` papers (paper i is about subject i mod 6, with a little of another). */
function syntheticCorpus(size: number): Paper[] {
  // mulberry32, seeded.
  let state = 12345;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const filler = FILLER.split(' ');
  return Array.from({ length: size }, (_, i) => {
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const other = pick(SUBJECTS);
    const words = Array.from({ length: 40 }, () => {
      const r = next();
      return r < 0.35 ? pick(subject) : r < 0.45 ? pick(other) : pick(filler);
    });
    const title = `${subject[0]} with ${pick(subject)} and ${pick(filler)}`;
    return paper(`p${String(i).padStart(4, '0')}`, title, `${words.join(' ')}.`);
  });
}

const SIZE = 900;
const FIT = 300;
/** As many topics as subjects, so that each is fitted on some 50 sampled papers. */
const TOPICS = SUBJECTS.length;
const papers = syntheticCorpus(SIZE);
const sampled = computeTopics(papers, { fitPapers: FIT, topics: TOPICS });

function subjectTopics(topics: readonly Topic[]): Map<number, Map<string, number>> {
  const topicOf = new Map(topics.flatMap((t) => t.paperIds.map((id) => [id, t.label] as const)));
  const bySubject = new Map<number, Map<string, number>>();
  papers.forEach((p, i) => {
    const counts = bySubject.get(i % SUBJECTS.length) ?? new Map<string, number>();
    const label = topicOf.get(p.id)!;
    counts.set(label, (counts.get(label) ?? 0) + 1);
    bySubject.set(i % SUBJECTS.length, counts);
  });
  return bySubject;
}

test('fitted on a sample: every paper is in exactly one topic, Other last', () => {
  const placed = sampled.flatMap((t) => t.paperIds);
  assert.equal(placed.length, papers.length);
  assert.deepEqual(new Set(placed), new Set(papers.map((p) => p.id)));
  const automatic = sampled.filter((t) => t.label !== OTHER_TOPIC_LABEL);
  assert.ok(automatic.length >= TOPICS - 1 && automatic.length <= TOPICS);
  const other = sampled.findIndex((t) => t.label === OTHER_TOPIC_LABEL);
  assert.ok(other === -1 || other === sampled.length - 1);
});

test('fitted on a sample: the same papers give the same topics, in any order', () => {
  assert.deepEqual(computeTopics(shuffled(papers), { fitPapers: FIT, topics: TOPICS }), sampled);
  assert.deepEqual(computeTopics([...papers].reverse(), { fitPapers: FIT, topics: TOPICS }), sampled);
});

test('fitted on a sample: the papers outside the sample join their subject', () => {
  for (const [subject, counts] of subjectTopics(sampled)) {
    const [label, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    assert.notEqual(label, OTHER_TOPIC_LABEL, SUBJECTS[subject]![0]);
    assert.ok(count >= 0.8 * (SIZE / SUBJECTS.length), `${SUBJECTS[subject]![0]}: ${count} in "${label}"`);
  }
});

test('fitted on a sample: topics agree with those fitted on every paper', () => {
  const full = computeTopics(papers, { fitPapers: SIZE, topics: TOPICS });
  const fullTopic = new Map(full.flatMap((t) => t.paperIds.map((id) => [id, t.label] as const)));
  const sampledTopic = new Map(sampled.flatMap((t) => t.paperIds.map((id) => [id, t.label] as const)));
  // Pairs of papers put together (or apart) by both.
  let agree = 0;
  let pairs = 0;
  for (let i = 0; i < papers.length; i += 3) {
    for (let j = i + 1; j < papers.length; j += 7) {
      const a = papers[i]!.id;
      const b = papers[j]!.id;
      pairs++;
      if ((fullTopic.get(a) === fullTopic.get(b)) === (sampledTopic.get(a) === sampledTopic.get(b))) agree++;
    }
  }
  assert.ok(agree / pairs >= 0.9, `${agree} of ${pairs} pairs`);
});
