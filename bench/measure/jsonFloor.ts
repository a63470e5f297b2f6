/** The floor for a cached load: JSON.parse of a document as large as the cached index. */
import type { Paper } from '../../src/core/model/paper';

/** A JSON array of paper records (id, title, abstract, authors) of at least `bytes` UTF-8 bytes. */
export function jsonOfSize(papers: readonly Paper[], bytes: number): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let size = 2;
  for (let i = 0; size < bytes && papers.length > 0; i++) {
    const p = papers[i % papers.length]!;
    const part = JSON.stringify({
      id: `${p.id}-${i}`,
      title: p.title,
      abstract: p.abstract,
      authors: p.authors ?? [],
    });
    parts.push(part);
    size += encoder.encode(part).byteLength + 1;
  }
  return `[${parts.join(',')}]`;
}
