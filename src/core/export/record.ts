/** What every export writer takes: a paper, its triage, and (formats that cite by key) its citation key. */
import type { Paper } from '../model/paper';
import type { PaperTriage, TriageStatus } from '../triage/types';

export interface ExportRecord {
  readonly paper: Paper;
  readonly triage?: PaperTriage | undefined;
  /** The key Export BibTeX gives the paper (see keyPapers); CSL-JSON's `id`. */
  readonly key?: string;
}

/**
 * The decision as a keyword other tools keep (RIS `KW`, CSL-JSON `keyword`): `literature-triage:include`,
 * `…:maybe`, `…:exclude`; none for an undecided paper. Zotero, EndNote and Rayyan keep keywords as they are, so
 * the decision survives a trip through them; the prefix keeps it apart from the paper's own tags.
 */
export const DECISION_KEYWORD_PREFIX = 'literature-triage:';

export function decisionKeyword(status: TriageStatus | undefined): string | undefined {
  return status && status !== 'untriaged' ? `${DECISION_KEYWORD_PREFIX}${status}` : undefined;
}

/** The decision a keyword names, or undefined (for readers of our own exports and the round-trip tests). */
export function decisionOfKeyword(keyword: string): TriageStatus | undefined {
  const match = /^literature-triage:(include|maybe|exclude)$/.exec(keyword.trim());
  return match ? (match[1] as TriageStatus) : undefined;
}

/**
 * The source's keywords and the paper's tags, each once. A source keyword that names a decision (a file that
 * went through one of our exports and back) is left out: the decision made here is the one written.
 */
export function keywordsOf({ paper, triage }: ExportRecord): string[] {
  const own = (paper.keywords ?? []).filter((k) => decisionOfKeyword(k) === undefined);
  return [...new Set([...own, ...(triage?.tags ?? [])])];
}

/**
 * Why an excluded paper was excluded, '' when no reason was given (and for every other decision). This is the
 * one place exports read it: triage entries do not carry a reason yet, so it reads a field of that name only if
 * the entry has one; when `PaperTriage` gains `exclusionReason`, this becomes a plain typed read.
 */
export function exclusionReasonOf(triage: PaperTriage | undefined): string {
  return triage?.status === 'exclude' ? (triage.reason ?? '') : '';
}
