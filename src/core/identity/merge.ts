import type { Paper, SourceRef } from '../model/paper';
import { doiKey, foldText, normalizeArxivId, pmidKey, titleKey } from './normalize';

/**
 * Dedupe and merge. Two records are the same paper when
 *   1. they have the same id (same title key and same abstract fingerprint — see paperId.ts), or
 *   2. they have the same DOI, the same arXiv id (version ignored) or the same PubMed id, and compatible
 *      titles (same key, one contains the other, or at least half their words shared — a book DOI on two
 *      chapters stays apart), or
 *   3. they have the same title key and similar abstracts (at least 80% of their distinct words shared), or
 *   4. they have the same title key, one has no abstract, and exactly one paper with an abstract has that
 *      title (if there are two, the abstract-less record is ambiguous and stays on its own).
 * Identical titles with different abstracts stay distinct, with distinct ids.
 *
 * The merged paper's id is the id of the member from the earliest list (corpus) — ties broken by the smallest
 * id, never by position inside a file — so adding a corpus after the existing ones never changes an existing
 * paper's id. The other members' ids are kept in `aliases`. Metadata missing from that member is filled from
 * the others (list order, then file order); `links` and `sources` are the union of all members'.
 */

type MergeNoteKind = 'duplicate' | 'same-title-kept-apart' | 'same-identifier-kept-apart';

interface MergeNote {
  kind: MergeNoteKind;
  /** The record the note is about (its first source). */
  source: SourceRef | undefined;
  /** The record it was compared with (first source of the paper it joined or was kept apart from). */
  other: SourceRef | undefined;
  /** Id of the resulting paper the record belongs to. */
  paperId: string;
  message: string;
}

interface MergeResult {
  papers: Paper[];
  notes: MergeNote[];
}

interface Rec {
  paper: Paper;
  list: number;
  index: number;
  order: number;
  tkey: string;
  doi: string | undefined;
  arxiv: string | undefined;
  pmid: string | undefined;
  hasAbstract: boolean;
  /** Word set of the abstract, computed only when two same-title records are compared. */
  words?: Set<string>;
}

