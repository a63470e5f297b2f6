/**
 * TF-IDF vectors of papers over single words and two-word phrases, for clustering. Title phrases count
 * double (a title says what a paper is about). Only phrases shared by at least two papers and by at most
 * MAX_DOCUMENT_SHARE of them are features; at most MAX_FEATURES features (the most widespread) and at most
 * MAX_TERMS_PER_PAPER weights per paper are kept, so memory and time stay linear in the corpus size.
 */
import { forEachShortGram } from './grams';
import type { UnitKind, UnitSequence } from './textUnits';

const TITLE_WEIGHT = 3;
const MAX_DOCUMENT_SHARE = 0.5;
const MAX_FEATURES = 10000;
const MAX_TERMS_PER_PAPER = 60;

export interface PaperUnits {
  title: UnitSequence;
  abstract: UnitSequence;
}

/** A unit-length sparse vector; `indices` ascending. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

interface TermVectors {
  vectors: SparseVector[];
  /** Number of features (dimensions). */
  dimensions: number;
}

export function termVectors(papers: readonly PaperUnits[], kinds: readonly UnitKind[]): TermVectors {
  // Two passes over the phrases (document frequencies, then vectors) rather than one map per paper kept in
  // memory: at 100k papers those maps alone take gigabytes.
  const documentFrequency = new Map<number, number>();
  const seen = new Set<number>();
  const count = (key: number) => {
    if (seen.has(key)) return;
    seen.add(key);
    documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  };
  for (const paper of papers) {
    seen.clear();
    forEachShortGram(paper.title, kinds, kinds.length, count);
    forEachShortGram(paper.abstract, kinds, kinds.length, count);
  }
  const maxDf = Math.max(2, Math.floor(papers.length * MAX_DOCUMENT_SHARE));
  const features = [...documentFrequency.entries()]
    .filter(([, df]) => df >= 2 && df <= maxDf)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_FEATURES);
  const featureIndex = new Map<number, number>();
  const idf: number[] = [];
  features.forEach(([key, df], i) => {
    featureIndex.set(key, i);
    idf.push(Math.log(papers.length / df));
  });
  const vectors = papers.map((p) => tfIdfVector(phraseFrequencies(p, kinds), featureIndex, idf));
  return { vectors, dimensions: features.length };
}

function phraseFrequencies(paper: PaperUnits, kinds: readonly UnitKind[]): Map<number, number> {
  const tf = new Map<number, number>();
  const add = (weight: number) => (key: number) => tf.set(key, (tf.get(key) ?? 0) + weight);
  forEachShortGram(paper.title, kinds, kinds.length, add(TITLE_WEIGHT));
  forEachShortGram(paper.abstract, kinds, kinds.length, add(1));
  return tf;
}

function tfIdfVector(
  tf: Map<number, number>,
  featureIndex: Map<number, number>,
  idf: number[],
): SparseVector {
  const entries: Array<[number, number]> = [];
  for (const [key, count] of tf) {
    const index = featureIndex.get(key);
    if (index !== undefined) entries.push([index, (1 + Math.log(count)) * idf[index]!]);
  }
  const kept = entries
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_TERMS_PER_PAPER)
    .sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(kept.reduce((sum, [, w]) => sum + w * w, 0));
  return {
    indices: Int32Array.from(kept, ([i]) => i),
    values: Float64Array.from(kept, ([, w]) => (norm > 0 ? w / norm : 0)),
  };
}
