/**
 * The search facade used by the palette, the reader view and the CLI: full-text (lunr), fuzzy titles
 * (fuse.js), their fused ranking, similar papers, and (de)serialisation of the full-text index.
 */
import lunr from 'lunr';
import type { Paper } from '../model/paper';
import {
  buildLunrIndex,
  DEFAULT_INDEX_SETTINGS,
  tagLookup,
  type FieldBoosts,
  type LunrIndexSettings,
  type TagSource,
} from './buildLunrIndex';
import { FuzzyTitleMatcher } from './fuzzyTitles';
import { lunrSearch } from './lunrSearch';
import { reciprocalRankFusion } from './rankFusion';
import type { SearchHit } from './searchHit';
import { SimilarityFinder } from './similarPapers';

/** Bump whenever the serialised shape or the text pipeline changes; caches keyed on it then rebuild. */
export const SEARCH_INDEX_FORMAT_VERSION = 1;

export interface SearchIndexOptions {
  /** Field weights; a 0 weight leaves the field out. Defaults: DEFAULT_FIELD_BOOSTS. */
  boosts?: Partial<FieldBoosts>;
  /** Keep word positions for highlighting (default true). */
  positions?: boolean;
  /** Tags per paper id, from the triage state. */
  tags?: TagSource;
}

export interface SearchOptions {
  /** Maximum number of hits (default: all). */
  limit?: number;
  /** Plain word queries: every word must match (AND) instead of any (OR). */
  requireAll?: boolean;
}

export interface SerializedSearchIndex {
  version: number;
  /** Fingerprint of the paper ids the index was built from. */
  papers: string;
  settings: LunrIndexSettings;
  lunr: object;
}

export class SearchIndexLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchIndexLoadError';
  }
}

/** Weight of the full-text ranking relative to the fuzzy title ranking in `combined`. */
const FULL_TEXT_WEIGHT = 1;
const FUZZY_TITLE_WEIGHT = 1;

export class SearchIndex {
  private fuzzyMatcher: FuzzyTitleMatcher | undefined;
  private similarity: SimilarityFinder | undefined;

  private constructor(
    private readonly index: lunr.Index,
    private readonly papers: readonly Paper[],
    private readonly settings: LunrIndexSettings,
  ) {}

  static build(papers: readonly Paper[], options: SearchIndexOptions = {}): SearchIndex {
    const settings: LunrIndexSettings = {
      boosts: { ...DEFAULT_INDEX_SETTINGS.boosts, ...options.boosts },
      positions: options.positions ?? DEFAULT_INDEX_SETTINGS.positions,
    };
    const unique = uniqueById(papers);
    return new SearchIndex(buildLunrIndex(unique, settings, tagLookup(options.tags)), unique, settings);
  }

  /** Restores an index saved with toJSON(); `papers` must be the papers it was built from. */
  static load(json: unknown, papers: readonly Paper[]): SearchIndex {
    const data = json as Partial<SerializedSearchIndex> | null;
    if (!data || typeof data !== 'object' || data.version !== SEARCH_INDEX_FORMAT_VERSION) {
      throw new SearchIndexLoadError(
        `search index format ${String(data?.version)} is not ${SEARCH_INDEX_FORMAT_VERSION}; rebuild it`,
      );
    }
    const unique = uniqueById(papers);
    if (data.papers !== fingerprintIds(unique) || !data.settings || !data.lunr) {
      throw new SearchIndexLoadError('search index was built from other papers; rebuild it');
    }
    return new SearchIndex(lunr.Index.load(data.lunr), unique, data.settings);
  }

  toJSON(): SerializedSearchIndex {
    return {
      version: SEARCH_INDEX_FORMAT_VERSION,
      papers: fingerprintIds(this.papers),
      settings: this.settings,
      lunr: this.index.toJSON(),
    };
  }

  /** Full-text search; accepts any string (lunr syntax or plain words) and never throws. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return limit(lunrSearch(this.index, query, { requireAll: options.requireAll }).hits, options.limit);
  }

  /** Typo- and accent-tolerant search over titles. */
  fuzzyTitles(query: string, options: Pick<SearchOptions, 'limit'> = {}): SearchHit[] {
    this.fuzzyMatcher ??= new FuzzyTitleMatcher(this.papers);
    return this.fuzzyMatcher.search(query, options.limit ?? 50);
  }

  /**
   * The ranking shown by the palette and the CLI: full-text hits (with type-ahead on the last word) fused
   * with fuzzy title hits by reciprocal rank (see rankFusion.ts), without duplicates, best first.
   * A query written in lunr syntax (fields, +/-, wildcards) is taken literally: full-text hits only.
   */
  combined(query: string, options: Pick<SearchOptions, 'limit'> = {}): SearchHit[] {
    const fullText = lunrSearch(this.index, query, { prefixLastWord: true });
    if (fullText.usedSyntax) return limit(fullText.hits, options.limit);
    const fused = reciprocalRankFusion([
      { hits: fullText.hits, weight: FULL_TEXT_WEIGHT },
      { hits: this.fuzzyTitles(query), weight: FUZZY_TITLE_WEIGHT },
    ]);
    return limit(fused, options.limit);
  }

  /** Up to k papers most like paper `id` (never itself), best first. */
  similarPapers(id: string, k = 5): SearchHit[] {
    this.similarity ??= new SimilarityFinder(this.index);
    return this.similarity.similarTo(id, k);
  }
}

function uniqueById(papers: readonly Paper[]): Paper[] {
  const byId = new Map<string, Paper>();
  for (const paper of papers) if (!byId.has(paper.id)) byId.set(paper.id, paper);
  return [...byId.values()];
}

function limit(hits: SearchHit[], max: number | undefined): SearchHit[] {
  return max === undefined ? hits : hits.slice(0, Math.max(0, max));
}

/** Order-independent FNV-1a fingerprint of the ids, to notice an index loaded against other papers. */
export function fingerprintIds(papers: readonly Pick<Paper, 'id'>[]): string {
  const ids = papers.map((p) => p.id).sort();
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash ^= 0x0a;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${ids.length}:${hash.toString(16).padStart(8, '0')}`;
}
