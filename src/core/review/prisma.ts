/**
 * PRISMA 2020 counts for a new systematic review (databases and registers only), from what the reviews
 * record. Nothing is guessed: a count that the reviews cannot give is `null` and listed in `unknown` with the
 * reason. The rules (where "maybe" and unscreened records go, what "sought" means) are in README.md here.
 */

export type Decision = 'include' | 'exclude' | 'maybe';

/** What is known of one paper (one record after duplicates were removed). */
export interface PaperReview {
  /** The title/abstract decision; undefined while the paper is not screened. */
  screening?: Decision | undefined;
  /** The full-text stage, for a paper included at screening. */
  fullText?:
    | {
        /** false: the report could not be retrieved; undefined: not said. */
        retrieved?: boolean | undefined;
        decision?: Decision | undefined;
        /** Why the report was excluded. */
        reason?: string | undefined;
      }
    | undefined;
}

export type SourceType = 'database' | 'register';

export interface PrismaSource {
  /** The name shown in the diagram (a setting's, or the corpus file's name). */
  name: string;
  type: SourceType;
  /** Records read from it, before duplicates were removed. */
  records: number;
}

export interface PrismaInput {
  sources: readonly PrismaSource[];
  /** Records read from all sources less the papers they merged into. */
  duplicatesRemoved: number;
  /** One per paper after duplicates were removed. */
  papers: readonly PaperReview[];
  /** Whether the reviews record a full-text stage at all; without it the full-text counts are unknown. */
  fullTextRecorded: boolean;
  /** The protocol's exclusion reasons: the order in which reasons are listed (others follow, most used first). */
  reasonOrder?: readonly string[];
}

/** The diagram's numbers, keyed as the CLI's `--json` prints them. */
export interface PrismaCounts {
  identified: Record<string, number>;
  duplicates_removed: number;
  screened: number;
  excluded_screening: number;
  sought: number;
  not_retrieved: number | null;
  assessed: number | null;
  excluded_reports: Record<string, number> | null;
  included: number | null;
}

export type PrismaField = keyof PrismaCounts;

export interface PrismaFlow {
  counts: PrismaCounts;
  sources: { name: string; type: SourceType; records: number }[];
  /** Papers that are in no box of the flow yet. */
  awaiting: {
    /** Not decided at title/abstract: `untriaged` plus `maybe`. */
    screening: number;
    unscreened: number;
    maybe: number;
    /** Included at screening, retrieved or not said, and not decided at full text; null when unknown. */
    fullText: number | null;
  };
  unknown: { field: PrismaField; why: string }[];
  /** Sentences a reader of the diagram needs (awaiting papers, reports excluded without a reason). */
  notes: string[];
}

/** The key under which reports excluded without a recorded reason are counted. */
export const NO_REASON = 'Reason not recorded';

const NO_FULL_TEXT = 'the state file records no full-text stage (its decisions are title/abstract decisions)';

