/**
 * The review protocol settings besides the highlight terms: `literatureTriage.criteria`, `exclusionReasons` and
 * `requireExclusionReason`. Reading never throws: what can be used is kept, and each part that cannot is named
 * in a sentence the editor can show as it is.
 */

export type ReasonRequirement = 'never' | 'fullText' | 'always';

const REQUIREMENTS: readonly ReasonRequirement[] = ['never', 'fullText', 'always'];
const DEFAULT_REQUIREMENT: ReasonRequirement = 'fullText';
/** A reason longer than this is cut: it is a label in pickers, the tree and the PRISMA diagram. */
export const MAX_REASON_LENGTH = 200;

interface Checked<T> {
  value: T;
  problems: string[];
}

/** A reason as stored: white space collapsed, trimmed, at most MAX_REASON_LENGTH characters. */
export function cleanReason(text: string): string {
  return [...text.normalize('NFC').replace(/\s+/g, ' ').trim()].slice(0, MAX_REASON_LENGTH).join('');
}

/** The reasons in order: trimmed, non-empty, each once (case aside; the first spelling kept). */
export function checkExclusionReasons(value: unknown): Checked<string[]> {
  const setting = 'literatureTriage.exclusionReasons';
  if (value === undefined || value === null) return { value: [], problems: [] };
  if (!Array.isArray(value))
    return {
      value: [],
      problems: [`${setting} is ${describe(value)}; expected a list of reasons like ["Wrong population"]`],
    };
  const reasons: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string') {
      problems.push(`${setting} item ${i + 1} is ${describe(item)}, not a reason; it is left out`);
      return;
    }
    const reason = cleanReason(item);
    if (!reason) {
      problems.push(`${setting} item ${i + 1} is empty; it is left out`);
      return;
    }
    if ([...item.trim()].length > MAX_REASON_LENGTH)
      problems.push(`${setting} item ${i + 1} is longer than ${MAX_REASON_LENGTH} characters; it is cut`);
    const key = reason.toLocaleLowerCase();
    if (seen.has(key)) {
      problems.push(`${setting} item ${i + 1} ("${reason}") is listed twice; the first one is kept`);
      return;
    }
    seen.add(key);
    reasons.push(reason);
  });
  return { value: reasons, problems };
}

export function checkReasonRequirement(value: unknown): Checked<ReasonRequirement> {
  if (value === undefined || REQUIREMENTS.includes(value as ReasonRequirement))
    return { value: (value as ReasonRequirement | undefined) ?? DEFAULT_REQUIREMENT, problems: [] };
  return {
    value: DEFAULT_REQUIREMENT,
    problems: [
      `literatureTriage.requireExclusionReason is ${describe(value)}; expected "never", "fullText" or "always" ("${DEFAULT_REQUIREMENT}" is used)`,
    ],
  };
}

export function checkCriteria(value: unknown): Checked<string> {
  if (value === undefined || value === null) return { value: '', problems: [] };
  if (typeof value === 'string') return { value, problems: [] };
  if (Array.isArray(value) && value.every((line) => typeof line === 'string'))
    // A list of lines is what some people write for a multi-line setting: it is read as one text.
    return { value: value.join('\n'), problems: [] };
  return {
    value: '',
    problems: [`literatureTriage.criteria is ${describe(value)}; expected Markdown text`],
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${[...value].slice(0, 40).join('')}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}
