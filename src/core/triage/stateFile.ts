/**
 * The triage state file (`.literature-triage.json` or wherever the caller keeps it):
 *
 *   {
 *     "format": "literature-triage",
 *     "papers": {
 *       "p_0abc…": {
 *         "fullText": {
 *           "pdf": "papers/continuous-speculative-decoding.pdf",
 *           "reason": "Wrong outcome",
 *           "status": "exclude"
 *         },
 *         "key": "continuousSpeculativeDecoding",
 *         "note": "Read section 4.",
 *         "status": "include",
 *         "tags": [
 *           "decoding"
 *         ],
 *         "title": "Continuous Speculative Decoding for Autoregressive Image Generation",
 *         "updated": "2026-01-31T09:00:00.000Z"
 *       }
 *     },
 *     "version": 2
 *   }
 *
 * Written for clean git diffs and merges: every object's members in code-unit order (what `jq -S` gives),
 * two-space indentation, one line per member and per tag, a final newline, so each paper is its own block
 * and an edit touches only that paper's lines. Empty `tags`, `note` and `key` are left out; the title is
 * only a reminder for humans. `serialize(parse(t)) === t` for any file this module wrote.
 *
 * Versions: 1 had no `reason` and no `fullText`; 2 adds them (a title/abstract exclusion reason; the full-text
 * stage with its decision, reason, linked PDF and `"retrieved": false`). A version 1 file reads unchanged, and
 * a state that uses nothing of version 2 is still written as version 1, so a teammate whose older Literature
 * Triage reads only version 1 can go on reading the shared file until someone records a reason or a full-text
 * decision.
 *
 * `parse` refuses anything it cannot read faithfully, with a StateFileError the caller shows before
 * refusing to overwrite the file: invalid JSON (also an unresolved merge conflict), a different format,
 * unknown or mistyped members ('corrupt'), or a version newer than this code knows ('future-version').
 */
import { scanJson, JsonSyntaxError } from './jsonScanner';
import {
  canonicalTags,
  compareCodeUnits,
  isEmptyTriage,
  isTriageStatus,
  isValidCitationKey,
  makeFullText,
  makeTriage,
  normalizeNote,
  normalizePdfPath,
  normalizeReason,
} from './normalize';
import type { FullTextReview, PaperTriage, TriageState } from './types';

const STATE_FORMAT = 'literature-triage';
/** The newest version this code reads and writes. */
export const STATE_VERSION = 2;

/** The version a state needs: 1 unless an entry records something only version 2 has. */
export function versionFor(state: TriageState): number {
  for (const entry of state.papers.values()) {
    if (entry.reason !== undefined || entry.fullText !== undefined) return 2;
  }
  return 1;
}