export function prismaFlow(input: PrismaInput): PrismaFlow {
  const sources = mergeSources(input.sources);
  const identifiedTotal = sources.reduce((n, s) => n + s.records, 0);
  if (!Number.isInteger(input.duplicatesRemoved) || input.duplicatesRemoved < 0) {
    throw new RangeError(`duplicates removed must be a count, not ${input.duplicatesRemoved}`);
  }
  if (identifiedTotal - input.duplicatesRemoved !== input.papers.length) {
    throw new RangeError(
      `${identifiedTotal} records identified less ${input.duplicatesRemoved} duplicates is not the ${input.papers.length} papers given`,
    );
  }
  let excludedScreening = 0;
  let sought = 0;
  let unscreened = 0;
  let maybe = 0;
  let notRetrieved = 0;
  let awaitingFullText = 0;
  let included = 0;
  let ignoredFullText = 0;
  const reasons = new Map<string, number>();
  for (const paper of input.papers) {
    const screening = paper.screening;
    if (screening !== 'include') {
      if (screening === 'exclude') excludedScreening++;
      else if (screening === 'maybe') maybe++;
      else unscreened++;
      if (paper.fullText && hasFullTextData(paper.fullText)) ignoredFullText++;
      continue;
    }
    sought++;
    if (!input.fullTextRecorded) continue;
    const fullText = paper.fullText ?? {};
    if (fullText.decision === 'include') included++;
    else if (fullText.decision === 'exclude') {
      const reason = fullText.reason?.trim() ? fullText.reason.trim() : NO_REASON;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    } else if (fullText.retrieved === false) notRetrieved++;
    else awaitingFullText++;
  }
  const screened = sought + excludedScreening;
  const excludedReports = [...reasons.values()].reduce((n, k) => n + k, 0);
  const known = input.fullTextRecorded;
  const counts: PrismaCounts = {
    identified: Object.fromEntries(sources.map((s) => [s.name, s.records])),
    duplicates_removed: input.duplicatesRemoved,
    screened,
    excluded_screening: excludedScreening,
    sought,
    not_retrieved: known ? notRetrieved : null,
    assessed: known ? included + excludedReports : null,
    excluded_reports: known ? orderedReasons(reasons, input.reasonOrder ?? []) : null,
    included: known ? included : null,
  };
  const unknown: PrismaFlow['unknown'] = known
    ? []
    : (['not_retrieved', 'assessed', 'excluded_reports', 'included'] as const).map((field) => ({
        field,
        why: NO_FULL_TEXT,
      }));
  const notes: string[] = [];
  if (unscreened + maybe > 0) {
    notes.push(
      `Awaiting screening: ${plural(unscreened + maybe, 'record')} (${unscreened} not yet screened, ${maybe} marked maybe), not counted as screened.`,
    );
  }
  if (known && awaitingFullText > 0) {
    notes.push(
      `Awaiting full-text assessment: ${plural(awaitingFullText, 'report')}, not counted as assessed.`,
    );
  }
  const noReason = known ? (reasons.get(NO_REASON) ?? 0) : 0;
  if (noReason > 0) {
    notes.push(
      `${plural(noReason, 'report')} ${noReason === 1 ? 'was' : 'were'} excluded without a recorded reason.`,
    );
  }
  if (ignoredFullText > 0) {
    notes.push(
      `${plural(ignoredFullText, 'paper')} ${ignoredFullText === 1 ? 'has' : 'have'} full-text data but ${ignoredFullText === 1 ? 'was' : 'were'} not included at screening: not counted at full text.`,
    );
  }
  return {
    counts,
    sources,
    awaiting: { screening: unscreened + maybe, unscreened, maybe, fullText: known ? awaitingFullText : null },
    unknown,
    notes,
  };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function hasFullTextData(fullText: NonNullable<PaperReview['fullText']>): boolean {
  return fullText.retrieved !== undefined || fullText.decision !== undefined || !!fullText.reason;
}

/** Sources with the same name are one source (two exports of one database); the first one's type counts. */
function mergeSources(sources: readonly PrismaSource[]): PrismaFlow['sources'] {
  const byName = new Map<string, PrismaFlow['sources'][number]>();
  for (const s of sources) {
    if (!Number.isInteger(s.records) || s.records < 0) {
      throw new RangeError(`records of source ${JSON.stringify(s.name)} must be a count, not ${s.records}`);
    }
    const seen = byName.get(s.name);
    if (seen) seen.records += s.records;
    else byName.set(s.name, { name: s.name, type: s.type, records: s.records });
  }
  return [...byName.values()];
}

/** The protocol's reasons in its order, then the others most used first (ties by name); no reason last. */
function orderedReasons(
  counts: ReadonlyMap<string, number>,
  order: readonly string[],
): Record<string, number> {
  const rank = new Map<string, number>();
  order.forEach((reason, i) => {
    if (!rank.has(reason.trim())) rank.set(reason.trim(), i);
  });
  const entries = [...counts].sort(([a, na], [b, nb]) => {
    if ((a === NO_REASON) !== (b === NO_REASON)) return a === NO_REASON ? 1 : -1;
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    if (ra !== rb) return ra - rb;
    return nb - na || (a < b ? -1 : a > b ? 1 : 0);
  });
  return Object.fromEntries(entries);
}

/** The total of the reports excluded at full text, or null when unknown. */
export function excludedReportsTotal(counts: PrismaCounts): number | null {
  return counts.excluded_reports === null
    ? null
    : Object.values(counts.excluded_reports).reduce((n, k) => n + k, 0);
}
