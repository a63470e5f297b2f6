/**
 * How far reviewers agree, per stage, over the papers they all screened (a paper one of them has not decided
 * is not compared). Categories are include, maybe and exclude; maybe takes part only when someone used it
 * on a compared paper, so a plain include/exclude review gets the textbook 2×2 table.
 */
import { statusAt, type ReviewStage, type TriageState, type TriageStatus } from '../triage';
import { cohenKappa, fleissKappa, meanPairwiseAgreement, observedAgreement, pabak } from './kappa';

export type AgreementCategory = Exclude<TriageStatus, 'untriaged'>;

export interface ReviewerDecisions {
  readonly reviewer: string;
  readonly state: TriageState;
}

export interface AgreementTable {
  /** Whose decisions the rows are, and the columns. */
  readonly rows: string;
  readonly columns: string;
  readonly categories: readonly AgreementCategory[];
  /** counts[r][c]: papers the row reviewer put in categories[r] and the column reviewer in categories[c]. */
  readonly counts: readonly (readonly number[])[];
}

export interface PairAgreement {
  readonly reviewers: readonly [string, string];
  readonly papersCompared: number;
  /** 0–100. */
  readonly percentAgreement: number | null;
  readonly cohenKappa: number | null;
  readonly pabak: number | null;
  readonly table: AgreementTable;
}

export interface StageAgreement {
  readonly stage: ReviewStage;
  /** Sorted. */
  readonly reviewers: readonly string[];
  /** Papers every reviewer decided at this stage. */
  readonly papersCompared: number;
  readonly categories: readonly AgreementCategory[];
  /** Share of compared papers on which all reviewers made the same decision, 0–100. */
  readonly percentAgreement: number | null;
  /** Two reviewers only. */
  readonly cohenKappa: number | null;
  /** Two or more reviewers (for two it is Scott's π). */
  readonly fleissKappa: number | null;
  readonly pabak: number | null;
  /** The k×k table of two reviewers; with three or more see `pairs`. */
  readonly table: AgreementTable | null;
  /** Every pair of reviewers, each over the papers both decided. */
  readonly pairs: readonly PairAgreement[];
}

const CATEGORY_ORDER: readonly AgreementCategory[] = ['include', 'maybe', 'exclude'];

/** The decision a reviewer made on a paper at a stage, if any. */
export function decisionAt(
  state: TriageState,
  id: string,
  stage: ReviewStage,
): AgreementCategory | undefined {
  const triage = state.papers.get(id);
  if (!triage) return undefined;
  const status = statusAt(triage, stage);
  return status === 'untriaged' ? undefined : status;
}

export function agreementAt(input: readonly ReviewerDecisions[], stage: ReviewStage): StageAgreement {
  const reviewers = [...input].sort((a, b) => compare(a.reviewer, b.reviewer));
  const rows = comparedDecisions(reviewers, stage);
  const categories = categoriesOf(rows);
  const counts = rows.map((decisions) => categories.map((c) => decisions.filter((d) => d === c).length));
  const allAgree = rows.filter((decisions) => decisions.every((d) => d === decisions[0])).length;
  const pairs = pairsOf(reviewers, stage);
  const two = reviewers.length === 2 ? pairs[0] : undefined;
  return {
    stage,
    reviewers: reviewers.map((r) => r.reviewer),
    papersCompared: rows.length,
    categories,
    percentAgreement: rows.length === 0 || reviewers.length < 2 ? null : (100 * allAgree) / rows.length,
    cohenKappa: two && rows.length > 0 ? two.cohenKappa : null,
    fleissKappa: reviewers.length >= 2 ? fleissKappa(counts) : null,
    pabak: reviewers.length >= 2 ? pabak(meanPairwiseAgreement(counts), categories.length) : null,
    table: two?.table ?? null,
    pairs,
  };
}

function pairsOf(reviewers: readonly ReviewerDecisions[], stage: ReviewStage): PairAgreement[] {
  const pairs: PairAgreement[] = [];
  for (let a = 0; a < reviewers.length; a++) {
    for (let b = a + 1; b < reviewers.length; b++) {
      const pair = [reviewers[a]!, reviewers[b]!];
      const rows = comparedDecisions(pair, stage);
      const categories = categoriesOf(rows);
      const counts = categories.map((row) =>
        categories.map((column) => rows.filter(([x, y]) => x === row && y === column).length),
      );
      const observed = observedAgreement(counts);
      pairs.push({
        reviewers: [pair[0]!.reviewer, pair[1]!.reviewer],
        papersCompared: rows.length,
        percentAgreement: observed === null ? null : 100 * observed,
        cohenKappa: cohenKappa(counts),
        pabak: pabak(observed, categories.length),
        table: { rows: pair[0]!.reviewer, columns: pair[1]!.reviewer, categories, counts },
      });
    }
  }
  return pairs;
}

/** One row per paper every reviewer decided at the stage (in paper id order), each reviewer's decision. */
function comparedDecisions(
  reviewers: readonly ReviewerDecisions[],
  stage: ReviewStage,
): AgreementCategory[][] {
  if (reviewers.length === 0) return [];
  const ids = [...reviewers[0]!.state.papers.keys()].sort(compare);
  const rows: AgreementCategory[][] = [];
  for (const id of ids) {
    const decisions = reviewers.map((r) => decisionAt(r.state, id, stage));
    if (decisions.every((d) => d !== undefined)) rows.push(decisions as AgreementCategory[]);
  }
  return rows;
}

function categoriesOf(rows: readonly (readonly AgreementCategory[])[]): AgreementCategory[] {
  const usesMaybe = rows.some((decisions) => decisions.includes('maybe'));
  return CATEGORY_ORDER.filter((c) => c !== 'maybe' || usesMaybe);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
