/**
 * Included papers a document never cites, and cited keys that are not included papers (maybe, untriaged,
 * excluded, only in a .bib, or nowhere).
 */
import type { CiteItem, CiteKeyIndex } from './keyIndex';

export interface CitedNotIncluded {
  key: string;
  /** What the key is: a triage status, 'bib only' (a .bib entry not in the library) or 'unknown'. */
  standing: 'maybe' | 'untriaged' | 'exclude' | 'bib only' | 'unknown';
  item: CiteItem | undefined;
}

export interface CitationAudit {
  includedNotCited: CiteItem[];
  citedNotIncluded: CitedNotIncluded[];
}

export function auditCitations(citedKeys: Iterable<string>, index: CiteKeyIndex): CitationAudit {
  const cited = new Map<string, string>();
  for (const key of citedKeys) if (!cited.has(key.toLowerCase())) cited.set(key.toLowerCase(), key);
  const includedNotCited = index.items.filter(
    (item) => item.status === 'include' && !cited.has(item.foldedKey),
  );
  const citedNotIncluded: CitedNotIncluded[] = [];
  for (const key of cited.values()) {
    const item = index.get(key);
    if (item?.status === 'include') continue;
    citedNotIncluded.push({ key, standing: item ? (item.status ?? 'bib only') : 'unknown', item });
  }
  return { includedNotCited, citedNotIncluded };
}
