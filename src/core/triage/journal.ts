/**
 * The edit journal: one JSON line per edit (a decision, tag, note, key, an undo), appended before the edit is
 * acknowledged, so an edit the state file does not hold yet can be replayed after a crash.
 *
 *   {"at":"2026-…Z","changes":[{"id":"p_…","before":{…}|null,"after":{…}|null}]}
 *
 * `before` and `after` are a paper's whole entry (as in the state file) before and after the edit; null means
 * no entry. Replaying is a three-way merge of each change (base `before`, local `after`) onto the state, so
 * replaying an edit the file already holds changes nothing, and one made elsewhere since is not undone.
 */
import { merge } from './merge';
import { parse, serialize, StateFileError, STATE_VERSION } from './stateFile';
import type { PaperTriage, TriageState } from './types';

interface JournalChange {
  readonly id: string;
  readonly before: PaperTriage | null;
  readonly after: PaperTriage | null;
}

export interface JournalRecord {
  readonly at: string;
  readonly changes: readonly JournalChange[];
}

export class JournalError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'JournalError';
  }
}

/** What changed from `before` to `after`, paper by paper; empty when nothing did. */
export function changesBetween(before: TriageState, after: TriageState): JournalChange[] {
  if (before === after) return [];
  const changes: JournalChange[] = [];
  const ids = new Set([...before.papers.keys(), ...after.papers.keys()]);
  for (const id of ids) {
    const b = before.papers.get(id) ?? null;
    const a = after.papers.get(id) ?? null;
    if (b !== a && !sameEntry(b, a)) changes.push({ id, before: b, after: a });
  }
  return changes;
}

function sameEntry(a: PaperTriage | null, b: PaperTriage | null): boolean {
  if (!a || !b) return a === b;
  return entryJson(a) === entryJson(b);
}

/** One line, newline included. */
export function journalLine(record: JournalRecord): string {
  const changes = record.changes.map(
    (c) =>
      `{"id":${JSON.stringify(c.id)},"before":${c.before ? entryJson(c.before) : 'null'},"after":${c.after ? entryJson(c.after) : 'null'}}`,
  );
  return `{"at":${JSON.stringify(record.at)},"changes":[${changes.join(',')}]}\n`;
}

function entryJson(entry: PaperTriage): string {
  return JSON.stringify({
    ...(entry.fullText !== undefined ? { fullText: entry.fullText } : {}),
    ...(entry.key !== undefined ? { key: entry.key } : {}),
    note: entry.note,
    ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
    status: entry.status,
    tags: entry.tags,
    title: entry.title,
    updated: entry.updated,
  });
}

/**
 * The records of a journal's text. A last line without its newline is an append cut short by a crash: it was
 * never acknowledged, so it is left out (`torn`). Any other line that does not read is an error naming it.
 */
export function parseJournal(text: string): { records: JournalRecord[]; torn: boolean } {
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  const records: JournalRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() !== '') records.push(parseLine(line, i + 1));
  });
  return { records, torn: last !== '' };
}

function parseLine(line: string, number: number): JournalRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new JournalError(number, 'not valid JSON');
  }
  const record = raw as { at?: unknown; changes?: unknown };
  if (typeof record !== 'object' || record === null || typeof record.at !== 'string') {
    throw new JournalError(number, 'not a journal record ("at" missing)');
  }
  if (!Array.isArray(record.changes)) throw new JournalError(number, '"changes" must be a list');
  const changes = record.changes.map((c: unknown) => {
    const change = c as { id?: unknown; before?: unknown; after?: unknown };
    if (typeof change?.id !== 'string' || change.id === '')
      throw new JournalError(number, 'a change without "id"');
    return {
      id: change.id,
      before: entry(change.before, change.id, number),
      after: entry(change.after, change.id, number),
    };
  });
  return { at: record.at, changes };
}

/** Validated exactly as the state file's entries are, by reading it as a one-paper state file. */
function entry(value: unknown, id: string, line: number): PaperTriage | null {
  if (value === null) return null;
  try {
    const state = parse(
      JSON.stringify({ format: 'literature-triage', papers: { [id]: value }, version: STATE_VERSION }),
    );
    return state.papers.get(id) ?? null;
  } catch (error) {
    const detail = error instanceof StateFileError ? error.detail : String(error);
    throw new JournalError(line, detail);
  }
}

/** `state` with every change of `records` replayed onto it, in order. */
export function replay(state: TriageState, records: readonly JournalRecord[]): TriageState {
  let current = state;
  for (const record of records) {
    for (const change of record.changes) current = replayChange(current, change);
  }
  return current;
}

function replayChange(state: TriageState, change: JournalChange): TriageState {
  const one = (entry: PaperTriage | null | undefined): TriageState => ({
    papers: new Map(entry ? [[change.id, entry]] : []),
  });
  const merged = merge(one(change.after), one(state.papers.get(change.id)), one(change.before));
  const result = merged.papers.get(change.id);
  const current = state.papers.get(change.id);
  if (result === current || (result && current && serialize(one(result)) === serialize(one(current))))
    return state;
  const papers = new Map(state.papers);
  if (result) papers.set(change.id, result);
  else papers.delete(change.id);
  return { papers };
}
