/**
 * For the export tests: every readable corpus fixture (real third-party files, see the fixtures'
 * PROVENANCE.md) and the seed, with triage decisions spread over their papers, and the comparisons a round
 * trip must pass.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { plainParagraphs, plainText } from '../../../src/core/bibtex';
import { splitName } from '../../../src/core/export';
import { abstractFingerprint, doiKey } from '../../../src/core/identity/normalize';
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
  'more/endnote-jabref-3.xml',
  'more/endnote-kwb-12.xml',
  'more/endnote-small-5.xml',
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
 * Each original paper is read back, in file order, with the same title, authors, year, DOI and abstract, and under
 * its own id, so the decisions saved for it still apply. Two cases keep the fields but not the id: a paper merged
 * from duplicates, read back under the id of the record whose abstract it kept (one of its aliases); and, for a
 * format whose reader takes no PubMed id (RIS: `carriesPmid` false), a paper whose id came from its PubMed id (no
 * abstract, DOI or arXiv id). Each format's test checks the decision in the file itself too.
 */
export function assertRoundTrip(
  original: readonly Paper[],
  readBack: readonly Paper[],
  state: TriageState,
  label: string,
  { carriesPmid }: { carriesPmid: boolean },
): void {
  assert.equal(readBack.length, original.length, `${label}: number of papers`);
  original.forEach((paper, i) => {
    const back = readBack[i]!;
    assert.deepEqual(comparable(back), comparable(paper), `${label}: ${paper.id}`);
    const idFromPmid = !abstractFingerprint(paper.abstract) && !paper.doi && !paper.arxivId && !!paper.pmid;
    if (paper.sources.length > 1) {
      assert.ok([paper.id, ...(paper.aliases ?? [])].includes(back.id), `${label}: ${paper.id} or an alias`);
    } else if (carriesPmid || !idFromPmid) {
      assert.equal(back.id, paper.id, `${label}: "${paper.title}" is read back under its id`);
      assert.equal(lookupTriage(state, back)?.status, lookupTriage(state, paper)?.status);
    }
  });
}