function wordsOf(r: Rec): Set<string> {
  r.words ??= wordSet(r.paper.abstract);
  return r.words;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    let j = i;
    while (this.parent[j] !== r) {
      const next = this.parent[j]!;
      this.parent[j] = r;
      j = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function wordSet(text: string): Set<string> {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => foldText(w))
    .filter((w) => w.length > 0);
  return new Set(words);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (big.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Minimum word overlap (Jaccard) for two abstracts of same-title records to count as the same text. */
const SIMILAR_ABSTRACT = 0.8;

function titlesCompatible(a: Rec, b: Rec): boolean {
  if (!a.tkey || !b.tkey) return true;
  if (a.tkey === b.tkey || a.tkey.includes(b.tkey) || b.tkey.includes(a.tkey)) return true;
  return jaccard(wordSet(a.paper.title), wordSet(b.paper.title)) >= 0.5;
}

function firstSource(p: Paper): SourceRef | undefined {
  return p.sources[0];
}

function describeSource(s: SourceRef | undefined): string {
  if (!s) return 'another record';
  if (s.line !== undefined) return `${s.file}:${s.line}`;
  if (s.record !== undefined) return `${s.file} record ${s.record}`;
  return s.file;
}

export function mergePapersDetailed(lists: Paper[][]): MergeResult {
  const recs: Rec[] = [];
  lists.forEach((list, li) =>
    list.forEach((paper, index) =>
      recs.push({
        paper,
        list: li,
        index,
        order: recs.length,
        tkey: titleKey(paper.title),
        doi: doiKey(paper.doi),
        arxiv: normalizeArxivId(paper.arxivId),
        pmid: pmidKey(paper.pmid),
        hasAbstract: paper.abstract.trim().length > 0,
      }),
    ),
  );
  const uf = new UnionFind(recs.length);
  const notes: (Omit<MergeNote, 'paperId'> & { rec: Rec })[] = [];
  const keptApartIdentifier: [Rec, Rec, string][] = [];

  const byId = groupBy(recs, (r) => r.paper.id);
  for (const g of byId.values()) for (const r of g.slice(1)) uf.union(g[0]!.order, r.order);

  for (const [label, key] of [
    ['DOI', (r: Rec) => r.doi],
    ['arXiv id', (r: Rec) => r.arxiv],
    ['PubMed id', (r: Rec) => r.pmid],
  ] as const) {
    for (const g of groupBy(recs, key).values()) {
      for (let i = 1; i < g.length; i++) {
        const r = g[i]!;
        const match = g.slice(0, i).find((o) => titlesCompatible(o, r));
        if (match) uf.union(match.order, r.order);
        else keptApartIdentifier.push([r, g[0]!, label]);
      }
    }
  }

  const byTitle = groupBy(
    recs.filter((r) => r.tkey),
    (r) => r.tkey,
  );
  for (const g of byTitle.values()) {
    if (g.length < 2) continue;
    const withAbstract = g.filter((r) => r.hasAbstract);
    for (let i = 0; i < withAbstract.length; i++)
      for (let j = i + 1; j < withAbstract.length; j++) {
        const a = withAbstract[i]!;
        const b = withAbstract[j]!;
        if (uf.find(a.order) !== uf.find(b.order) && jaccard(wordsOf(a), wordsOf(b)) >= SIMILAR_ABSTRACT)
          uf.union(a.order, b.order);
      }
  }
  for (const g of byTitle.values()) {
    const abstractRoots = new Set(g.filter((r) => r.hasAbstract).map((r) => uf.find(r.order)));
    if (abstractRoots.size !== 1) continue;
    const [target] = abstractRoots;
    for (const r of g) if (!r.hasAbstract) uf.union(target!, r.order);
  }

  // Build groups, in order of first appearance.
  const groups = new Map<number, Rec[]>();
  for (const r of recs) {
    const root = uf.find(r.order);
    const g = groups.get(root);
    if (g) g.push(r);
    else groups.set(root, [r]);
  }

  const papers: Paper[] = [];
  const paperOf = new Map<number, Paper>();
  for (const members of groups.values()) {
    const canonical = [...members].sort((a, b) => a.list - b.list || cmp(a.paper.id, b.paper.id))[0]!;
    const ordered = [canonical, ...members.filter((m) => m !== canonical)];
    const merged = mergeGroup(
      ordered.map((m) => m.paper),
      members.map((m) => m.paper),
    );
    papers.push(merged);
    for (const m of members) paperOf.set(m.order, merged);
    const first = members[0]!;
    for (const m of members.slice(1)) {
      notes.push({
        rec: m,
        kind: 'duplicate',
        source: firstSource(m.paper),
        other: firstSource(first.paper),
        message: `duplicate of the paper at ${describeSource(firstSource(first.paper))} (${reason(m, first)}): merged`,
      });
    }
  }

  for (const g of byTitle.values()) {
    const roots = [...new Set(g.map((r) => uf.find(r.order)))];
    if (roots.length < 2) continue;
    const firstOfRoot = roots.map((root) => g.find((r) => uf.find(r.order) === root)!);
    for (const r of firstOfRoot.slice(1)) {
      const why = r.hasAbstract ? 'a different abstract' : 'no abstract, and several papers have this title';
      notes.push({
        rec: r,
        kind: 'same-title-kept-apart',
        source: firstSource(r.paper),
        other: firstSource(firstOfRoot[0]!.paper),
        message: `same title as the paper at ${describeSource(firstSource(firstOfRoot[0]!.paper))} but ${why}: kept as a separate paper`,
      });
    }
  }
  for (const [r, other, label] of keptApartIdentifier) {
    if (uf.find(r.order) === uf.find(other.order)) continue;
    notes.push({
      rec: r,
      kind: 'same-identifier-kept-apart',
      source: firstSource(r.paper),
      other: firstSource(other.paper),
      message: `same ${label} as the paper at ${describeSource(firstSource(other.paper))} but a different title: kept as a separate paper`,
    });
  }

  const withIds: MergeNote[] = notes.map(({ rec, ...n }) => ({ ...n, paperId: paperOf.get(rec.order)!.id }));
  return { papers, notes: withIds };
}

/** The same paper from several corpora becomes one; see the rules at the top of this file. */
export function mergePapers(lists: Paper[][]): Paper[] {
  return mergePapersDetailed(lists).papers;
}

function reason(a: Rec, b: Rec): string {
  if (a.paper.id === b.paper.id)
    return a.hasAbstract ? 'same title and abstract' : 'same title and identifier';
  if (a.doi && a.doi === b.doi) return 'same DOI';
  if (a.arxiv && a.arxiv === b.arxiv) return 'same arXiv id';
  if (a.pmid && a.pmid === b.pmid) return 'same PubMed id';
  if (a.hasAbstract && b.hasAbstract) return 'same title, nearly the same abstract';
  return 'same title, one without abstract';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const g = out.get(k);
    if (g) g.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Field by field: the first member that has a value gives it (`members` come canonical first); sources and
 * links follow `inOrder` (list order, then file order).
 */
function mergeGroup(members: Paper[], inOrder: Paper[]): Paper {
  const [head, ...rest] = members as [Paper, ...Paper[]];
  if (!rest.length) return head;
  const pick = <K extends keyof Paper>(k: K): Paper[K] | undefined => {
    for (const m of members) {
      const v = m[k];
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      return v;
    }
    return undefined;
  };
  const merged: Paper = {
    id: head.id,
    title: pick('title') ?? head.title,
    abstract: pick('abstract') ?? '',
    links: unique(inOrder.flatMap((m) => m.links)),
    sources: inOrder.flatMap((m) => m.sources),
  };
  for (const k of FILLED_FIELDS) {
    const v = pick(k);
    if (v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v;
  }
  const aliases = unique(members.flatMap((m) => [m.id, ...(m.aliases ?? [])])).filter((id) => id !== head.id);
  if (aliases.length) merged.aliases = aliases.sort();
  return merged;
}

/** Metadata a merged paper takes from its first member that has it. */
const FILLED_FIELDS = [
  'authors',
  'year',
  'doi',
  'arxivId',
  'pmid',
  'url',
  'entryType',
  'venue',
  'keywords',
  'published',
  'citationKey',
] as const;

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
