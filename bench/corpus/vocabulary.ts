/**
 * The generator's vocabulary: the words of the bundled seed and the real test corpora, ranked by how often
 * they occur there, followed by a long tail of synthetic words so that the number of distinct words keeps
 * growing with the corpus size as it does in real text (Heaps' law).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../../src/core/readers';
import { Prng } from './prng';

const WORD = /\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’]\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:\.\p{N}+)?%?/gu;

export interface Vocabulary {
  /** Surface forms by rank, most frequent first: real words, then synthetic ones. */
  words: string[];
  /** How many of `words` come from real text. */
  realCount: number;
}

/** Every file that feeds the vocabulary, relative to the repository root. */
export function vocabularySources(root: string): string[] {
  const fixtures = join(root, 'test/fixtures/corpora');
  const files = [join(root, 'seeds/hf-daily-papers-seed.txt')];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(json|txt|bib|ris|xml)$/.test(name)) files.push(full);
    }
  };
  walk(fixtures);
  return files;
}

export function buildVocabulary(root: string, size: number, seed: number): Vocabulary {
  const counts = new Map<string, { count: number; forms: Map<string, number> }>();
  for (const file of vocabularySources(root)) {
    let papers;
    try {
      papers = readCorpus(readFileSync(file), file).papers;
    } catch {
      continue; // the deliberately malformed fixture
    }
    for (const paper of papers) {
      for (const match of `${paper.title} ${paper.abstract}`.matchAll(WORD)) {
        const form = match[0];
        const key = form.toLowerCase();
        let entry = counts.get(key);
        if (!entry) counts.set(key, (entry = { count: 0, forms: new Map() }));
        entry.count++;
        entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      }
    }
  }
  const real = [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([key, entry]) => preferredForm(key, entry.forms));
  const words = real.slice(0, size);
  const prng = new Prng(seed);
  const seen = new Set(words.map((w) => w.toLowerCase()));
  while (words.length < size) {
    const word = syntheticWord(prng);
    if (seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return { words, realCount: Math.min(real.length, size) };
}

/** The lower-case form unless the word is mostly written otherwise (acronyms, names). */
function preferredForm(key: string, forms: Map<string, number>): string {
  let best = key;
  let bestCount = forms.get(key) ?? 0;
  for (const [form, count] of forms) {
    if (count > bestCount * 2 && form !== capitalise(key)) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'cl',
  'dr',
  'gr',
  'pl',
  'pr',
  'sc',
  'st',
  'tr',
  'th',
  'sp',
  'qu',
  'ch',
  'ph',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ea', 'io', 'ou', 'ai', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 'x', 'nt', 'st', 'rk'];
const SUFFIXES = ['', '', 'ic', 'al', 'ation', 'ity', 'ous', 'ive', 'ing', 'ed', 'ism', 'oid', 'ase', 'ine'];

/** A pronounceable made-up word ("pratholic", "streomase"), sometimes a model-like name ("Vorex-12"). */
export function syntheticWord(prng: Prng): string {
  if (prng.chance(0.04)) {
    const stem = syllables(prng, 1, 2);
    return `${capitalise(stem)}-${prng.int(1, 99)}`;
  }
  const word = syllables(prng, 1, 3) + prng.pick(SUFFIXES);
  // A few accented words, so accent folding is exercised.
  return prng.chance(0.03) ? word.replace('e', 'é') : word;
}

function syllables(prng: Prng, min: number, max: number): string {
  let word = '';
  const n = prng.int(min, max);
  for (let i = 0; i < n; i++) {
    const vowel = prng.pick(VOWELS);
    word += (i === 0 || prng.chance(0.8) ? prng.pick(ONSETS) : '') + vowel;
    if (i === n - 1 || prng.chance(0.3)) word += prng.pick(CODAS);
  }
  return word;
}
