import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../../src/core/model/paper';
import { readHfJson } from '../../../src/core/readers/hfJson';
import { readListing } from '../../../src/core/readers/listing';

const repo = join(__dirname, '..', '..', '..');

/** The 52 papers of the bundled seed listing. */
export function seedPapers(): Paper[] {
  return readListing(readFileSync(join(repo, 'seeds', 'hf-daily-papers-seed.txt'), 'utf8'), 'seed.txt')
    .papers;
}

/** The 50 papers of the Hugging Face daily-papers fixture. */
export function hfPapers(): Paper[] {
  const file = join(repo, 'test', 'fixtures', 'corpora', 'hf-daily-papers.json');
  return readHfJson(readFileSync(file, 'utf8'), 'hf-daily-papers.json').papers;
}

/** The paper whose title starts with `prefix` (fails loudly when there is none). */
export function byTitle(papers: readonly Paper[], prefix: string): Paper {
  const paper = papers.find((p) => p.title.startsWith(prefix));
  if (!paper) throw new Error(`no paper titled "${prefix}…"`);
  return paper;
}

/** A small hand-made paper. */
export function paper(id: string, title: string, abstract: string, authors?: string[]): Paper {
  return { id, title, abstract, ...(authors ? { authors } : {}), links: [], sources: [] };
}

/** Deterministic shuffle (a fixed linear congruential sequence), for order-independence checks. */
export function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
