/**
 * Deterministic synthetic corpora for the benchmark, written as RIS (what a database search export looks
 * like). Every paper belongs to a topical cluster: its title is built mostly from the cluster's words and
 * phrases, its abstract mixes them into sentences sampled from a Zipf-distributed vocabulary. Paper i depends
 * only on the seed and i, so the 10k corpus is the first 10k papers of the 100k one.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Prng, ZipfSampler } from './prng';
import { buildVocabulary, capitalise, syntheticWord, type Vocabulary } from './vocabulary';

export const GENERATOR_VERSION = 1;
const SEED = 20250601;
const VOCABULARY_SIZE = 300_000;
const ZIPF_EXPONENT = 1.1;
const TOPICS = 60;
/** Topic words come from real words of middling frequency: specific, but not rare. */
const TOPIC_WORD_RANKS = [120, 9000] as const;

const FUNCTION_WORDS = new Set(
  (
    'the and of to a in for with that we on is this by as were from are or at an was these which be between ' +
    'can more have after their using over across both not while our it its than has been such also into ' +
    'when how what where who all each other only two three one however thus here there they them most may'
  ).split(' '),
);
const TITLE_TEMPLATES = [
  'A B for C D',
  'A B: C D via E',
  'Towards A B in C D',
  'A B with C D',
  'On the A of B C',
  'A: B C for D E F',
  'Learning A B from C D',
  'A B and C D',
  'Efficient A B',
  'A B C: a D E',
  'Scaling A B for C',
  'When A Meets B: C D',
];

interface Topic {
  words: string[];
  phrases: string[];
}

export interface GeneratorModel {
  vocabulary: Vocabulary;
  zipf: ZipfSampler;
  topics: Topic[];
  topicZipf: ZipfSampler;
  firstNames: string[];
  surnames: string[];
  surnameZipf: ZipfSampler;
}

export function generatorModel(root: string): GeneratorModel {
  const vocabulary = buildVocabulary(root, VOCABULARY_SIZE, SEED);
  const prng = new Prng(SEED + 1);
  const candidates = vocabulary.words
    .slice(TOPIC_WORD_RANKS[0], Math.min(TOPIC_WORD_RANKS[1], vocabulary.realCount))
    .filter((w) => /^\p{Ll}{5,}$/u.test(w) && !FUNCTION_WORDS.has(w));
  const topics: Topic[] = [];
  for (let t = 0; t < TOPICS; t++) {
    const words = new Set<string>();
    while (words.size < 30) words.add(prng.pick(candidates));
    for (let i = 0; i < 8; i++) words.add(syntheticWord(prng).toLowerCase());
    const list = [...words];
    const phrases: string[] = [];
    for (let i = 0; i < 6; i++) phrases.push(`${prng.pick(list)} ${prng.pick(list)}`);
    topics.push({ words: list, phrases });
  }
  const firstNames = Array.from({ length: 400 }, () => capitalise(syntheticWord(prng).replace(/-.*/, '')));
  const surnames = Array.from({ length: 30_000 }, () => capitalise(syntheticWord(prng).replace(/-.*/, '')));
  return {
    vocabulary,
    zipf: new ZipfSampler(vocabulary.words.length, ZIPF_EXPONENT),
    topics,
    topicZipf: new ZipfSampler(TOPICS, 0.7),
    firstNames,
    surnames,
    surnameZipf: new ZipfSampler(surnames.length, 0.9),
  };
}

export interface SyntheticPaper {
  title: string;
  abstract: string;
  authors: string[];
  year: number;
  doi?: string;
}

export function syntheticPaper(model: GeneratorModel, i: number): SyntheticPaper {
  const prng = new Prng((SEED ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const main = model.topics[model.topicZipf.sample(prng)]!;
  const second = prng.chance(0.3) ? model.topics[model.topicZipf.sample(prng)]! : main;
  const topicWord = (): string => {
    const topic = prng.chance(0.75) ? main : second;
    return prng.chance(0.15) ? prng.pick(topic.phrases) : prng.pick(topic.words);
  };
  const globalWord = (): string => model.vocabulary.words[model.zipf.sample(prng)]!;

  const sentences: string[] = [];
  const sentenceCount = prng.int(5, 10);
  for (let s = 0; s < sentenceCount; s++) {
    const words: string[] = [];
    const length = prng.int(10, 32);
    for (let w = 0; w < length; w++) {
      let word = prng.chance(0.2) ? topicWord() : globalWord();
      if (w < length - 1 && prng.chance(0.06)) word += ',';
      words.push(word);
    }
    words[0] = capitalise(words[0]!);
    sentences.push(`${words.join(' ')}.`);
  }

  const titleCase = prng.chance(0.5);
  let title = prng.pick(TITLE_TEMPLATES).replace(/\b[A-F]\b/g, () => {
    const word = prng.chance(0.85) ? topicWord() : globalWord();
    return titleCase ? word.split(' ').map(capitalise).join(' ') : word;
  });
  title = capitalise(title);

  const authors: string[] = [];
  const authorCount = prng.int(1, 8);
  for (let a = 0; a < authorCount; a++) {
    authors.push(`${model.surnames[model.surnameZipf.sample(prng)]}, ${prng.pick(model.firstNames)}`);
  }
  const paper: SyntheticPaper = { title, abstract: sentences.join(' '), authors, year: prng.int(2010, 2025) };
  if (prng.chance(0.7)) paper.doi = `10.5555/bench.${i}`;
  return paper;
}

export function toRis(paper: SyntheticPaper): string {
  const lines = ['TY  - JOUR', `TI  - ${paper.title}`];
  for (const author of paper.authors) lines.push(`AU  - ${author}`);
  lines.push(`PY  - ${paper.year}`);
  if (paper.doi) lines.push(`DO  - ${paper.doi}`);
  lines.push(`AB  - ${paper.abstract}`, 'ER  - ', '');
  return lines.join('\n');
}

/** Path of the synthetic corpus of `size` papers, generated (once) if missing. */
export function syntheticCorpus(root: string, size: number, model: () => GeneratorModel): string {
  const dir = join(root, 'bench/data');
  const file = join(dir, `synthetic-${size}-v${GENERATOR_VERSION}.ris`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const m = model();
  const chunks: string[] = [];
  for (let i = 0; i < size; i++) chunks.push(toRis(syntheticPaper(m, i)));
  writeFileSync(`${file}.tmp`, chunks.join('\n'));
  renameSync(`${file}.tmp`, file);
  return file;
}
