/**
 * Final decisions on conflicts in team screening. Each resolver keeps their own file
 * (`literature-triage/final/<id>.json`), so two people resolving at once never edit one file; where two
 * resolved the same paper at the same stage, the later resolution counts (see finalDecisions.ts).
 *
 *   {
 *     "format": "literature-triage-final",
 *     "resolutions": {
 *       "p_0abc…": {
 *         "fullText": {
 *           "decision": "exclude",
 *           "reason": "Wrong outcome",
 *           "resolved": "2026-12-07T10:00:00.000Z"
 *         },
 *         "title": "Continuous Speculative Decoding for Autoregressive Image Generation",
 *         "titleAbstract": {
 *           "decision": "include",
 *           "resolved": "2026-12-06T09:00:00.000Z"
 *         }
 *       }
 *     },
 *     "resolver": "ada@example.org",
 *     "version": 1
 *   }
 *
 * Written like the state file: members in code-unit order, one block per paper, a final newline.
 */
import { compareCodeUnits, normalizeReason } from '../triage/normalize';
import { scanDocument, StateFileError, type CorruptAt } from '../triage';
import type { AgreementCategory } from './agreement';
import { checkReviewerId } from './reviewerId';

export const RESOLUTION_FORMAT = 'literature-triage-final';
const RESOLUTION_VERSION = 1;

export interface StageResolution {
  readonly decision: AgreementCategory;
  /** Why the paper was excluded; only with `decision` exclude. */
  readonly reason?: string;
  /** ISO 8601 time of the resolution. */
  readonly resolved: string;
}

export interface PaperResolution {
  /** The paper's title when it was resolved: only for humans reading the file. */
  readonly title: string;
  readonly titleAbstract?: StageResolution;
  readonly fullText?: StageResolution;
}

export interface ResolutionFile {
  readonly resolver: string;
  readonly resolutions: ReadonlyMap<string, PaperResolution>;
}

const INDENT = '  ';

export function serializeResolutionFile(file: ResolutionFile): string {
  const ids = [...file.resolutions.keys()].sort(compareCodeUnits);
  const blocks = ids.map((id) => {
    const paper = file.resolutions.get(id)!;
    const members: string[] = [];
    if (paper.fullText) members.push(`"fullText": ${writeStage(paper.fullText)}`);
    if (paper.title !== '') members.push(`"title": ${JSON.stringify(paper.title)}`);
    if (paper.titleAbstract) members.push(`"titleAbstract": ${writeStage(paper.titleAbstract)}`);
    const inner = INDENT.repeat(3);
    return `${INDENT}${INDENT}${JSON.stringify(id)}: {\n${members.map((m) => inner + m).join(',\n')}\n${INDENT}${INDENT}}`;
  });
  const resolutions = blocks.length ? `{\n${blocks.join(',\n')}\n${INDENT}}` : '{}';
  return (
    `{\n${INDENT}"format": ${JSON.stringify(RESOLUTION_FORMAT)},\n` +
    `${INDENT}"resolutions": ${resolutions},\n` +
    `${INDENT}"resolver": ${JSON.stringify(file.resolver)},\n` +
    `${INDENT}"version": ${RESOLUTION_VERSION}\n}\n`
  );
}

function writeStage(stage: StageResolution): string {
  const inner = INDENT.repeat(4);
  const members = [`"decision": ${JSON.stringify(stage.decision)}`];
  if (stage.reason !== undefined) members.push(`"reason": ${JSON.stringify(stage.reason)}`);
  members.push(`"resolved": ${JSON.stringify(stage.resolved)}`);
  return `{\n${members.map((m) => inner + m).join(',\n')}\n${INDENT.repeat(3)}}`;
}

