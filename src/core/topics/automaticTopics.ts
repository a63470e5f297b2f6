/**
 * Automatic topics: TF-IDF over words and two-word phrases, clustered by theme (themeClustering.ts) into
 * about √(n/2) clusters, each named by its most distinctive phrase (clusterLabels.ts). Papers that fit no cluster well, clusters too small
 * to be a topic, and clusters without a shared phrase go to "Other".
 */
import type { Paper } from '../model/paper';
import { labelClusters, type LabelledPaper } from './clusterLabels';
import { termVectors } from './termVectors';
import { UnitVocabulary, unitIds } from './textUnits';
import { themeClustering } from './themeClustering';
import { topicCount } from './topicCount';

/** A paper less similar than this to its cluster's centre is a straggler. */
const STRAGGLER_SIMILARITY = 0.3;

interface AutomaticTopic {
  label: string;
  paperIds: string[];
}

interface AutomaticTopicOptions {
  /** Number of clusters; default topicCount(papers). */
  topics?: number;
  /** Largest number of papers to fit the clusters on; see themeClustering. */
  fitPapers?: number;
}

/** Groups papers (given in a canonical order) into labelled topics plus the ids left for "Other". */
export function automaticTopics(
  papers: readonly Paper[],
  options: AutomaticTopicOptions = {},
): { topics: AutomaticTopic[]; other: string[] } {
  if (papers.length === 0) return { topics: [], other: [] };
  const vocabulary = new UnitVocabulary();
  const labelled: LabelledPaper[] = papers.map((p) => ({
    title: p.title,
    abstract: p.abstract,
    units: { title: unitIds(p.title, vocabulary), abstract: unitIds(p.abstract, vocabulary) },
  }));
  const { vectors, dimensions } = termVectors(
    labelled.map((p) => p.units),
    vocabulary.kinds,
  );
  const k = options.topics ?? topicCount(papers.length);
  const minimumSize = Math.max(2, Math.ceil(papers.length / 200));
  const { assignment, similarity } = themeClustering(vectors, dimensions, {
    k,
    minimumSize,
    fitPapers: options.fitPapers,
  });
  const members: number[][] = Array.from({ length: k }, () => []);
  const other: string[] = [];
  papers.forEach((paper, i) => {
    const cluster = assignment[i]!;
    if (cluster < 0 || similarity[i]! < STRAGGLER_SIMILARITY) other.push(paper.id);
    else members[cluster]!.push(i);
  });
  const clusters = members.filter((m) => {
    if (m.length >= minimumSize) return true;
    for (const i of m) other.push(papers[i]!.id);
    return false;
  });
  const labels = labelClusters(labelled, clusters, vocabulary);
  const topics: AutomaticTopic[] = [];
  clusters.forEach((m, c) => {
    const label = labels[c];
    const ids = m.map((i) => papers[i]!.id);
    if (label === undefined) other.push(...ids);
    else topics.push({ label: capitalise(label), paperIds: ids });
  });
  return { topics, other };
}

function capitalise(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