export interface TextPosition {
  /** 0-based offset in the text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

type StateFileErrorKind = 'corrupt' | 'future-version';

export class StateFileError extends Error {
  constructor(
    readonly kind: StateFileErrorKind,
    readonly detail: string,
    readonly position?: TextPosition,
  ) {
    super(position ? `line ${position.line}, column ${position.column}: ${detail}` : detail);
    this.name = 'StateFileError';
  }
}

/** Line and column (1-based) of an offset in a text. */
export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

// ---- writing ----

const INDENT = '  ';

function writeFullText(fullText: FullTextReview, indent: string): string {
  const inner = indent + INDENT;
  const members: string[] = [];
  if (fullText.pdf !== undefined) members.push(`"pdf": ${JSON.stringify(fullText.pdf)}`);
  if (fullText.reason !== undefined) members.push(`"reason": ${JSON.stringify(fullText.reason)}`);
  if (fullText.retrieved === false) members.push(`"retrieved": false`);
  members.push(`"status": ${JSON.stringify(fullText.status)}`);
  return `{\n${members.map((m) => inner + m).join(',\n')}\n${indent}}`;
}

function writeEntry(entry: PaperTriage, indent: string): string {
  const inner = indent + INDENT;
  const members: string[] = [];
  if (entry.fullText !== undefined) members.push(`"fullText": ${writeFullText(entry.fullText, inner)}`);
  if (entry.key !== undefined) members.push(`"key": ${JSON.stringify(entry.key)}`);
  if (entry.note !== '') members.push(`"note": ${JSON.stringify(entry.note)}`);
  if (entry.reason !== undefined) members.push(`"reason": ${JSON.stringify(entry.reason)}`);
  members.push(`"status": ${JSON.stringify(entry.status)}`);
  if (entry.tags.length > 0) {
    const tags = entry.tags.map((tag) => `${inner}${INDENT}${JSON.stringify(tag)}`).join(',\n');
    members.push(`"tags": [\n${tags}\n${inner}]`);
  }
  if (entry.title !== '') members.push(`"title": ${JSON.stringify(entry.title)}`);
  members.push(`"updated": ${JSON.stringify(entry.updated)}`);
  return `{\n${members.map((m) => inner + m).join(',\n')}\n${indent}}`;
}

/**
 * The file's text. `reviewer` makes it a team reviewer file (`"reviewer": "<id>"` between `papers` and
 * `version`, see core/team/reviewerFile.ts); a plain state file has none.
 */
export function serialize(state: TriageState, reviewer?: string): string {
  const ids = [...state.papers.keys()].sort(compareCodeUnits);
  const papers = ids.length
    ? `{\n${ids
        .map(
          (id) =>
            `${INDENT}${INDENT}${JSON.stringify(id)}: ${writeEntry(state.papers.get(id)!, INDENT + INDENT)}`,
        )
        .join(',\n')}\n${INDENT}}`
    : '{}';
  const owner = reviewer === undefined ? '' : `${INDENT}"reviewer": ${JSON.stringify(reviewer)},\n`;
  return `{\n${INDENT}"format": ${JSON.stringify(STATE_FORMAT)},\n${INDENT}"papers": ${papers},\n${owner}${INDENT}"version": ${versionFor(state)}\n}\n`;
}

// ---- reading ----

const ENTRY_MEMBERS_V1 = new Set(['key', 'note', 'status', 'tags', 'title', 'updated']);
const ENTRY_MEMBERS = new Set([...ENTRY_MEMBERS_V1, 'fullText', 'reason']);
const FULL_TEXT_MEMBERS = new Set(['pdf', 'reason', 'retrieved', 'status']);
const TOP_MEMBERS = new Set(['format', 'papers', 'version']);
const REVIEWER_FILE_MEMBERS = new Set([...TOP_MEMBERS, 'reviewer']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parse(input: string): TriageState {
  return parseFile(input, false).state;
}

/** What a state or reviewer file holds: the decisions and, in a reviewer file, whose they are. */
export interface StateDocument {
  readonly state: TriageState;
  /** The `reviewer` member exactly as written; absent in a plain state file. */
  readonly reviewer?: string;
}

/** Like `parse`, and also reads a team reviewer file's `"reviewer"` (a non-empty string when present). */
export function parseDocument(input: string): StateDocument {
  return parseFile(input, true);
}

/** Something in a JSON document that cannot be read: at the member `path` (names joined with "/"), if given. */
export type CorruptAt = (detail: string, path?: string) => never;

/**
 * The start every file of ours is read with: a BOM dropped, a merge conflict marker or invalid JSON refused with
 * its line and column, and `corrupt` to refuse a member at its position.
 */
export function scanDocument(input: string): {
  value: unknown;
  corrupt: CorruptAt;
  /** Where a member's name is, if the document has it. */
  at: (path: string) => TextPosition | undefined;
} {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const conflict = /^(<{7}|={7}|>{7})( |$)/m.exec(text);
  if (conflict) {
    throw new StateFileError('corrupt', 'unresolved merge conflict marker', positionOf(text, conflict.index));
  }
  let scanned;
  try {
    scanned = scanJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      throw new StateFileError('corrupt', `not valid JSON: ${e.message}`, positionOf(text, e.offset));
    }
    throw e;
  }
  const { value, memberOffsets } = scanned;
  const at = (path: string) => {
    const offset = memberOffsets.get(path);
    return offset === undefined ? undefined : positionOf(text, offset);
  };
  const corrupt = (detail: string, path?: string): never => {
    throw new StateFileError('corrupt', detail, path === undefined ? undefined : at(path));
  };
  return { value, corrupt, at };
}

function parseFile(input: string, allowReviewer: boolean): StateDocument {
  const { value, corrupt, at } = scanDocument(input);
  if (!isRecord(value)) return corrupt('the file is not a JSON object');
  if (value.format !== STATE_FORMAT) {
    return corrupt(`not a ${STATE_FORMAT} state file ("format" must be "${STATE_FORMAT}")`, 'format');
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return corrupt('"version" must be a positive whole number', 'version');
  }
  if (version > STATE_VERSION) {
    throw new StateFileError(
      'future-version',
      `the file is version ${version}, written by a newer Literature Triage; this one reads versions up to ${STATE_VERSION}`,
      at('version'),
    );
  }
  for (const name of Object.keys(value)) {
    if (name === 'reviewer' && !allowReviewer) {
      corrupt('"reviewer" belongs in a team reviewer file, not in the state file', name);
    }
    if (!REVIEWER_FILE_MEMBERS.has(name)) corrupt(`unknown member "${name}"`, name);
  }
  const reviewer = value.reviewer;
  if (reviewer !== undefined && (typeof reviewer !== 'string' || reviewer === '')) {
    corrupt('"reviewer" must be a non-empty string', 'reviewer');
  }
  if (!isRecord(value.papers)) return corrupt('"papers" must be an object', 'papers');

  const papers = new Map<string, PaperTriage>();
  for (const [id, raw] of Object.entries(value.papers)) {
    const path = `papers/${id}`;
    if (id === '') corrupt('empty paper id', path);
    if (!isRecord(raw)) return corrupt(`paper "${id}" must be an object`, path);
    const members = version >= 2 ? ENTRY_MEMBERS : ENTRY_MEMBERS_V1;
    for (const name of Object.keys(raw)) {
      if (!members.has(name)) {
        const hint = ENTRY_MEMBERS.has(name) ? ` (it needs "version": 2)` : '';
        corrupt(`paper "${id}": unknown member "${name}"${hint}`, `${path}/${name}`);
      }
    }
    const { status, reason, fullText, tags = [], note = '', key, title = '', updated } = raw;
    if (!isTriageStatus(status))
      corrupt(`paper "${id}": "status" must be untriaged, include, maybe or exclude`, `${path}/status`);
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
      corrupt(`paper "${id}": "tags" must be a list of strings`, `${path}/tags`);
    }
    if (typeof note !== 'string') corrupt(`paper "${id}": "note" must be a string`, `${path}/note`);
    if (typeof title !== 'string') corrupt(`paper "${id}": "title" must be a string`, `${path}/title`);
    if (key !== undefined && (typeof key !== 'string' || !isValidCitationKey(key))) {
      corrupt(`paper "${id}": "key" is not a usable citation key`, `${path}/key`);
    }
    if (typeof updated !== 'string' || Number.isNaN(Date.parse(updated))) {
      corrupt(`paper "${id}": "updated" must be an ISO 8601 time`, `${path}/updated`);
    }
    if (reason !== undefined) checkReason(reason, status, `paper "${id}"`, `${path}/reason`, corrupt);
    const review =
      fullText === undefined ? undefined : readFullText(fullText, id, `${path}/fullText`, corrupt);
    const entry = makeTriage({
      title: title as string,
      status: status as PaperTriage['status'],
      reason: reason as string | undefined,
      fullText: review,
      tags: canonicalTags(tags as string[]),
      note: normalizeNote(note as string),
      key: key as string | undefined,
      updated: updated as string,
    });
    if (!isEmptyTriage(entry)) papers.set(id, entry);
  }
  return reviewer === undefined ? { state: { papers } } : { state: { papers }, reviewer: reviewer as string };
}