const TOP_MEMBERS = new Set(['format', 'resolutions', 'resolver', 'version']);
const PAPER_MEMBERS = new Set(['fullText', 'title', 'titleAbstract']);
const STAGE_MEMBERS = new Set(['decision', 'reason', 'resolved']);
const DECISIONS: readonly string[] = ['include', 'maybe', 'exclude'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a resolutions file; anything it cannot read faithfully is a StateFileError with line and column. */
export function parseResolutionFile(input: string): ResolutionFile {
  const { value, corrupt, at } = scanDocument(input);
  if (!isRecord(value)) return corrupt('the file is not a JSON object');
  if (value.format !== RESOLUTION_FORMAT) {
    return corrupt(`not a final-decisions file ("format" must be "${RESOLUTION_FORMAT}")`, 'format');
  }
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1) {
    return corrupt('"version" must be a positive whole number', 'version');
  }
  if (value.version > RESOLUTION_VERSION) {
    throw new StateFileError(
      'future-version',
      `the file is version ${value.version}, written by a newer Literature Triage; this one reads version ${RESOLUTION_VERSION}`,
      at('version'),
    );
  }
  for (const name of Object.keys(value))
    if (!TOP_MEMBERS.has(name)) corrupt(`unknown member "${name}"`, name);
  if (typeof value.resolver !== 'string') return corrupt('"resolver" must name who resolved', 'resolver');
  const check = checkReviewerId(value.resolver);
  if ('problem' in check) return corrupt(check.problem, 'resolver');
  if (check.id !== value.resolver) {
    return corrupt(`"resolver" must be written in its canonical form "${check.id}"`, 'resolver');
  }
  if (!isRecord(value.resolutions)) return corrupt('"resolutions" must be an object', 'resolutions');
  const resolutions = new Map<string, PaperResolution>();
  for (const [id, raw] of Object.entries(value.resolutions)) {
    const path = `resolutions/${id}`;
    if (id === '') corrupt('empty paper id', path);
    if (!isRecord(raw)) return corrupt(`paper "${id}" must be an object`, path);
    for (const name of Object.keys(raw)) {
      if (!PAPER_MEMBERS.has(name)) corrupt(`paper "${id}": unknown member "${name}"`, `${path}/${name}`);
    }
    const { title = '', titleAbstract, fullText } = raw;
    if (typeof title !== 'string') corrupt(`paper "${id}": "title" must be a string`, `${path}/title`);
    const stages: { titleAbstract?: StageResolution; fullText?: StageResolution } = {};
    if (titleAbstract !== undefined) {
      stages.titleAbstract = readStage(
        titleAbstract,
        `paper "${id}", titleAbstract`,
        `${path}/titleAbstract`,
        corrupt,
      );
    }
    if (fullText !== undefined) {
      stages.fullText = readStage(fullText, `paper "${id}", fullText`, `${path}/fullText`, corrupt);
    }
    if (!stages.titleAbstract && !stages.fullText) {
      corrupt(`paper "${id}": a resolution needs "titleAbstract" or "fullText"`, path);
    }
    resolutions.set(id, { title: title as string, ...stages });
  }
  return { resolver: check.id, resolutions };
}

type Corrupt = CorruptAt;

function readStage(raw: unknown, who: string, path: string, corrupt: Corrupt): StageResolution {
  if (!isRecord(raw)) return corrupt(`${who} must be an object`, path);
  for (const name of Object.keys(raw)) {
    if (!STAGE_MEMBERS.has(name)) corrupt(`${who}: unknown member "${name}"`, `${path}/${name}`);
  }
  const { decision, reason, resolved } = raw;
  if (typeof decision !== 'string' || !DECISIONS.includes(decision)) {
    corrupt(`${who}: "decision" must be include, maybe or exclude`, `${path}/decision`);
  }
  if (reason !== undefined) {
    if (typeof reason !== 'string' || normalizeReason(reason) !== reason) {
      corrupt(
        `${who}: "reason" must be a non-empty text without line breaks or surrounding spaces`,
        `${path}/reason`,
      );
    }
    if (decision !== 'exclude') corrupt(`${who}: "reason" is only for an exclusion`, `${path}/reason`);
  }
  if (typeof resolved !== 'string' || Number.isNaN(Date.parse(resolved))) {
    corrupt(`${who}: "resolved" must be an ISO 8601 time`, `${path}/resolved`);
  }
  return {
    decision: decision as AgreementCategory,
    ...(reason !== undefined ? { reason: reason as string } : {}),
    resolved: resolved as string,
  };
}
