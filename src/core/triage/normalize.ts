import type { PaperTriage, TriageStatus } from './types';

/**
 * Tags are NFC, trimmed, with inner whitespace collapsed. Commas and semicolons become spaces because they
 * separate keywords in BibTeX and in typed tag lists. An empty result means "no tag".
 */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Notes keep the user's text; only line endings become `\n`, and a whitespace-only note counts as none. */
export function normalizeNote(note: string): string {
  const text = note.replace(/\r\n?/g, '\n');
  return text.trim() === '' ? '' : text;
}

/** Code-unit order: the same in every locale and runtime. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Normalised, unique, sorted. */
export function canonicalTags(tags: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const tag of tags) {
    const clean = normalizeTag(tag);
    if (clean) set.add(clean);
  }
  return [...set].sort(compareCodeUnits);
}

/**
 * Citation keys kept to characters every BibTeX and biber version accepts in a key and that need no
 * escaping anywhere: ASCII letters and digits, then also `_ : . + / -`.
 */
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_:.+/-]*$/;

export function isValidCitationKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** True when an entry carries nothing worth storing: such entries are dropped from the state. */
export function isEmptyTriage(entry: Pick<PaperTriage, 'status' | 'tags' | 'note' | 'key'>): boolean {
  return (
    entry.status === 'untriaged' && entry.tags.length === 0 && entry.note === '' && entry.key === undefined
  );
}

export function isTriageStatus(value: unknown): value is TriageStatus {
  return value === 'untriaged' || value === 'include' || value === 'maybe' || value === 'exclude';
}

/** Builds an entry with the optional `key` present only when set, so deep equality is exact. */
export function makeTriage(fields: {
  title: string;
  status: TriageStatus;
  tags: readonly string[];
  note: string;
  key?: string | undefined;
  updated: string;
}): PaperTriage {
  const entry: PaperTriage = {
    title: fields.title,
    status: fields.status,
    tags: fields.tags,
    note: fields.note,
    updated: fields.updated,
  };
  return fields.key === undefined ? entry : { ...entry, key: fields.key };
}
