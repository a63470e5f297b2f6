/**
 * The `literatureTriage.highlight` setting: `{ "include": [...], "exclude": [...] }`. Reading it never throws:
 * what can be used is kept, and every part that cannot is named in a message the editor can show as it is.
 */
import { parseTerm } from './highlightTerm';

export interface HighlightSetting {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export interface HighlightSettingCheck {
  /** The usable terms: strings with a letter or digit, each once per list (as folded), in the given order. */
  setting: HighlightSetting;
  /** One sentence per problem; empty when the value is fine. */
  problems: string[];
}

const SETTING = 'literatureTriage.highlight';
const SHAPE = '{ "include": ["term", "prefix*", "a phrase"], "exclude": [...] }';
const LISTS = ['include', 'exclude'] as const;

export function checkHighlightSetting(value: unknown): HighlightSettingCheck {
  try {
    return check(value);
  } catch {
    // Only an exotic object (a throwing getter, a revoked proxy) gets here; settings are plain JSON.
    return {
      setting: { include: [], exclude: [] },
      problems: [`${SETTING} cannot be read: expected ${SHAPE}`],
    };
  }
}

function check(value: unknown): HighlightSettingCheck {
  const problems: string[] = [];
  const empty = { include: [], exclude: [] };
  if (value === undefined) return { setting: empty, problems };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${SETTING} is ${describe(value)}; expected an object like ${SHAPE}`);
    return { setting: empty, problems };
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(LISTS as readonly string[]).includes(key)) {
      problems.push(
        `${SETTING} has an unknown key ${quote(key)} (expected "include" and "exclude"): ignored`,
      );
    }
  }
  const lists = { include: [] as string[], exclude: [] as string[] };
  const firstSeen = new Map<string, { list: string; index: number; raw: string }>();
  for (const list of LISTS) {
    const items = record[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      problems.push(`${SETTING}.${list} is ${describe(items)}; expected a list of strings: ignored`);
      continue;
    }
    const seenHere = new Map<string, number>();
    items.forEach((item: unknown, index) => {
      const where = `${SETTING}.${list}[${index}]`;
      if (typeof item !== 'string') {
        problems.push(`${where} is ${describe(item)}, not a string: ignored`);
        return;
      }
      const parsed = parseTerm(item);
      if ('problem' in parsed) {
        problems.push(
          parsed.problem === 'empty'
            ? `${where} is empty: ignored`
            : `${where} ${quote(item)} has no letter or digit, so it would match punctuation only: ignored`,
        );
        return;
      }
      const key = parsed.term.folded;
      const twin = seenHere.get(key);
      if (twin !== undefined) {
        problems.push(
          `${where} ${quote(item)} is ${SETTING}.${list}[${twin}] again (case and accents do not count): ignored`,
        );
        return;
      }
      seenHere.set(key, index);
      const other = firstSeen.get(key);
      if (other && other.list !== list) {
        problems.push(
          `${quote(item)} is in both lists (${SETTING}.${other.list}[${other.index}] and ${where}): where it matches, it counts as an exclusion term`,
        );
      } else firstSeen.set(key, { list, index, raw: item });
      lists[list].push(item);
    });
  }
  return { setting: lists, problems };
}

const MAX_QUOTED = 60;

/** A user's string inside a message: JSON-quoted, shortened when long. */
function quote(text: string): string {
  const points = [...text];
  const short = points.length > MAX_QUOTED ? `${points.slice(0, MAX_QUOTED).join('')}…` : text;
  return JSON.stringify(short);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${quote(value)}`;
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
