import type { Paper } from './paper';

/** "A, B, C et al. · 2024": who wrote a paper and when, for pickers; undefined when neither is known. */
export function bylineOf(paper: Pick<Paper, 'authors' | 'year'>): string | undefined {
  const authors = paper.authors ?? [];
  const names = authors.length > 3 ? `${authors.slice(0, 3).join(', ')} et al.` : authors.join(', ');
  const parts = [names, paper.year?.toString()].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}
