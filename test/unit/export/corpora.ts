/**
 * For the export tests: every readable corpus fixture (real third-party files, see the fixtures'
 * PROVENANCE.md) and the seed, with triage decisions spread over their papers, and the comparisons a round
 * trip must pass.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { plainParagraphs, plainText } from '../../../src/core/bibtex';
import { splitName } from '../../../src/core/export';
import { doiKey } from '../../../src/core/identity/normalize';
import type { Paper } from '../../../src/core/model/paper';
import { readCorpus } from '../../../src/core/readers';
import {
  addTag,
  emptyState,
  lookupTriage,
  setNote,
  setStatus,
  type TriageState,
  type TriageStatus,
} from '../../../src/core/triage';

export const T = '2026-06-01T00:00:00.000Z';

export const CORPORA = [
  'sample.ris',
  'sample-2.ris',
  'real-bibliography.bib',
  'arxiv-atom.xml',
  'hf-daily-papers.json',
  'papers-listing.txt',
  'more/csl-zotero-bbt-128.json',
  'more/pubmed-crlf-75.nbib',
  'more/medline-biopython-4.txt',
];

export function corpus(name: string): Paper[] {
  const url =
    name === 'seed'
      ? new URL('../../../seeds/hf-daily-papers-seed.txt', import.meta.url)
      : new URL(`../../fixtures/corpora/${name}`, import.meta.url);
  return readCorpus(readFileSync(url), name === 'seed' ? 'seed.txt' : name).papers;
}

const STATUSES: TriageStatus[] = ['include', 'maybe', 'exclude', 'untriaged'];

/** Decisions in turn, a tag on every third paper, a note (with a line break and formula bait) on every fourth. */
export function spreadTriage(papers: readonly Paper[]): TriageState {
  let state = emptyState();
  papers.forEach((paper, i) => {
    state = setStatus(state, paper, STATUSES[i % STATUSES.length]!, T);
    if (i % 3 === 0) state = addTag(state, paper, i % 2 ? 'survey' : 'needs full text', T);
    if (i % 4 === 1) state = setNote(state, paper, `=SUM(A1) check, "quoted"\nsecond line ${i}`, T);
  });
  return state;
}

/** The fields a round trip keeps, as the export writes them. */
export function comparable(paper: Paper) {
  return {
    title: plainText(paper.title),
    authors: (paper.authors ?? []).map(splitName).filter((n) => n !== undefined),
    year: paper.year,
    doi: doiKey(paper.doi),
    abstract: plainParagraphs(paper.abstract),
  };
}

/**
 * Each original paper is read back in file order with the same title, authors, year, DOI and abstract, under
 * its own id, so the decisions saved for it still apply. A paper merged from duplicates is read back under the
 * id of the record whose abstract it kept (one of its aliases): the decision is then checked in the file itself
 * by each format's test.
 */
export function assertRoundTrip(
  original: readonly Paper[],
  readBack: readonly Paper[],
  state: TriageState,
  label: string,
): void {
  assert.equal(readBack.length, original.length, `${label}: number of papers`);
  const byId = new Map(readBack.map((p) => [p.id, p]));
  for (const paper of original) {
    const back = byId.get(paper.id) ?? paper.aliases?.map((a) => byId.get(a)).find(Boolean);
    assert.ok(back, `${label}: "${paper.title}" (${paper.id}) is read back under its id or an alias`);
    assert.deepEqual(comparable(back), comparable(paper), `${label}: ${paper.id}`);
    if (back.id === paper.id) {
      assert.equal(lookupTriage(state, back)?.status, lookupTriage(state, paper)?.status);
    }
  }
}
