/**
 * Names each cluster after the phrase (1–4 words) that best tells its papers apart from the rest of the
 * corpus. For a phrase found in a share p_in of the cluster's papers and p_out of the other papers:
 *
 *   score = p_in² × log((p_in + ε) / (p_out + ε)) × (1 + TITLE_BONUS × share of cluster titles with it)
 *                 × (1 + LENGTH_BONUS × (words − 1))
 *
 * i.e. common in the cluster (squared: a label should describe most of its papers, not a pair of them),
 * rare outside it, preferably in titles, and a longer phrase wins over its own fragments when it is about
 * as frequent ("time series forecasting" over "time series"). A single word must also appear in at least
 * two of the cluster's titles (words that only abstracts use, like "observations", say little about what
 * the papers are), and a lone adjective ("visual") is ranked down. A label must cover at least
 * MIN_LABEL_SHARE of the cluster and be MIN_LABEL_LIFT times more common there than elsewhere; a cluster
 * without such a phrase is a miscellany and goes to "Other".
 *
 * Shares are counted on evenly spaced samples of large clusters and of the corpus, which keeps labelling
 * cost bounded for 100k papers. Labels quote the papers' own words (the most common spelling), never stems.
 */
import { forEachGram, gramLength } from './grams';
import type { PaperUnits } from './termVectors';
import { unitSequence, type UnitKind, type UnitVocabulary } from './textUnits';

const MAX_LABEL_WORDS = 4;
const EPSILON = 0.02;
const TITLE_BONUS = 0.5;
const LENGTH_BONUS = 0.3;
/** An adjective names no topic; a phrase ending in a noun may ("visual reasoning"). */
const ADJECTIVE_PENALTY = 0.5;
/** A candidate must occur in at least this share of the cluster's papers (and in two papers). */
const MIN_CLUSTER_SHARE = 0.15;
/**
 * A label must describe the cluster: occur in this share of its papers, and be this many times more common
 * there than in the rest of the corpus. A cluster with no such phrase is a miscellany and gets no label.
 */
const MIN_LABEL_SHARE = 0.4;
const MIN_LABEL_LIFT = 1.5;
/** Best candidates whose spelling is looked at before choosing. */
const SHORTLIST = 10;
/** Candidates kept per cluster before scoring. */
const CANDIDATES_PER_CLUSTER = 40;
const CLUSTER_SAMPLE = 150;
const CORPUS_SAMPLE = 2000;

export interface LabelledPaper {
  title: string;
  abstract: string;
  units: PaperUnits;
}

interface LabelCandidate {
  /** Phrase key (word ids). */
  key: string;
  /** Share of the cluster's papers using the phrase. */
  clusterShare: number;
  /** Number of (sampled) cluster papers with the phrase in their title. */
  titles: number;
  /** Share of the cluster's papers with the phrase in their title. */
  titleShare: number;
  /** Share of the corpus's papers using the phrase. */
  corpusShare: number;
  score: number;
}

/** One label per cluster (clusters given as paper indices); `undefined` when nothing is shared. */
export function labelClusters(
  papers: readonly LabelledPaper[],
  clusters: readonly number[][],
  vocabulary: UnitVocabulary,
): Array<string | undefined> {
  const ranked = rankLabelCandidates(papers, clusters, vocabulary);
  const taken = new Set<string>();
  // Larger clusters choose first, so a shared best phrase names the cluster it describes best.
  const order = clusters.map((_, c) => c).sort((a, b) => clusters[b]!.length - clusters[a]!.length || a - b);
  const labels: Array<string | undefined> = new Array<string | undefined>(clusters.length);
  for (const c of order) {
    const sample = evenlySpaced(clusters[c]!, CLUSTER_SAMPLE);
    const shortlist = ranked[c]!.filter((candidate) => !taken.has(candidate.key)).slice(0, SHORTLIST);
    const spellings = spellingsOf(papers, sample, new Set(shortlist.map((x) => x.key)), vocabulary);
    const named = shortlist
      .map((candidate) => {
        const label = spellings.get(candidate.key) ?? '';
        return {
          candidate,
          label,
          score: candidate.score * (endsInAdjective(label) ? ADJECTIVE_PENALTY : 1),
        };
      })
      .sort((a, b) => b.score - a.score || (a.candidate.key < b.candidate.key ? -1 : 1));
    const chosen = named.find(
      ({ label }) =>
        label !== '' && !labels.some((other) => other !== undefined && sameMeaning(label, other)),
    );
    if (!chosen) continue;
    taken.add(chosen.candidate.key);
    labels[c] = chosen.label;
  }
  return labels;
}

