/**
 * Every citation key a document can use: the project's papers (with the key Export BibTeX gives them, pinned
 * or not) and the entries of every `.bib` in the workspace. A `.bib` entry and a paper are one item when they
 * share a key (case-insensitively, as BibTeX compares keys) or a DOI. A key defined in several places is one
 * item with all its definitions; `duplicates()` reports each such key once, saying whether the contents differ.
 *
 * Search matches every typed word against a prefix of the key or of a title word or author name, accents and
 * case folded; included papers come first, then maybe, then the rest, excluded papers last.
 */
import type { BibEntry } from '../bibtex/bibFile';
import { latexToText } from '../bibtex/latexText';
import type { Paper } from '../model/paper';
import type { PaperTriage, TriageStatus } from '../triage/types';

export interface BibSource {
  /** A workspace-relative or absolute name, shown to the user. */
  file: string;
  entries: readonly BibEntry[];
}

export interface LibraryPaper {
  paper: Paper;
  triage: PaperTriage | undefined;
  /** Pinned, or the key Export BibTeX would give it (bibtex/exportEntries.ts `keyPapers`). */
  key: string;
}

export interface Definition {
  file: string;
  line: number;
  /** As written in the file (may differ in case from the item's key). */
  key: string;
  entry: BibEntry;
}

export interface CiteItem {
  key: string;
  title: string;
  authors: string[];
  year: string;
  venue: string;
  abstract: string;
  /** undefined: only in a .bib, not in the library. */
  status: TriageStatus | undefined;
  tags: readonly string[];
  note: string;
  paperId: string | undefined;
  definitions: Definition[];
  /** Folded key, title words and author names, for search. */
  words: string[];
  foldedKey: string;
}

export interface DuplicateKey {
  key: string;
  definitions: Definition[];
  differs: boolean;
}

export interface SearchResult {
  items: CiteItem[];
  /** More items matched than the limit. */
  incomplete: boolean;
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const splitWords = (text: string): string[] =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const RANK: Record<TriageStatus, number> = { include: 0, maybe: 1, untriaged: 2, exclude: 3 };
const rank = (item: CiteItem): number => (item.status ? RANK[item.status] : 2);

const field = (entry: BibEntry, name: string): string => {
  const raw = entry.fields.get(name);
  return raw === undefined ? '' : latexToText(raw).trim();
};

function bibAuthors(entry: BibEntry): string[] {
  const raw = entry.fields.get('author') ?? entry.fields.get('editor');
  if (!raw) return [];
  return raw
    .split(/\s+and\s+/i)
    .map((n) => latexToText(n).trim())
    .filter(Boolean);
}

const normDoi = (doi: string): string =>
  doi
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//, '');

/** An entry's content with layout removed: two definitions differ when this differs. */
function contentOf(entry: BibEntry): string {
  const parts = [...entry.fields].map(([k, v]) => `${k}=${v.replace(/\s+/g, ' ').trim()}`).sort();
  return entry.type + '\n' + parts.join('\n');
}

export class CiteKeyIndex {
  readonly items: readonly CiteItem[];
  private readonly byKey = new Map<string, CiteItem>();

  constructor(papers: readonly LibraryPaper[], bibs: readonly BibSource[]) {
    const items: CiteItem[] = [];
    const byDoi = new Map<string, CiteItem>();
    for (const { paper, triage, key } of papers) {
      const folded = key.toLowerCase();
      if (this.byKey.has(folded)) continue;
      const item: CiteItem = {
        key,
        title: paper.title,
        authors: paper.authors ?? [],
        year: paper.year !== undefined ? String(paper.year) : '',
        venue: paper.venue ?? '',
        abstract: paper.abstract,
        status: triage?.status ?? 'untriaged',
        tags: triage?.tags ?? [],
        note: triage?.note ?? '',
        paperId: paper.id,
        definitions: [],
        words: [],
        foldedKey: folded,
      };
      items.push(item);
      this.byKey.set(folded, item);
      if (paper.doi) byDoi.set(normDoi(paper.doi), item);
    }
    for (const bib of bibs)
      for (const entry of bib.entries) {
        if (!entry.key || entry.type === 'string' || entry.type === 'preamble' || entry.type === 'comment')
          continue;
        const folded = entry.key.toLowerCase();
        const definition: Definition = { file: bib.file, line: entry.line, key: entry.key, entry };
        let item = this.byKey.get(folded);
        if (!item) {
          const doi = field(entry, 'doi');
          const byPaper = doi ? byDoi.get(normDoi(doi)) : undefined;
          item = {
            key: entry.key,
            title: field(entry, 'title'),
            authors: bibAuthors(entry),
            year: field(entry, 'year') || field(entry, 'date').slice(0, 4),
            venue: field(entry, 'journal') || field(entry, 'booktitle') || field(entry, 'journaltitle'),
            abstract: field(entry, 'abstract'),
            status: byPaper?.status,
            tags: byPaper?.tags ?? [],
            note: byPaper?.note ?? '',
            paperId: byPaper?.paperId,
            definitions: [],
            words: [],
            foldedKey: folded,
          };
          items.push(item);
          this.byKey.set(folded, item);
        }
        item.definitions.push(definition);
      }
    for (const item of items)
      item.words = [...new Set([...splitWords(item.title), ...item.authors.flatMap(splitWords)])];
    this.items = items;
  }

  /** The item cited by `key`, compared case-insensitively. */
  get(key: string): CiteItem | undefined {
    return this.byKey.get(key.toLowerCase());
  }

  duplicates(): DuplicateKey[] {
    const out: DuplicateKey[] = [];
    for (const item of this.items) {
      if (item.definitions.length < 2) continue;
      const contents = new Set(item.definitions.map((d) => contentOf(d.entry)));
      out.push({ key: item.key, definitions: item.definitions, differs: contents.size > 1 });
    }
    return out;
  }

  search(typed: string, limit = 200): SearchResult {
    const tokens = splitWordsKeepingKeyChars(typed);
    const matched: { item: CiteItem; keyHit: number }[] = [];
    for (const item of this.items) {
      let ok = true;
      for (const token of tokens)
        if (!item.foldedKey.startsWith(token) && !item.words.some((w) => w.startsWith(token))) {
          ok = false;
          break;
        }
      if (ok) matched.push({ item, keyHit: tokens.length && item.foldedKey.startsWith(tokens[0]!) ? 0 : 1 });
    }
    matched.sort(
      (a, b) =>
        rank(a.item) - rank(b.item) ||
        a.keyHit - b.keyHit ||
        (a.item.foldedKey < b.item.foldedKey ? -1 : a.item.foldedKey > b.item.foldedKey ? 1 : 0),
    );
    return { items: matched.slice(0, limit).map((m) => m.item), incomplete: matched.length > limit };
  }
}

/** Typed words, folded; a word that is a key prefix keeps its `:`, `-`, `_`. */
function splitWordsKeepingKeyChars(typed: string): string[] {
  return fold(typed).split(/\s+/).filter(Boolean);
}
