/**
 * The tags field, indexed on its own: tags change with every triage edit, and rebuilding this segment costs
 * only the tagged papers, while the postings of titles and abstracts stay as they are.
 */
import { buildPostings } from './buildPostings';
import type { Postings } from './postings';
import type { IndexCore } from './indexCore';

export function buildTagSegment(core: IndexCore, tagsOf: (id: string) => readonly string[]): Postings {
  const boost = core.settings.boosts.tags;
  const specs =
    boost > 0 ? [{ name: 'tags', boost, text: (d: number) => tagsOf(core.papers[d]!.id).join(' ; ') }] : [];
  return buildPostings(core.papers.length, specs, core.pipeline);
}