/**
 * English phrases end in their head noun: "visual reasoning" is a topic, "visual" or "high-dimensional"
 * is not. Adjective endings are a heuristic, so such labels are ranked down, not excluded.
 */
const ADJECTIVE_ENDING = /(?:al|ive|ous|ic|ible|able|ful|less|ary|ular)$/;

function endsInAdjective(label: string): boolean {
  return ADJECTIVE_ENDING.test(label.toLowerCase());
}

/** "LLMs" and "large language models" name the same thing; so do two spellings of one phrase. */
function sameMeaning(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || isAcronymOf(x, y) || isAcronymOf(y, x);
}

function isAcronymOf(short: string, long: string): boolean {
  const initials = long
    .split(/[\s-]+/)
    .map((w) => w.charAt(0))
    .join('');
  const bare = short.replace(/s$/, '');
  return (
    !short.includes(' ') && bare.length >= 2 && (bare === initials || bare === initials.replace(/s$/, ''))
  );
}

/** Label candidates of each cluster, best first. */
function rankLabelCandidates(
  papers: readonly LabelledPaper[],
  clusters: readonly number[][],
  vocabulary: UnitVocabulary,
): LabelCandidate[][] {
  const kinds = vocabulary.kinds;
  const candidates = clusters.map((members) => clusterCandidates(papers, members, kinds));
  const wanted = new Set(candidates.flatMap((list) => list.map((c) => c.key)));
  const corpusSample = evenlySpaced(
    papers.map((_, i) => i),
    CORPUS_SAMPLE,
  );
  const corpusCounts = phraseCounts(papers, corpusSample, kinds, wanted).inPaper;
  return candidates.map((list, c) => {
    const size = clusters[c]!.length;
    return list
      .map((candidate) => {
        const corpusShare = (corpusCounts.get(candidate.key) ?? 0) / corpusSample.length;
        const scored = { ...candidate, corpusShare };
        return { ...scored, score: score(scored, size, papers.length) };
      })
      .filter((candidate) => describesCluster(candidate, size, papers.length))
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  });
}

function clusterCandidates(
  papers: readonly LabelledPaper[],
  members: readonly number[],
  kinds: readonly UnitKind[],
): LabelCandidate[] {
  const sample = evenlySpaced(members, CLUSTER_SAMPLE);
  const { inPaper, inTitle } = phraseCounts(papers, sample, kinds);
  const minimum = Math.max(2, Math.ceil(sample.length * MIN_CLUSTER_SHARE));
  return [...inPaper.entries()]
    .filter(([, count]) => count >= minimum)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, CANDIDATES_PER_CLUSTER)
    .map(([key, count]) => {
      const titles = inTitle.get(key) ?? 0;
      return {
        key,
        clusterShare: count / sample.length,
        titles,
        titleShare: titles / sample.length,
        corpusShare: 0,
        score: 0,
      };
    });
}

function describesCluster(candidate: LabelCandidate, size: number, total: number): boolean {
  if (gramLength(candidate.key) === 1 && candidate.titles < 2) return false;
  const pIn = candidate.clusterShare;
  return (
    candidate.score > 0 &&
    pIn >= MIN_LABEL_SHARE &&
    pIn >= MIN_LABEL_LIFT * outsideShare(candidate, size, total)
  );
}

