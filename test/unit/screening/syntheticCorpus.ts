import { SeededRandom } from '../../../src/core/screening/prng';

/** Word pools of five unrelated subjects; papers are drawn from one subject plus shared filler words. */
export const TOPICS = {
  proteins: [
    'protein',
    'folding',
    'molecular',
    'dynamics',
    'simulation',
    'residue',
    'conformation',
    'energy',
  ],
  speech: ['speech', 'recognition', 'acoustic', 'phoneme', 'spoken', 'audio', 'transcription', 'speaker'],
  vision: ['image', 'segmentation', 'convolutional', 'pixel', 'camera', 'object', 'detection', 'visual'],
  robots: ['robot', 'reinforcement', 'control', 'policy', 'reward', 'locomotion', 'manipulation', 'agent'],
  molecules: ['graph', 'neural', 'molecules', 'property', 'prediction', 'chemical', 'atoms', 'bonds'],
} as const;

export type Topic = keyof typeof TOPICS;

const FILLER = [
  'approach',
  'novel',
  'evaluate',
  'benchmark',
  'performance',
  'framework',
  'experiments',
  'data',
];

export interface SyntheticPaper {
  id: string;
  title: string;
  abstract: string;
  topic: Topic;
}

/** `perTopic` papers per subject, interleaved (paper i has subject i mod 5), deterministic for the seed. */
export function syntheticCorpus(perTopic: number, seed = 3): SyntheticPaper[] {
  const random = new SeededRandom(seed);
  const topics = Object.keys(TOPICS) as Topic[];
  const draw = (pool: readonly string[], n: number): string[] =>
    Array.from({ length: n }, () => pool[random.nextInt(pool.length)]!);
  const papers: SyntheticPaper[] = [];
  for (let i = 0; i < perTopic * topics.length; i++) {
    const topic = topics[i % topics.length]!;
    const words = TOPICS[topic];
    papers.push({
      id: `p${i}`,
      topic,
      title: draw(words, 4).join(' '),
      abstract: `${draw(words, 12).join(' ')}. ${draw(FILLER, 8).join(' ')}.`,
    });
  }
  return papers;
}

/**
 * Labels (document, 1 include / 0 exclude / -1 withdrawn) as a reviewer gives them on a synthetic corpus
 * of at least 70 papers: decisions, then a withdrawn one and a changed one, then more decisions.
 */
export function* reviewerLabels(papers: readonly { topic: string }[]): Generator<[number, 1 | 0 | -1]> {
  yield [0, 0];
  yield [1, 1];
  for (let i = 2; i < 40; i++) yield [i, papers[i]!.topic === 'speech' ? 1 : 0];
  yield [1, -1];
  yield [6, 0];
  yield [12, 1];
  for (let i = 40; i < 70; i++) yield [i, papers[i]!.topic === 'speech' || i % 9 === 0 ? 1 : 0];
}
