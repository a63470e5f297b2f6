/**
 * Turns any user string into lunr query clauses without ever throwing.
 *
 * Strings that look like lunr syntax (fields, +/- presence, wildcards, ~fuzz, ^boost) are parsed by lunr's
 * own parser and then sanitised. Anything lunr rejects — a dangling "foo:", a lone "-", "~" or "*", an
 * unknown field, quotes, brackets — falls back to a plain search of the words the string contains.
 */
import lunr from 'lunr';
import { foldText } from './fold';
import { wordSpans } from './words';

/** Longest query text considered; the rest is ignored (a pasted abstract still searches its start). */
const MAX_QUERY_CHARS = 1000;
/** Most clauses a query may have; later words are ignored. */
const MAX_CLAUSES = 32;
/** A wildcard term needs this many literal characters (one more when it starts with the wildcard). */
const MIN_WILDCARD_LITERAL = 2;
/** A wildcard that expands to more index terms than this is searched as the plain word instead. */
const MAX_WILDCARD_EXPANSIONS = 200;
/** Largest edit distance honoured for "term~N". */
const MAX_EDIT_DISTANCE = 2;

export const Presence = { OPTIONAL: 1, REQUIRED: 2, PROHIBITED: 3 } as const;

export interface QueryClause {
  term: string;
  fields: string[];
  boost: number;
  usePipeline: boolean;
  wildcard: number;
  editDistance?: number;
  presence: number;
}

/** What query parsing needs to know about the index it targets. */
export interface QueryTarget {
  /** The searchable field names. */
  readonly fields: readonly string[];
  /** The query pipeline applied to one word ("Models" → "model"); undefined for a stop word. */
  searchTerm(word: string): string | undefined;
  /** How many index terms a wildcard term expands to; counting may stop once it exceeds `limit`. */
  expansionCount(term: string, limit: number): number;
}

export interface PlainQueryOptions {
  /** Every word must match (AND) instead of any (OR). */
  requireAll?: boolean;
  /** Also match words starting with the last word, for type-ahead ("autoreg" finds "autoregressive"). */
  prefixLastWord?: boolean;
}

interface ParsedQuery {
  clauses: QueryClause[];
  /** True when lunr syntax was recognised and honoured; false for a plain word search. */
  usedSyntax: boolean;
}

type QueryParserCtor = new (text: string, query: lunr.Query) => { parse(): lunr.Query };

const SYNTAX_HINT = /(^|\s)[+-]\S|[*~^]|[\p{L}\p{N}_]:/u;
const CONTROL_CHARS = /[\p{Cc}]+/gu;
const FORMAT_CHARS = /\p{Cf}/gu;
// An invisible format character counts as part of a word, so it can stand in for "*" while splitting.
const STAR_MARK = '\u200b';
const STAR_MARKS = /\u200b/g;

/** Clauses for `query` against `index`; never throws. An empty list means "no results". */
export function parseQuery(index: QueryTarget, query: string, options: PlainQueryOptions = {}): ParsedQuery {
  const text = cleanQueryText(query);
  if (SYNTAX_HINT.test(text)) {
    try {
      const clauses = sanitiseClauses(index, parseWithLunr(index, text));
      if (clauses.length > 0) return { clauses, usedSyntax: true };
    } catch {
      // Not valid lunr syntax: fall through to the plain word search.
    }
  }
  return { clauses: plainClauses(index, text, options), usedSyntax: false };
}

export function cleanQueryText(query: string): string {
  const text = typeof query === 'string' ? query : String(query ?? '');
  return text.slice(0, MAX_QUERY_CHARS).normalize('NFC').replace(CONTROL_CHARS, ' ').trim();
}

function parseWithLunr(index: QueryTarget, text: string): QueryClause[] {
  const Parser = (lunr as unknown as { QueryParser: QueryParserCtor }).QueryParser;
  const query = new lunr.Query([...index.fields]);
  new Parser(text, query).parse();
  return query.clauses as unknown as QueryClause[];
}

