/**
 * What the team decided: the decisions export, PRISMA and citation use in team screening. At each stage a
 * paper's final decision is, in this order:
 *   1. the latest resolution of it (any resolver's file; later `resolved` wins, then the resolver id);
 *   2. else the decision every reviewer who screened it made, once at least `reviewersPerPaper` of them have
 *      (never more than there are reviewers, so a team of one decides alone);
 *   3. else none yet: it is still waiting for a reviewer, or it is an open conflict.
 * Tags are every reviewer's; the note, the citation key and the full-text file are this window's reviewer's
 * when they have them, else the first reviewer's (by id) who has.
 */
import {
  StateFileError,
  reasonAt,
  statusAt,
  type PaperTriage,
  type ReviewStage,
  type TriageState,
} from '../triage';
import { canonicalTags, isEmptyTriage, makeFullText, makeTriage } from '../triage/normalize';
import { decisionAt, type AgreementCategory, type ReviewerDecisions } from './agreement';
import { conflictsAt, type Conflict } from './conflicts';
import { parseResolutionFile, type ResolutionFile, type StageResolution } from './resolutionFile';
import { checkReviewerId, reviewerFileName } from './reviewerId';
import type { ReviewerProblem, ReviewerSource } from './reviewerSet';

export interface LoadedResolutions extends ResolutionFile {
  readonly name: string;
}

export interface ResolutionSet {
  /** Sorted by resolver id. */
  readonly files: readonly LoadedResolutions[];
  readonly problems: readonly ReviewerProblem[];
}

/** Every readable `<resolver>.json` of the final-decisions folder; each other file is a named problem. */
export function loadResolutionSet(sources: readonly ReviewerSource[]): ResolutionSet {
  const files: LoadedResolutions[] = [];
  const problems: ReviewerProblem[] = [];
  for (const source of sources) {
    try {
      const file = parseResolutionFile(source.text);
      if (source.name !== reviewerFileName(file.resolver)) {
        const check = checkReviewerId(source.name.replace(/\.json$/, ''));
        const why = 'problem' in check ? `: ${check.problem}` : '';
        problems.push({
          name: source.name,
          message: `holds the final decisions of "${file.resolver}", whose file must be ${reviewerFileName(file.resolver)}${why}`,
        });
        continue;
      }
      files.push({ name: source.name, ...file });
    } catch (error) {
      if (!(error instanceof StateFileError)) throw error;
      problems.push({ name: source.name, message: error.message });
    }
  }
  files.sort((a, b) => compare(a.resolver, b.resolver));
  problems.sort((a, b) => compare(a.name, b.name));
  return { files, problems };
}

export interface AppliedResolution extends StageResolution {
  readonly resolver: string;
}

/** The resolution that counts for a paper at a stage: the latest, ties broken by resolver id. */
export function resolutionAt(
  files: readonly ResolutionFile[],
  id: string,
  stage: ReviewStage,
): AppliedResolution | undefined {
  let best: AppliedResolution | undefined;
  for (const file of files) {
    const paper = file.resolutions.get(id);
    const at = stage === 'fullText' ? paper?.fullText : paper?.titleAbstract;
    if (!at) continue;
    const time = Date.parse(at.resolved);
    const bestTime = best ? Date.parse(best.resolved) : -Infinity;
    if (!best || time > bestTime || (time === bestTime && file.resolver < best.resolver)) {
      best = { ...at, resolver: file.resolver };
    }
  }
  return best;
}

/** A resolver's file with one more (or a replaced) resolution. */
export function withResolution(
  file: ResolutionFile,
  id: string,
  title: string,
  stage: ReviewStage,
  resolution: StageResolution,
): ResolutionFile {
  const before = file.resolutions.get(id) ?? { title };
  const stageResolution: StageResolution = {
    decision: resolution.decision,
    ...(resolution.decision === 'exclude' && resolution.reason ? { reason: resolution.reason } : {}),
    resolved: resolution.resolved,
  };
  const paper =
    stage === 'fullText'
      ? { ...before, title: title || before.title, fullText: stageResolution }
      : { ...before, title: title || before.title, titleAbstract: stageResolution };
  const resolutions = new Map(file.resolutions);
  resolutions.set(id, paper);
  return { resolver: file.resolver, resolutions };
}

/** The conflicts at a stage that no one has resolved yet. */
export function openConflictsAt(
  reviewers: readonly ReviewerDecisions[],
  files: readonly ResolutionFile[],
  stage: ReviewStage,
): Conflict[] {
  return conflictsAt(reviewers, stage).filter((c) => resolutionAt(files, c.id, stage) === undefined);
}

