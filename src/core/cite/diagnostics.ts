/**
 * Problems with the keys a document cites:
 * - `unresolved` (error): no `.bib` in the workspace defines the key. `paperId` names the library paper to add
 *   (the quick fix): the paper the key belongs to, else the one paper whose title words and year the key spells
 *   (`vaswaniAttentionAllYou2017`, `attention-is-all-2017`).
 * - `excluded` (warning): the key's paper was excluded in triage.
 * - `conflicting` (warning): the key is defined more than once with different content.
 */
import { shortTitleWords } from '../bibtex/citeKey';
import type { CitedKey } from './citedKeys';
import { fold, type CiteItem, type CiteKeyIndex } from './keyIndex';

export type CiteProblemKind = 'unresolved' | 'excluded' | 'conflicting';

export interface CiteProblem {
  kind: CiteProblemKind;
  severity: 'error' | 'warning';
  key: string;
  start: number;
  end: number;
  message: string;
  /** The library paper the quick fix adds (unresolved keys only). */
  paperId?: string;
}

export function citationProblems(cited: readonly CitedKey[], index: CiteKeyIndex): CiteProblem[] {
  const problems: CiteProblem[] = [];
  const conflicting = new Map(
    index
      .duplicates()
      .filter((d) => d.differs)
      .map((d) => [d.key.toLowerCase(), d]),
  );
  const guesses = new Map<string, CiteItem | undefined>();
  for (const c of cited) {
    const item = index.get(c.key);
    const at = { key: c.key, start: c.start, end: c.end };
    if (!item || item.definitions.length === 0) {
      let paper = item?.paperId ? item : undefined;
      if (!paper) {
        if (!guesses.has(c.key)) guesses.set(c.key, guessPaper(c.key, index));
        paper = guesses.get(c.key);
      }
      const message = paper
        ? item
          ? `'${c.key}' is in the library (“${paper.title}”) but in no .bib file yet.`
          : `'${c.key}' is defined in no .bib file; the library has “${paper.title}” (${paper.key}).`
        : `'${c.key}' is defined in no .bib file of the workspace.`;
      problems.push({ kind: 'unresolved', severity: 'error', ...at, message, paperId: paper?.paperId });
      continue;
    }
    if (item.status === 'exclude')
      problems.push({
        kind: 'excluded',
        severity: 'warning',
        ...at,
        message: `'${c.key}' cites “${item.title}”, which triage excluded.`,
      });
    const dup = conflicting.get(c.key.toLowerCase());
    if (dup)
      problems.push({
        kind: 'conflicting',
        severity: 'warning',
        ...at,
        message: `'${c.key}' is defined ${dup.definitions.length} times with different content: ${dup.definitions
          .map((d) => `${d.file}:${d.line}`)
          .join(', ')}.`,
      });
  }
  return problems;
}

/** Lowercase words of a key: camel case, digits and punctuation split. */
export function keyWords(key: string): string[] {
  return fold(key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, '$1$3 $2$4'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

interface TitleEntry {
  item: CiteItem;
  title: string[];
  authors: Set<string>;
}

/** Library papers by significant title word, built once per index (diagnostics run on every change). */
const titleIndexes = new WeakMap<CiteKeyIndex, Map<string, TitleEntry[]>>();

function titleIndex(index: CiteKeyIndex): Map<string, TitleEntry[]> {
  let byWord = titleIndexes.get(index);
  if (byWord) return byWord;
  byWord = new Map();
  for (const item of index.items) {
    if (!item.paperId) continue;
    const title = [...new Set(shortTitleWords(item.title).map((w) => w.toLowerCase()))];
    const entry = { item, title, authors: new Set(item.authors.flatMap(keyWords)) };
    for (const w of title) {
      const list = byWord.get(w);
      if (list) list.push(entry);
      else byWord.set(w, [entry]);
    }
  }
  titleIndexes.set(index, byWord);
  return byWord;
}

/** The one library paper whose significant title words (two at least, or all of a shorter title) the key holds. */
function guessPaper(key: string, index: CiteKeyIndex): CiteItem | undefined {
  const words = new Set(keyWords(key));
  const year = [...words].find((w) => /^\d{4}$/.test(w));
  const byWord = titleIndex(index);
  const candidates = new Set<TitleEntry>();
  for (const w of words) for (const entry of byWord.get(w) ?? []) candidates.add(entry);
  let best: CiteItem | undefined;
  let bestScore = 0;
  let tie = false;
  for (const { item, title, authors } of candidates) {
    if (year && item.year && item.year !== year) continue;
    const hits = title.filter((w) => words.has(w)).length;
    if (hits < Math.min(2, title.length)) continue;
    const score = hits + ([...words].some((w) => authors.has(w)) ? 1 : 0);
    if (score > bestScore) {
      best = item;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie ? undefined : best;
}
