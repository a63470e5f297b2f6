export {
  SearchIndex,
  SearchIndexLoadError,
  SEARCH_INDEX_FORMAT_VERSION,
  fingerprintIds,
} from './searchIndex';
export type { SearchIndexOptions, SearchOptions, SerializedSearchIndex } from './searchIndex';
export type { SearchHit } from './searchHit';
export type { MatchRange, HighlightField } from './matchRanges';
export { DEFAULT_FIELD_BOOSTS } from './indexSettings';
export type { FieldBoosts, SearchField, TagSource } from './indexSettings';
export { reciprocalRankFusion, RRF_K } from './rankFusion';
export { foldText } from './fold';
