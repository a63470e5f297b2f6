/**
 * What a search index is made of, apart from the tags (which change with every triage edit and live in
 * their own small segment): the papers in document order, the postings of their title, abstract and
 * authors, and the distinct title words for fuzzy search.
 */
import type { Paper } from '../model/paper';
import { buildPostings, type FieldSpec } from './buildPostings';
import type { LunrIndexSettings, SearchField } from './indexSettings';
import type { Postings } from './postings';
import { TermPipeline } from './termPipeline';
import { SEARCH_PIPELINE } from './lunrPipeline';
import { TitleWords } from './titleWords';

/** Fields indexed with the papers; tags are indexed separately (tagSegment.ts). */
const PAPER_FIELDS: readonly SearchField[] = ['title', 'abstract', 'authors'];

export interface IndexCore {
  /** In paper-id order: document d is papers[d]. */
  readonly papers: readonly Paper[];
  readonly postings: Postings;
  readonly titleWords: TitleWords;
  readonly settings: LunrIndexSettings;
  /** Index-side pipeline (also used to find the words to highlight). */
  readonly pipeline: TermPipeline;
  /** Query-side pipeline. */
  readonly queryPipeline: TermPipeline;
}

/**
 * Documents are numbered in paper-id order, so that ties in score (frequent: BM25 gives equal scores to equal
 * counts in fields of equal length) are broken by comparing numbers rather than id strings.
 */
export function buildIndexCore(unordered: readonly Paper[], settings: LunrIndexSettings): IndexCore {
  const papers = [...unordered].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pipeline = new TermPipeline();
  const text: Record<(typeof PAPER_FIELDS)[number], (p: Paper) => string> = {
    title: (p) => p.title,
    abstract: (p) => p.abstract,
    // Joined so that each name is searchable word by word, not only as a whole.
    authors: (p) => (p.authors ?? []).join('; '),
    tags: () => '',
  };
  const specs: FieldSpec[] = PAPER_FIELDS.filter((f) => settings.boosts[f] > 0).map((name) => ({
    name,
    boost: settings.boosts[name],
    text: (d) => text[name](papers[d]!),
  }));
  return {
    papers,
    postings: buildPostings(papers.length, specs, pipeline),
    titleWords: TitleWords.build(papers.map((p) => p.title)),
    settings,
    pipeline,
    queryPipeline: new TermPipeline(SEARCH_PIPELINE),
  };
}

export function indexCoreOf(
  papers: readonly Paper[],
  postings: Postings,
  titleWords: TitleWords,
  settings: LunrIndexSettings,
): IndexCore {
  return {
    papers,
    postings,
    titleWords,
    settings,
    pipeline: new TermPipeline(),
    queryPipeline: new TermPipeline(SEARCH_PIPELINE),
  };
}