/** Plain word search: each word of the text, any of them (or all, with requireAll). */
function plainClauses(index: QueryTarget, text: string, options: PlainQueryOptions = {}): QueryClause[] {
  const fields = indexFields(index);
  const presence = options.requireAll ? Presence.REQUIRED : Presence.OPTIONAL;
  const words = uniqueWords(text).slice(0, MAX_CLAUSES);
  const clauses: QueryClause[] = [];
  words.forEach((word, i) => {
    const base = { term: word, fields, boost: 1, usePipeline: true, wildcard: 0, presence };
    const clause = sanitiseWord(index, base);
    if (!clause) return;
    const isLast = i === words.length - 1;
    const prefix = options.prefixLastWord && isLast ? prefixTerm(index, clause.term) : undefined;
    // With a prefix the last word matches as itself or as the start of a longer word.
    clauses.push(prefix ? { ...clause, term: prefix } : clause);
  });
  return clauses;
}

function uniqueWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const span of wordSpans(text)) {
    const word = foldText(span.text);
    if (word === '' || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}

function prefixTerm(index: QueryTarget, stemmed: string): string | undefined {
  if (stemmed.length < MIN_WILDCARD_LITERAL + 1) return undefined;
  const term = `${stemmed}*`;
  return expansionCount(index, term) <= MAX_WILDCARD_EXPANSIONS ? term : undefined;
}

function sanitiseClauses(index: QueryTarget, parsed: QueryClause[]): QueryClause[] {
  const clauses: QueryClause[] = [];
  for (const clause of parsed) {
    for (const piece of splitIntoWords(clause)) {
      const safe = piece.term.includes('*') ? sanitiseWildcard(index, piece) : sanitiseWord(index, piece);
      if (safe) clauses.push(safe);
    }
  }
  return clauses.slice(0, MAX_CLAUSES);
}

/** "gaussian/bayesian" is two index words; a clause term must be one. Wildcard stars survive the split. */
function splitIntoWords(clause: QueryClause): QueryClause[] {
  const marked = clause.term.replace(FORMAT_CHARS, '').replace(/\*/g, STAR_MARK);
  return wordSpans(marked).map((w) => ({ ...clause, term: w.text.replace(STAR_MARKS, '*') }));
}

/**
 * Runs the search pipeline here rather than inside lunr: a required clause whose word the pipeline drops
 * (a stop word such as "+the") makes lunr 2.3.9 throw, so such clauses are removed instead.
 */
function sanitiseWord(index: QueryTarget, clause: QueryClause): QueryClause | undefined {
  const term = clause.usePipeline ? runSearchPipeline(index, clause.term) : clause.term;
  if (term === undefined || term === '') return undefined;
  const editDistance = Math.min(clause.editDistance ?? 0, MAX_EDIT_DISTANCE);
  // Fuzzy matching a word barely longer than the distance would match nearly every word.
  const usable = term.length > editDistance + 2 ? editDistance : 0;
  return withoutEditDistance({ ...clause, term, boost: safeBoost(clause.boost), usePipeline: false }, usable);
}

function sanitiseWildcard(index: QueryTarget, clause: QueryClause): QueryClause | undefined {
  const term = foldText(clause.term).replace(/\*+/g, '*');
  const literal = term.replace(/\*/g, '');
  const needed = MIN_WILDCARD_LITERAL + (term.startsWith('*') ? 1 : 0);
  if (literal.length < needed || expansionCount(index, term) > MAX_WILDCARD_EXPANSIONS) {
    return sanitiseWord(index, { ...clause, term: literal, usePipeline: true });
  }
  return withoutEditDistance({ ...clause, term, boost: safeBoost(clause.boost), usePipeline: false }, 0);
}

function safeBoost(boost: number): number {
  return Number.isFinite(boost) && boost > 0 ? Math.min(boost, 100) : 1;
}

/**
 * lunr treats the mere presence of `editDistance` as "fuzzy", and its fuzzy matcher ignores wildcards,
 * so the key is kept only for a real edit distance. The wildcard flag is cleared: stars live in the term.
 */
function withoutEditDistance(clause: QueryClause, editDistance: number): QueryClause {
  const { editDistance: _ignored, ...rest } = clause;
  const cleared = { ...rest, wildcard: lunr.Query.wildcard.NONE };
  return editDistance > 0 ? { ...cleared, editDistance } : cleared;
}

function expansionCount(index: QueryTarget, term: string): number {
  return index.expansionCount(term, MAX_WILDCARD_EXPANSIONS);
}

function indexFields(index: QueryTarget): string[] {
  return [...index.fields];
}

function runSearchPipeline(index: QueryTarget, word: string): string | undefined {
  return index.searchTerm(word);
}
