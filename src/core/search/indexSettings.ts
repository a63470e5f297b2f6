/** What the full-text index covers: its fields and their weights, and whether hits carry match positions. */

export type SearchField = 'title' | 'abstract' | 'authors' | 'tags';

/** Relative weight of a match in each field; 0 leaves the field out of the index. */
export type FieldBoosts = Record<SearchField, number>;

const DEFAULT_FIELD_BOOSTS: Readonly<FieldBoosts> = { title: 5, abstract: 1, authors: 2, tags: 3 };

export interface LunrIndexSettings {
  boosts: FieldBoosts;
  /**
   * Give hits their match positions (for highlighting). Positions are not stored: they are computed for the
   * hits whose `matches` are read, so this no longer changes the index size.
   */
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
