/**
 * Cache keys: a SHA-256 of everything the cached data depends on. The index key covers the index format, the
 * code version and, in order, every paper's id and searchable text; the topics key adds the user topics.
 */
import { createHash } from 'node:crypto';
import type { Paper } from '../core/model/paper';
import { SEARCH_INDEX_FORMAT_VERSION } from '../core/search';

/** Bump when the layout of the cache directory changes. */
export const CACHE_LAYOUT_VERSION = 1;

export function indexKey(
  papers: readonly Pick<Paper, 'id' | 'title' | 'abstract' | 'authors'>[],
  codeVersion: string,
): string {
  const hash = createHash('sha256');
  hash.update(`litriage-index\0${CACHE_LAYOUT_VERSION}\0${SEARCH_INDEX_FORMAT_VERSION}\0${codeVersion}\0`);
  for (const p of papers) {
    hash.update(`${p.id}\0${p.title}\0${p.abstract}\0${(p.authors ?? []).join('\u001f')}\u001e`);
  }
  return hash.digest('hex').slice(0, 32);
}

export function topicsKey(indexKeyValue: string, userTopics: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256');
  hash.update(`litriage-topics\0${indexKeyValue}\0${JSON.stringify(Object.entries(userTopics))}`);
  return hash.digest('hex').slice(0, 32);
}
