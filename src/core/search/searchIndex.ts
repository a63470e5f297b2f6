/**
 * The search facade used by the palette, the reader view and the CLI: full-text search with lunr's query
 * language and scoring, fuzzy titles (fuse.js), their fused ranking, similar papers, and (de)serialisation.
 *
 * The full-text index is a compact inverted index (postings.ts) rather than a lunr.Index: lunr still parses the
 * queries and supplies the text pipeline (tokens, stop words, stemmer), and scores are lunr's BM25, but a query
 * costs time in proportion to the postings it reads, the index holds no object per posting, and it is saved as
 * bytes that load without parsing (indexFormat.ts). Tags live in their own small segment (tagSegment.ts), so a
 * tag edit does not rebuild the index: see `withTags`.
 */
import type { Paper } from '../model/paper';
import {
  DEFAULT_INDEX_SETTINGS,
  tagLookup,
  type FieldBoosts,
  type LunrIndexSettings,
  type TagSource,
} from './indexSettings';
import { FullTextSearch } from './fullTextSearch';
import { FuzzyTitleMatcher } from './fuzzyTitles';
import { buildIndexCore, indexCoreOf, type IndexCore } from './indexCore';
import { decodeIndex, encodeIndex, IndexFormatError } from './indexFormat';
import { base64ToBytes, bytesToBase64 } from './base64';
import { reciprocalRankFusion } from './rankFusion';
import type { SearchHit } from './searchHit';
import { SimilarityFinder } from './similarPapers';
import { buildTagSegment } from './tagSegment';

/** Bump whenever the serialised shape or the text pipeline changes; caches keyed on it then rebuild. */
export const SEARCH_INDEX_FORMAT_VERSION = 3;

interface SearchIndexOptions {
  /** Field weights; a 0 weight leaves the field out. Defaults: DEFAULT_FIELD_BOOSTS. */
  boosts?: Partial<FieldBoosts>;
  /**
   * Kept for compatibility: match positions are always available, computed for the hits that are read
   * rather than stored for every word.
   */
  positions?: boolean;
  /** Tags per paper id, from the triage state. */
  tags?: TagSource;
}

interface SearchOptions {
  /** Maximum number of hits (default: all). */
  limit?: number;
  /** Plain word queries: every word must match (AND) instead of any (OR). */
  requireAll?: boolean;
}

interface SerializedSearchIndex {
  version: number;
  /** Fingerprint of the paper ids the index was built from. */
  papers: string;
  settings: LunrIndexSettings;
  /** The index bytes (see toBytes), base64-encoded. */
  data: string;
  /** Tags of the tagged papers, by paper id. */
  tags: Record<string, string[]>;
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
  private readonly fullText: FullTextSearch;
  private fuzzyMatcher: FuzzyTitleMatcher | undefined;
  private similarity: SimilarityFinder | undefined;

  private readonly tagsOf: (id: string) => readonly string[];

  private constructor(
    private readonly core: IndexCore,
    tags: TagSource | undefined,
  ) {
    this.tagsOf = tagLookup(tags);
    this.fullText = new FullTextSearch(core, buildTagSegment(core, this.tagsOf));
  }

  static build(papers: readonly Paper[], options: SearchIndexOptions = {}): SearchIndex {
    const settings: LunrIndexSettings = {
      boosts: { ...DEFAULT_INDEX_SETTINGS.boosts, ...options.boosts },
      positions: options.positions ?? DEFAULT_INDEX_SETTINGS.positions,
    };
    return new SearchIndex(buildIndexCore(uniqueById(papers), settings), options.tags);
  }

  /** The index as bytes (without tags), for a cache; fromBytes restores it. */
  toBytes(): Uint8Array {
    const { core } = this;
    return encodeIndex(
      {
        docIds: core.papers.map((p) => p.id),
        postings: core.postings,
        titleWords: core.titleWords,
        meta: { settings: core.settings },
      },
      SEARCH_INDEX_FORMAT_VERSION,
    );
  }

  /**
   * Restores an index saved with toBytes(); `papers` must be the papers it was built from (in any order).
   * Throws SearchIndexLoadError for bytes of another format version or other papers.
   */
  static fromBytes(
    bytes: Uint8Array,
    papers: readonly Paper[],
    options: Pick<SearchIndexOptions, 'tags'> = {},
  ): SearchIndex {
    let parts;
    try {
      parts = decodeIndex(bytes, SEARCH_INDEX_FORMAT_VERSION);
    } catch (error) {
      if (error instanceof IndexFormatError) throw new SearchIndexLoadError(`${error.message}; rebuild it`);
      throw error;
    }
    const byId = new Map<string, Paper>();
    for (const paper of papers) if (!byId.has(paper.id)) byId.set(paper.id, paper);
    if (byId.size !== parts.docIds.length) {
      throw new SearchIndexLoadError('search index was built from other papers; rebuild it');
    }
    const ordered = parts.docIds.map((id) => byId.get(id));
    if (ordered.some((p) => p === undefined)) {
      throw new SearchIndexLoadError('search index was built from other papers; rebuild it');
    }
    const settings =
      (parts.meta as { settings?: LunrIndexSettings } | null)?.settings ?? DEFAULT_INDEX_SETTINGS;
    return new SearchIndex(
      indexCoreOf(ordered as Paper[], parts.postings, parts.titleWords, settings),
      options.tags,
    );
  }