export interface FinalOptions {
  /** This window's reviewer: their note, key and full-text file are preferred. */
  readonly mine?: string;
  /** How many reviewers must have decided alike before an unresolved decision is final (at least 1). */
  readonly reviewersPerPaper: number;
}

export interface FinalDecision {
  readonly decision: AgreementCategory;
  readonly reason?: string;
  /** `agreed`: every reviewer who screened it decided so; else the resolution that decided it. */
  readonly from: 'agreed' | AppliedResolution;
}

/** A paper's final decision at a stage, if the team has one (see the module comment). */
export function finalDecisionAt(
  reviewers: readonly ReviewerDecisions[],
  files: readonly ResolutionFile[],
  id: string,
  stage: ReviewStage,
  reviewersPerPaper: number,
): FinalDecision | undefined {
  const resolution = resolutionAt(files, id, stage);
  if (resolution) {
    return {
      decision: resolution.decision,
      ...(resolution.reason ? { reason: resolution.reason } : {}),
      from: resolution,
    };
  }
  const required = Math.max(1, Math.min(Math.floor(reviewersPerPaper), reviewers.length));
  const decided = sortedById(reviewers).filter((r) => decisionAt(r.state, id, stage) !== undefined);
  if (decided.length < required) return undefined;
  const decision = decisionAt(decided[0]!.state, id, stage)!;
  if (decided.some((r) => decisionAt(r.state, id, stage) !== decision)) return undefined;
  const reason = decision === 'exclude' ? firstReason(decided, id, stage) : undefined;
  return { decision, ...(reason ? { reason } : {}), from: 'agreed' };
}

/** The team's final decisions as a triage state, for everything that reports or cites what was decided. */
export function finalState(
  reviewers: readonly ReviewerDecisions[],
  files: readonly ResolutionFile[],
  options: FinalOptions,
): TriageState {
  const sorted = sortedById(reviewers);
  const mineFirst = [
    ...sorted.filter((r) => r.reviewer === options.mine),
    ...sorted.filter((r) => r.reviewer !== options.mine),
  ];
  const ids = new Set<string>();
  for (const r of sorted) for (const id of r.state.papers.keys()) ids.add(id);
  for (const file of files) for (const id of file.resolutions.keys()) ids.add(id);
  const papers = new Map<string, PaperTriage>();
  for (const id of [...ids].sort(compare)) {
    const entries = mineFirst.flatMap((r) => {
      const entry = r.state.papers.get(id);
      return entry ? [entry] : [];
    });
    const ta = finalDecisionAt(sorted, files, id, 'titleAbstract', options.reviewersPerPaper);
    const ft = finalDecisionAt(sorted, files, id, 'fullText', options.reviewersPerPaper);
    const mine = options.mine === undefined ? undefined : sorted.find((r) => r.reviewer === options.mine);
    const own = mine?.state.papers.get(id);
    const pdf = entries.find((e) => e.fullText?.pdf)?.fullText?.pdf;
    const fullText = makeFullText({
      status: ft?.decision ?? 'untriaged',
      reason: ft?.reason,
      pdf,
      retrieved: (own?.fullText ?? entries[0]?.fullText)?.retrieved,
    });
    const times = [
      ...entries.map((e) => e.updated),
      ...files.flatMap((f) => {
        const paper = f.resolutions.get(id);
        return [paper?.titleAbstract?.resolved, paper?.fullText?.resolved].filter((t): t is string => !!t);
      }),
    ];
    const title =
      entries.find((e) => e.title)?.title ??
      files.map((f) => f.resolutions.get(id)?.title).find((t) => t) ??
      '';
    const entry = makeTriage({
      title,
      status: ta?.decision ?? 'untriaged',
      reason: ta?.reason,
      fullText,
      tags: canonicalTags(entries.flatMap((e) => e.tags)),
      note: own?.note ?? entries.find((e) => e.note)?.note ?? '',
      key: entries.find((e) => e.key !== undefined)?.key,
      updated: times.reduce(
        (a, b) => (Date.parse(b) > Date.parse(a) ? b : a),
        times[0] ?? new Date(0).toISOString(),
      ),
    });
    if (!isEmptyTriage(entry)) papers.set(id, entry);
  }
  return { papers };
}

function firstReason(
  reviewers: readonly ReviewerDecisions[],
  id: string,
  stage: ReviewStage,
): string | undefined {
  for (const r of reviewers) {
    const triage = r.state.papers.get(id);
    const reason = triage && statusAt(triage, stage) === 'exclude' ? reasonAt(triage, stage) : undefined;
    if (reason) return reason;
  }
  return undefined;
}

function sortedById(reviewers: readonly ReviewerDecisions[]): ReviewerDecisions[] {
  return [...reviewers].sort((a, b) => compare(a.reviewer, b.reviewer));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
