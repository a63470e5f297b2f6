/**
 * The reviewers folder read as a whole: every usable reviewer file, and for each one that is not, a problem
 * naming the file and why. A bad file never stops the others from loading, and the caller must not write over
 * a file that is listed here.
 */
import { StateFileError } from '../triage';
import { parseReviewerFile, type ReviewerFile } from './reviewerFile';
import { checkReviewerId, reviewerFileName } from './reviewerId';

export interface ReviewerSource {
  /** The file's name in the reviewers folder, `<id>.json`. */
  readonly name: string;
  readonly text: string;
}

export interface LoadedReviewer extends ReviewerFile {
  readonly name: string;
}

export interface ReviewerProblem {
  readonly name: string;
  readonly message: string;
}

export interface ReviewerSet {
  /** Sorted by id. */
  readonly reviewers: readonly LoadedReviewer[];
  readonly problems: readonly ReviewerProblem[];
}

export function loadReviewerSet(sources: readonly ReviewerSource[]): ReviewerSet {
  const problems: ReviewerProblem[] = [];
  const parsed: LoadedReviewer[] = [];
  for (const source of sources) {
    const stem = source.name.endsWith('.json') ? source.name.slice(0, -'.json'.length) : undefined;
    const check = stem === undefined ? undefined : checkReviewerId(stem);
    if (check === undefined || 'problem' in check || check.id !== stem) {
      const why =
        check && 'problem' in check ? check.problem : 'the name must be the reviewer id in lower case';
      problems.push({ name: source.name, message: `not a reviewer file name (<id>.json): ${why}` });
      continue;
    }
    try {
      parsed.push({ name: source.name, ...parseReviewerFile(source.text) });
    } catch (error) {
      if (!(error instanceof StateFileError)) throw error;
      problems.push({ name: source.name, message: error.message });
    }
  }
  const byId = new Map<string, LoadedReviewer[]>();
  for (const file of parsed) byId.set(file.reviewer, [...(byId.get(file.reviewer) ?? []), file]);
  const reviewers: LoadedReviewer[] = [];
  for (const [id, files] of byId) {
    const own = files.find((f) => f.name === reviewerFileName(id));
    if (own) reviewers.push(own);
    for (const file of files) {
      if (file === own) continue;
      const owner = own ? `, which ${own.name} holds` : `; its file must be ${reviewerFileName(id)}`;
      problems.push({ name: file.name, message: `claims reviewer "${id}"${owner}` });
    }
  }
  reviewers.sort((a, b) => (a.reviewer < b.reviewer ? -1 : a.reviewer > b.reviewer ? 1 : 0));
  problems.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { reviewers, problems };
}
