/**
 * Builds Postings from documents given as one text per field. Words are found with wordSpans, turned into
 * terms by the (cached) lunr pipeline, counted per document, and collected as (term, document, frequency)
 * triples in typed arrays; a counting sort by term then lays them out per term. Memory stays proportional to
 * the number of postings, with no object per posting.
 */
import { GrowableUint32 } from './growable';
import { MAX_FIELD_LENGTH, MAX_TERM_FREQUENCY, Postings, type FieldPostings } from './postings';
import type { TermPipeline } from './termPipeline';
import { wordSpans } from './words';

export interface FieldSpec {
  name: string;
  boost: number;
  /** The field's text in document d ('' when it has none). */
  text(d: number): string;
}

export function buildPostings(
  docCount: number,
  specs: readonly FieldSpec[],
  pipeline: TermPipeline,
): Postings {
  const termIds = new Map<string, number>();
  const collected = specs.map((spec) => {
    const termsOf = new GrowableUint32(docCount * 8);
    const docsOf = new GrowableUint32(docCount * 8);
    const frequencies = new GrowableUint32(docCount * 8);
    const lengths = new Uint16Array(docCount);
    const counts = new Map<number, number>();
    for (let d = 0; d < docCount; d++) {
      const text = spec.text(d);
      if (text === '') continue; // most papers have no tags: nothing to count
      counts.clear();
      let length = 0;
      for (const span of wordSpans(text)) {
        const term = pipeline.termOf(span.text);
        if (term === undefined) continue;
        let id = termIds.get(term);
        if (id === undefined) termIds.set(term, (id = termIds.size));
        counts.set(id, (counts.get(id) ?? 0) + 1);
        length++;
      }
      lengths[d] = Math.min(length, MAX_FIELD_LENGTH);
      for (const [id, count] of counts) {
        termsOf.push(id);
        docsOf.push(d);
        frequencies.push(Math.min(count, MAX_TERM_FREQUENCY));
      }
    }
    return { spec, termsOf, docsOf, frequencies, lengths };
  });

  const terms = [...termIds.keys()].sort();
  const rank = new Uint32Array(terms.length);
  terms.forEach((term, i) => (rank[termIds.get(term)!] = i));
  termIds.clear();

  const fields: FieldPostings[] = collected.map(({ spec, termsOf, docsOf, frequencies, lengths }) => {
    const offsets = new Uint32Array(terms.length + 1);
    for (let i = 0; i < termsOf.length; i++) offsets[rank[termsOf.get(i)]! + 1]!++;
    for (let t = 0; t < terms.length; t++) offsets[t + 1]! += offsets[t]!;
    const next = offsets.slice(0, terms.length);
    const docs = new Uint32Array(termsOf.length);
    const freqs = new Uint8Array(termsOf.length);
    // Triples come in document order, so each term's documents end up ascending.
    for (let i = 0; i < termsOf.length; i++) {
      const at = next[rank[termsOf.get(i)]!]!++;
      docs[at] = docsOf.get(i);
      freqs[at] = frequencies.get(i);
    }
    return { name: spec.name, boost: spec.boost, offsets, docs, frequencies: freqs, lengths };
  });
  return new Postings(docCount, terms, fields);
}