type Corrupt = CorruptAt;

/** A reason is a non-empty label, written only on an excluded paper (anything else would be lost on writing). */
function checkReason(reason: unknown, status: unknown, who: string, path: string, corrupt: Corrupt): void {
  if (typeof reason !== 'string' || normalizeReason(reason) !== reason) {
    corrupt(`${who}: "reason" must be a non-empty text without line breaks or surrounding spaces`, path);
  }
  if (status !== 'exclude') corrupt(`${who}: "reason" is only for a paper whose "status" is exclude`, path);
}

function readFullText(raw: unknown, id: string, path: string, corrupt: Corrupt): FullTextReview {
  const who = `paper "${id}", full text`;
  if (!isRecord(raw)) return corrupt(`${who}: "fullText" must be an object`, path);
  for (const name of Object.keys(raw)) {
    if (!FULL_TEXT_MEMBERS.has(name)) corrupt(`${who}: unknown member "${name}"`, `${path}/${name}`);
  }
  const { status, reason, pdf, retrieved } = raw;
  if (!isTriageStatus(status)) {
    corrupt(`${who}: "status" must be untriaged, include, maybe or exclude`, `${path}/status`);
  }
  if (reason !== undefined) checkReason(reason, status, who, `${path}/reason`, corrupt);
  if (pdf !== undefined && (typeof pdf !== 'string' || normalizePdfPath(pdf) !== pdf)) {
    corrupt(`${who}: "pdf" must be a workspace-relative path with / separators`, `${path}/pdf`);
  }
  if (retrieved !== undefined && retrieved !== false) {
    corrupt(
      `${who}: "retrieved" is written only as false (the report could not be retrieved)`,
      `${path}/retrieved`,
    );
  }
  const review = makeFullText({
    status: status as FullTextReview['status'],
    reason: reason as string | undefined,
    pdf: pdf as string | undefined,
    retrieved: retrieved as false | undefined,
  });
  if (!review) return corrupt(`${who}: an empty "fullText" (untriaged, no pdf) is never written`, path);
  return review;
}
