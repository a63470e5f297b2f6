/**
 * Merges ranked lists (full-text and fuzzy title search) into one ranking with reciprocal-rank fusion:
 *
 *   fused(d) = Σ over lists L containing d of  weight(L) / (K + rank_L(d))      (rank 1 = best)
 *
 * RRF only uses ranks, so lunr's unbounded BM25 scores and fuse's 0..1 distances need no calibration, and a
 * paper found by both lists outranks one found by a single list at the same rank. K = 60 is the usual
 * constant from the original RRF paper (Cormack et al., 2009); it keeps the top few ranks from dominating.
 * The fused score is divided by the best possible score (rank 1 in every list) so it lies in (0, 1].
 * Match ranges of the same paper from different lists are merged, when they are read.
 */
import { LazyHit, type MatchSource } from './lazyHit';
import { mergeRanges } from './matchRanges';
import { compareHits, type SearchHit } from './searchHit';

export const RRF_K = 60;

interface RankedList {
  hits: readonly SearchHit[];
  /** Each hit's 1-based rank, when the list skips ranks (a head plus a few hits further down); default i + 1. */
  ranks?: readonly number[];
  weight: number;
}

export function reciprocalRankFusion(lists: readonly RankedList[], k = RRF_K): SearchHit[] {
  const best = lists.reduce((sum, list) => sum + list.weight / (k + 1), 0);
  if (best <= 0) return [];
  const fused = new Map<string, { score: number; sources: SearchHit[] }>();
  for (const list of lists) {
    const inThisList = new Set<string>();
    list.hits.forEach((hit, i) => {
      if (inThisList.has(hit.id)) return;
      inThisList.add(hit.id);
      const contribution = list.weight / (k + (list.ranks?.[i] ?? i + 1));
      const seen = fused.get(hit.id);
      if (seen) {
        seen.score += contribution;
        seen.sources.push(hit);
      } else {
        fused.set(hit.id, { score: contribution, sources: [hit] });
      }
    });
  }
  const entries = [...fused];
  const source: MatchSource = {
    matchesOf: (i) => {
      const sources = entries[i]![1].sources;
      return sources.length === 1 ? [...sources[0]!.matches] : mergeRanges(sources.flatMap((s) => s.matches));
    },
  };
  const hits: SearchHit[] = entries.map(([id, { score }], i) => new LazyHit(id, score / best, source, i));
  return hits.sort(compareHits);
}
