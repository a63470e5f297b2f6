export {
  SearchIndex,
  SearchIndexLoadError,
  SEARCH_INDEX_FORMAT_VERSION,
  fingerprintIds,
} from './searchIndex';
export type { SearchHit } from './searchHit';
export type { MatchRange } from './matchRanges';
export { reciprocalRankFusion, RRF_K } from './rankFusion';
export { foldText } from './fold';