/** Share of the papers outside the cluster that use the phrase. */
function outsideShare(candidate: LabelCandidate, size: number, total: number): number {
  const outside = total - size;
  return outside > 0
    ? Math.max(0, (candidate.corpusShare * total - candidate.clusterShare * size) / outside)
    : 0;
}

function score(candidate: LabelCandidate, size: number, total: number): number {
  const pIn = candidate.clusterShare;
  const pOut = outsideShare(candidate, size, total);
  const distinctiveness = pIn * pIn * Math.log((pIn + EPSILON) / (pOut + EPSILON));
  const words = gramLength(candidate.key);
  return distinctiveness * (1 + TITLE_BONUS * candidate.titleShare) * (1 + LENGTH_BONUS * (words - 1));
}

/** In how many of the given papers each phrase occurs (anywhere / in the title); optionally only `wanted`. */
function phraseCounts(
  papers: readonly LabelledPaper[],
  indices: readonly number[],
  kinds: readonly UnitKind[],
  wanted?: ReadonlySet<string>,
): { inPaper: Map<string, number>; inTitle: Map<string, number> } {
  const inPaper = new Map<string, number>();
  const inTitle = new Map<string, number>();
  for (const i of indices) {
    const { title, abstract } = papers[i]!.units;
    const titleKeys = gramKeys(title, kinds, wanted);
    const keys = new Set([...titleKeys, ...gramKeys(abstract, kinds, wanted)]);
    for (const key of keys) inPaper.set(key, (inPaper.get(key) ?? 0) + 1);
    for (const key of titleKeys) inTitle.set(key, (inTitle.get(key) ?? 0) + 1);
  }
  return { inPaper, inTitle };
}

function gramKeys(ids: Int32Array, kinds: readonly UnitKind[], wanted?: ReadonlySet<string>): Set<string> {
  const keys = new Set<string>();
  forEachGram(ids, kinds, MAX_LABEL_WORDS, (key) => {
    if (!wanted || wanted.has(key)) keys.add(key);
  });
  return keys;
}

/** At most `limit` items, evenly spread over the list (all of them when the list is short). */
function evenlySpaced<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  return Array.from({ length: limit }, (_, i) => items[Math.floor((i * items.length) / limit)]!);
}

/** The most common way the papers write each phrase, by phrase key. */
function spellingsOf(
  papers: readonly LabelledPaper[],
  members: readonly number[],
  keys: ReadonlySet<string>,
  vocabulary: UnitVocabulary,
): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const i of members) {
    const paper = papers[i]!;
    // Positions are only kept for the few papers whose words are quoted.
    const collect = (text: string) => {
      const sequence = unitSequence(text, vocabulary);
      forEachGram(sequence.ids, vocabulary.kinds, MAX_LABEL_WORDS, (key, from, to) => {
        if (!keys.has(key)) return;
        const spelling = displayForm(text.slice(sequence.starts[from]!, sequence.ends[to - 1]!));
        const forKey = counts.get(key) ?? new Map<string, number>();
        forKey.set(spelling, (forKey.get(spelling) ?? 0) + 1);
        counts.set(key, forKey);
      });
    };
    collect(paper.title);
    collect(paper.abstract);
  }
  const best = new Map<string, string>();
  for (const [key, forKey] of counts) {
    const [top] = [...forKey.entries()].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
    );
    if (top) best.set(key, top[0]);
  }
  return best;
}

const INNER_CAPITAL = /[\p{Ll}\p{N}]\p{Lu}|\p{Lu}{2}/u;

/** Collapses spaces; lower-cases words except acronyms and names with inner capitals (LLMs, NeRF). */
function displayForm(text: string): string {
  return text
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => (INNER_CAPITAL.test(w) ? w : w.toLowerCase()))
    .join(' ');
}
