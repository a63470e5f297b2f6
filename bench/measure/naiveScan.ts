/**
 * The floor for full-text queries: a plain linear scan that lower-cases and accent-folds every paper's text
 * once, then answers a query by substring tests over all of it, ranking papers by how many query words they
 * contain. No index, no stemming, no syntax.
 */
import type { Paper } from '../../src/core/model/paper';

const QUERY_WORD = /[\p{L}\p{N}]+/gu;

function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text)
    ? text.toLowerCase()
    : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export class NaiveScan {
  private readonly texts: string[];
  private readonly ids: string[];

  constructor(papers: readonly Paper[]) {
    this.texts = papers.map((p) => fold(`${p.title}\n${p.abstract}\n${(p.authors ?? []).join('; ')}`));
    this.ids = papers.map((p) => p.id);
  }

  search(query: string): string[] {
    const words = [...new Set(fold(query).match(QUERY_WORD) ?? [])].filter((w) => w.length > 1);
    if (words.length === 0) return [];
    const hits: { id: string; count: number }[] = [];
    for (let i = 0; i < this.texts.length; i++) {
      const text = this.texts[i]!;
      let count = 0;
      for (const word of words) if (text.includes(word)) count++;
      if (count > 0) hits.push({ id: this.ids[i]!, count });
    }
    return hits.sort((a, b) => b.count - a.count).map((h) => h.id);
  }
}