  /** Restores an index saved with toJSON(); `papers` must be the papers it was built from. */
  static load(json: unknown, papers: readonly Paper[]): SearchIndex {
    const data = json as Partial<SerializedSearchIndex> | null;
    if (!data || typeof data !== 'object' || data.version !== SEARCH_INDEX_FORMAT_VERSION) {
      throw new SearchIndexLoadError(
        `search index format ${String(data?.version)} is not ${SEARCH_INDEX_FORMAT_VERSION}; rebuild it`,
      );
    }
    if (data.papers !== fingerprintIds(uniqueById(papers)) || typeof data.data !== 'string') {
      throw new SearchIndexLoadError('search index was built from other papers; rebuild it');
    }
    const tags = new Map(Object.entries(data.tags ?? {}));
    return SearchIndex.fromBytes(base64ToBytes(data.data), papers, { tags });
  }

  toJSON(): SerializedSearchIndex {
    return {
      version: SEARCH_INDEX_FORMAT_VERSION,
      papers: fingerprintIds(this.core.papers),
      settings: this.core.settings,
      data: bytesToBase64(this.toBytes()),
      tags: this.taggedPapers(),
    };
  }

  private taggedPapers(): Record<string, string[]> {
    const tags: Record<string, string[]> = {};
    for (const paper of this.core.papers) {
      const list = this.tagsOf(paper.id);
      if (list.length > 0) tags[paper.id] = [...list];
    }
    return tags;
  }

  /** The same index with other tags: only the small tag segment is rebuilt. */
  withTags(tags: TagSource | undefined): SearchIndex {
    return new SearchIndex(this.core, tags);
  }

  /** The papers indexed, without duplicates, in index order. */
  get papers(): readonly Paper[] {
    return this.core.papers;
  }

  /** Full-text search; accepts any string (lunr syntax or plain words) and never throws. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.fullText.search(query, { requireAll: options.requireAll, limit: options.limit }).hits;
  }

  /** Typo- and accent-tolerant search over titles. */
  fuzzyTitles(query: string, options: Pick<SearchOptions, 'limit'> = {}): SearchHit[] {
    this.fuzzyMatcher ??= new FuzzyTitleMatcher(this.core.papers, this.core.titleWords);
    return this.fuzzyMatcher.search(query, options.limit ?? 50);
  }

  /**
   * The ranking shown by the palette and the CLI: full-text hits (with type-ahead on the last word) fused
   * with fuzzy title hits by reciprocal rank (see rankFusion.ts), without duplicates, best first.
   * A query written in lunr syntax (fields, +/-, wildcards) is taken literally: full-text hits only.
   */
  combined(query: string, options: Pick<SearchOptions, 'limit'> = {}): SearchHit[] {
    // The fused top N holds full-text hits of the full-text top N, or found by the fuzzy search too: any other
    // full-text hit scores less than weight / (K + N), below every one of the full-text top N. So hits are made
    // for those only (a short prefix matches tens of thousands of papers), each with its full-text rank.
    // A query in lunr syntax takes no fuzzy hits: they are only searched for plain words.
    let fuzzy: SearchHit[] | undefined;
    const fuzzyHits = () => (fuzzy ??= this.fuzzyTitles(query));
    const fullText = this.fullText.search(query, {
      prefixLastWord: true,
      limit: options.limit,
      alsoRank: options.limit === undefined ? undefined : () => new Set(fuzzyHits().map((hit) => hit.id)),
    });
    if (fullText.usedSyntax) return limit(fullText.hits, options.limit);
    const fused = reciprocalRankFusion([
      { hits: fullText.hits, ranks: fullText.ranks, weight: FULL_TEXT_WEIGHT },
      { hits: fuzzyHits(), weight: FUZZY_TITLE_WEIGHT },
    ]);
    return limit(fused, options.limit);
  }

  /** Up to k papers most like paper `id` (never itself), best first. */
  similarPapers(id: string, k = 5): SearchHit[] {
    this.similarity ??= new SimilarityFinder(this.fullText);
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
