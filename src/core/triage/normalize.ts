import type { FullTextReview, PaperTriage, TriageStatus } from './types';

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

/** Exclusion reasons are labels: NFC, trimmed, white space collapsed to one space. Empty means none. */
export function normalizeReason(reason: string | undefined): string | undefined {
  const clean = reason?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return clean ? clean : undefined;
}

/** Full-text paths are workspace-relative with `/`; empty means none. */
export function normalizePdfPath(path: string | undefined): string | undefined {
  const clean = path?.replace(/\\/g, '/').replace(/^\.\//, '').trim();
  return clean ? clean : undefined;
}

/** True when an entry carries nothing worth storing: such entries are dropped from the state. */
export function isEmptyTriage(
  entry: Pick<PaperTriage, 'status' | 'tags' | 'note' | 'key' | 'fullText'>,
): boolean {
  return (
    entry.status === 'untriaged' &&
    entry.tags.length === 0 &&
    entry.note === '' &&
    entry.key === undefined &&
    entry.fullText === undefined
  );
}

/**
 * A canonical full-text review, or undefined when it records nothing: the reason only with `exclude`, optional
 * members present only when set, so deep equality is exact.
 */
export function makeFullText(fields: {
  status: TriageStatus;
  reason?: string | undefined;
  pdf?: string | undefined;
  retrieved?: boolean | undefined;
}): FullTextReview | undefined {
  const reason = fields.status === 'exclude' ? normalizeReason(fields.reason) : undefined;
  const pdf = normalizePdfPath(fields.pdf);
  const notRetrieved = fields.retrieved === false;
  if (fields.status === 'untriaged' && pdf === undefined && !notRetrieved) return undefined;
  return {
    status: fields.status,
    ...(reason !== undefined ? { reason } : {}),
    ...(pdf !== undefined ? { pdf } : {}),
    ...(notRetrieved ? { retrieved: false as const } : {}),
  };
}

export function sameFullText(a: FullTextReview | undefined, b: FullTextReview | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.status === b.status && a.reason === b.reason && a.pdf === b.pdf && a.retrieved === b.retrieved;
}

export function isTriageStatus(value: unknown): value is TriageStatus {
  return value === 'untriaged' || value === 'include' || value === 'maybe' || value === 'exclude';
}

/**
 * Builds an entry with the optional members present only when set, so deep equality is exact. The reason is
 * kept only while the status is `exclude`; a full-text review that records nothing is dropped.
 */
export function makeTriage(fields: {
  title: string;
  status: TriageStatus;
  reason?: string | undefined;
  fullText?: FullTextReview | undefined;
  tags: readonly string[];
  note: string;
  key?: string | undefined;
  updated: string;
}): PaperTriage {
  const reason = fields.status === 'exclude' ? normalizeReason(fields.reason) : undefined;
  const fullText = fields.fullText && makeFullText(fields.fullText);
  return {
    title: fields.title,
    status: fields.status,
    ...(reason !== undefined ? { reason } : {}),
    ...(fullText !== undefined ? { fullText } : {}),
    tags: fields.tags,
    note: fields.note,
    ...(fields.key !== undefined ? { key: fields.key } : {}),
    updated: fields.updated,
  };
}
