/**
 * Inclusion and exclusion terms in a paper's title and abstract (rules: README.md in this folder). The terms
 * are compiled once into a trie of folded tokens; matching a text folds it, splits it into tokens and walks
 * the trie from each token, so the cost grows with the text and the terms that really match there, never
 * with the number of terms, and no regular expression is built from what the user typed.
 */
import { parseTerm, type TermStep } from './highlightTerm';
import type { HighlightSetting } from './highlightSetting';
import { foldForMatching, originalSpan } from './matchFold';
import { linkedKey, tokenize } from './matchTokens';

export type HighlightKind = 'include' | 'exclude';

export interface HighlightRange {
  /** UTF-16 offset of the first highlighted character in the original text. */
  start: number;
  /** Offset just after the last one. */
  end: number;
  kind: HighlightKind;
  /** The term as written in the setting. */
  term: string;
}

export interface HighlightCounts {
  /** Distinct inclusion terms found (a term found three times counts once). */
  include: number;
  exclude: number;
  /** Every highlighted occurrence. */
  includeOccurrences: number;
  excludeOccurrences: number;
}

export interface PaperHighlights {
  title: HighlightRange[];
  abstract: HighlightRange[];
  counts: HighlightCounts;
}

interface TermInfo {
  term: string;
  kind: HighlightKind;
  literal: number;
  order: number;
}

interface TrieNode {
  exact: Map<string, TrieNode> | undefined;
  prefix: CharNode | undefined;
  include: TermInfo | undefined;
  exclude: TermInfo | undefined;
}

/** A trie of the characters of `prefix*` tokens; `target` is the node reached once the token matched. */
interface CharNode {
  next: Map<string, CharNode>;
  target: TrieNode | undefined;
}

function trieNode(): TrieNode {
  return { exact: undefined, prefix: undefined, include: undefined, exclude: undefined };
}

function step(node: TrieNode, { key, prefix }: TermStep): TrieNode {
  if (!prefix) {
    node.exact ??= new Map();
    let child = node.exact.get(key);
    if (!child) node.exact.set(key, (child = trieNode()));
    return child;
  }
  let chars = (node.prefix ??= { next: new Map(), target: undefined });
  for (let i = 0; i < key.length; i++) {
    let next = chars.next.get(key[i]!);
    if (!next) chars.next.set(key[i]!, (next = { next: new Map(), target: undefined }));
    chars = next;
  }
  return (chars.target ??= trieNode());
}

interface Candidate {
  first: number;
  /** Token after the last one. */
  last: number;
  start: number;
  end: number;
  info: TermInfo;
}

export class Highlighter {
  private readonly root = trieNode();
  /** Whether each list has at least one usable term. */
  readonly has: Readonly<Record<HighlightKind, boolean>>;

  /** Terms that cannot match (empty, no letter or digit) are skipped; checkHighlightSetting names them. */
  constructor(setting: HighlightSetting) {
    const has = { include: false, exclude: false };
    let order = 0;
    for (const kind of ['include', 'exclude'] as const) {
      for (const term of setting[kind]) {
        if (typeof term !== 'string') continue;
        const parsed = parseTerm(term);
        if (!('term' in parsed)) continue;
        let node = this.root;
        for (const s of parsed.term.steps) node = step(node, s);
        // The first spelling of a folded term is the one shown; a term in both lists is in both slots.
        node[kind] ??= { term, kind, literal: parsed.term.literal, order: order++ };
        has[kind] = true;
      }
    }
    this.has = has;
  }

  get empty(): boolean {
    return !this.has.include && !this.has.exclude;
  }

  /** Non-overlapping ranges of the terms in `text`, in text order. */
  match(text: string): HighlightRange[] {
    if (this.empty || !text) return [];
    const fold = foldForMatching(text);
    const tokens = tokenize(fold.folded);
    const { words } = tokens;
    const candidates: Candidate[] = [];
    const stack: Array<TrieNode | number> = [];
    const add = (info: TermInfo | undefined, first: number, last: number) => {
      if (!info) return;
      const [start, end] = originalSpan(fold, tokens.starts[first]!, tokens.ends[last - 1]!);
      candidates.push({ first, last, start, end, info });
    };
    for (let first = 0; first < words.length; first++) {
      stack.push(this.root, first);
      while (stack.length) {
        const at = stack.pop() as number;
        const node = stack.pop() as TrieNode;
        if (at > first) {
          add(node.include, first, at);
          add(node.exclude, first, at);
        }
        if (at === words.length) continue;
        const key = at === first ? words[at]! : linkedKey(tokens, at);
        const child = node.exact?.get(key);
        if (child) stack.push(child, at + 1);
        let chars = node.prefix;
        for (let i = 0; chars && i < key.length; i++) {
          chars = chars.next.get(key[i]!);
          if (chars?.target) stack.push(chars.target, at + 1);
        }
      }
    }
    return choose(candidates, words.length);
  }

  highlight(paper: { readonly title: string; readonly abstract: string }): PaperHighlights {
    const title = this.match(paper.title);
    const abstract = this.match(paper.abstract);
    return { title, abstract, counts: countTerms([...title, ...abstract]) };
  }
}

export function compileHighlighter(setting: HighlightSetting): Highlighter {
  return new Highlighter(setting);
}

/**
 * Where terms overlap, the one covering more text wins; at equal length the more literal one (`children`
 * over `child*`), then the exclusion term, then the earlier one. Losers are dropped, so no two ranges overlap.
 */
function choose(candidates: Candidate[], tokenCount: number): HighlightRange[] {
  if (candidates.length === 0) return [];
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      b.info.literal - a.info.literal ||
      (a.info.kind === b.info.kind ? 0 : a.info.kind === 'exclude' ? -1 : 1) ||
      a.start - b.start ||
      a.info.order - b.info.order,
  );
  const taken = new Uint8Array(tokenCount);
  const ranges: HighlightRange[] = [];
  for (const c of candidates) {
    let free = true;
    for (let t = c.first; t < c.last && free; t++) free = taken[t] === 0;
    if (!free) continue;
    taken.fill(1, c.first, c.last);
    ranges.push({ start: c.start, end: c.end, kind: c.info.kind, term: c.info.term });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

export function countTerms(ranges: readonly HighlightRange[]): HighlightCounts {
  const distinct = { include: new Set<string>(), exclude: new Set<string>() };
  const counts: HighlightCounts = { include: 0, exclude: 0, includeOccurrences: 0, excludeOccurrences: 0 };
  for (const r of ranges) {
    distinct[r.kind].add(r.term);
    if (r.kind === 'include') counts.includeOccurrences++;
    else counts.excludeOccurrences++;
  }
  counts.include = distinct.include.size;
  counts.exclude = distinct.exclude.size;
  return counts;
}

/**
 * "3 inclusion terms, 1 exclusion term": the distinct terms found, for each list that has terms (a list the
 * reviewer left empty is not mentioned). Empty when neither list has terms.
 */
export function highlightCountLabel(
  counts: HighlightCounts,
  has: Readonly<Record<HighlightKind, boolean>>,
): string {
  const parts: string[] = [];
  if (has.include) parts.push(`${counts.include} inclusion ${counts.include === 1 ? 'term' : 'terms'}`);
  if (has.exclude) parts.push(`${counts.exclude} exclusion ${counts.exclude === 1 ? 'term' : 'terms'}`);
  return parts.join(', ');
}
