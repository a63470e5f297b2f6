/** Builds the lunr full-text index over papers. What is indexed (fields, boosts, positions) is tunable. */
import lunr from 'lunr';
import type { Paper } from '../model/paper';
import { INDEX_PIPELINE, SEARCH_PIPELINE, tokenizeForIndex } from './lunrPipeline';

export type SearchField = 'title' | 'abstract' | 'authors' | 'tags';

/** Relative weight of a match in each field; 0 leaves the field out of the index. */
export type FieldBoosts = Record<SearchField, number>;

export const DEFAULT_FIELD_BOOSTS: Readonly<FieldBoosts> = { title: 5, abstract: 1, authors: 2, tags: 3 };

export interface LunrIndexSettings {
  boosts: FieldBoosts;
  /** Store word positions so results can be highlighted; costs index size and query time. */
  positions: boolean;
}

export const DEFAULT_INDEX_SETTINGS: Readonly<LunrIndexSettings> = {
  boosts: DEFAULT_FIELD_BOOSTS,
  positions: true,
};

/** Tags of a paper from the triage state, as a function or a plain map from paper id. */
export type TagSource =
  ((id: string) => readonly string[] | undefined) | ReadonlyMap<string, readonly string[]>;

export function tagLookup(tags: TagSource | undefined): (id: string) => readonly string[] {
  if (!tags) return () => [];
  if (typeof tags === 'function') return (id) => tags(id) ?? [];
  return (id) => tags.get(id) ?? [];
}

export function buildLunrIndex(
  papers: readonly Paper[],
  settings: LunrIndexSettings,
  tagsOf: (id: string) => readonly string[],
): lunr.Index {
  const builder = new lunr.Builder();
  builder.ref('id');
  builder.tokenizer = tokenizeForIndex as unknown as typeof lunr.tokenizer;
  builder.pipeline.add(...INDEX_PIPELINE);
  builder.searchPipeline.add(...SEARCH_PIPELINE);
  builder.metadataWhitelist = settings.positions ? ['position'] : [];
  for (const field of Object.keys(settings.boosts) as SearchField[]) {
    const boost = settings.boosts[field];
    if (boost > 0) builder.field(field, { boost });
  }
  for (const paper of papers) {
    builder.add({
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      // Joined so that each name is searchable word by word, not only as a whole.
      authors: (paper.authors ?? []).join('; '),
      tags: tagsOf(paper.id).join(' ; '),
    });
  }
  return builder.build();
}
