/**
 * Screening decisions as exports write them:
 * - a label column (ASReview `label_included` / `included`, `final_included`, `label`, …): `1`/`0`,
 *   `true`/`false`, `yes`/`no`, `y`/`n`, `include(d)`/`exclude(d)`, `relevant`/`irrelevant`, `maybe`/`unsure`;
 *   empty, `-1` (ASReview's "not labelled"), `NA`/`NaN`/`null`/`none`/`undecided` mean no decision;
 * - Rayyan's `notes` cell: sections `KEY: value` joined by ` | ` —
 *   `RAYYAN-INCLUSION: {"Emily"=>"Included", "Ana"=>"Maybe"}`, `RAYYAN-LABELS: a,b`,
 *   `RAYYAN-EXCLUSION-REASONS: wrong population,background article`, `USER-NOTES: {"Emily"=>["…", "…"]}`;
 *   text before the first section is the record's own notes. Labels starting `__EXR__` are exclusion reasons;
 * - Covidence: an export holds one list, named in its file name (`review_123_included_csv_20240320.csv`):
 *   `included` (full text included) and `select` (passed title/abstract screening) are include, `excluded`
 *   (full text) and `irrelevant` (title/abstract) exclude.
 */
export type DecisionStatus = 'include' | 'exclude' | 'maybe';

const VALUES: Record<string, DecisionStatus | null> = {
  '1': 'include',
  true: 'include',
  yes: 'include',
  y: 'include',
  include: 'include',
  included: 'include',
  relevant: 'include',
  '0': 'exclude',
  false: 'exclude',
  no: 'exclude',
  n: 'exclude',
  exclude: 'exclude',
  excluded: 'exclude',
  irrelevant: 'exclude',
  maybe: 'maybe',
  unsure: 'maybe',
  uncertain: 'maybe',
  '': null,
  '-1': null,
  na: null,
  nan: null,
  null: null,
  none: null,
  undecided: null,
};

/** A label cell's decision: a status, `null` for none, `undefined` when the value is not a label at all. */
export function labelValue(raw: string): DecisionStatus | null | undefined {
  let value = raw.trim().toLowerCase();
  if (/^[01]\.0+$/.test(value)) value = value.charAt(0);
  return Object.hasOwn(VALUES, value) ? VALUES[value] : undefined;
}

export interface RayyanNotes {
  /** Each reviewer's verdict as written (`Included`, `Excluded`, `Maybe`), in order. */
  verdicts: [reviewer: string, verdict: string][];
  reasons: string[];
  labels: string[];
  /** The record's own notes and the reviewers' USER-NOTES (`Emily: …`). */
  notes: string[];
}

const SECTION_RE = /(?:^|\s*\|\s*)(RAYYAN-INCLUSION|RAYYAN-LABELS|RAYYAN-EXCLUSION-REASONS|USER-NOTES):\s*/g;
const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';

/** Rayyan's sections of a notes cell, or undefined when it has none. */
export function parseRayyanNotes(cell: string): RayyanNotes | undefined {
  const sections = [...cell.matchAll(SECTION_RE)];
  if (!sections.length) return undefined;
  const parsed: RayyanNotes = { verdicts: [], reasons: [], labels: [], notes: [] };
  const own = cell.slice(0, sections[0]!.index).trim();
  if (own) parsed.notes.push(own);
  sections.forEach((m, i) => {
    const end = sections[i + 1]?.index ?? cell.length;
    const value = cell.slice(m.index + m[0].length, end).trim();
    switch (m[1]) {
      case 'RAYYAN-INCLUSION':
        for (const [, who, verdict] of value.matchAll(new RegExp(`${QUOTED}\\s*=>\\s*${QUOTED}`, 'g')))
          parsed.verdicts.push([unescape(who!), unescape(verdict!)]);
        break;
      case 'RAYYAN-LABELS':
        for (const label of commaList(value)) {
          if (label.startsWith('__EXR__')) parsed.reasons.push(label.slice('__EXR__'.length).trim());
          else parsed.labels.push(label);
        }
        break;
      case 'RAYYAN-EXCLUSION-REASONS':
        parsed.reasons.push(...commaList(value));
        break;
      case 'USER-NOTES':
        for (const [, who, list] of value.matchAll(new RegExp(`${QUOTED}\\s*=>\\s*\\[(.*?)\\]`, 'g')))
          for (const [, note] of list!.matchAll(new RegExp(QUOTED, 'g')))
            if (note!.trim()) parsed.notes.push(`${unescape(who!)}: ${unescape(note!).trim()}`);
        break;
    }
  });
  parsed.reasons = [...new Set(parsed.reasons.filter(Boolean))];
  return parsed;
}

function commaList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/**
 * The reviewers' decision: theirs when they agree, `maybe` with `conflict` set when they do not, no status
 * when no verdict is a decision; `unknown` lists verdicts that are not one.
 */
export function rayyanDecision(notes: RayyanNotes): {
  status: DecisionStatus | undefined;
  conflict: boolean;
  unknown: string[];
} {
  const statuses = new Set<DecisionStatus>();
  const unknown: string[] = [];
  for (const [, verdict] of notes.verdicts) {
    const status = labelValue(verdict);
    if (status) statuses.add(status);
    else if (status === undefined) unknown.push(verdict);
  }
  const conflict = statuses.size > 1;
  return { status: conflict ? 'maybe' : [...statuses][0], conflict, unknown };
}

const COVIDENCE_LISTS: Record<string, DecisionStatus> = {
  included: 'include',
  select: 'include',
  excluded: 'exclude',
  irrelevant: 'exclude',
};

/** The decision a Covidence export's file name gives every record in it, with the list's name. */
export function covidenceList(file: string): { status: DecisionStatus; list: string } | undefined {
  const name = (file.split(/[\\/]/).pop() ?? file).toLowerCase();
  const m = /(?:^|[_\-\s])(included|select|excluded|irrelevant)[_\-\s]csv(?:[_\-\s.]|$)/.exec(name);
  return m ? { status: COVIDENCE_LISTS[m[1]!]!, list: m[1]! } : undefined;
}
