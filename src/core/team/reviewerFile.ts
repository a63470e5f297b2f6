/**
 * One reviewer's decisions in team screening: the state file's format (sorted, one block per paper, the same
 * parse errors) with a `"reviewer"` member naming whose they are. Each reviewer writes only their own file,
 * so a `git pull` never meets two edits of one file from two people.
 */
import { parseDocument, serialize, StateFileError, type TriageState } from '../triage';
import { checkReviewerId } from './reviewerId';

export interface ReviewerFile {
  readonly reviewer: string;
  readonly state: TriageState;
}

export function serializeReviewerFile(file: ReviewerFile): string {
  return serialize(file.state, file.reviewer);
}

/** Reads a reviewer file; a missing or unusable `reviewer`, or anything `parse` refuses, is a StateFileError. */
export function parseReviewerFile(text: string): ReviewerFile {
  const document = parseDocument(text);
  if (document.reviewer === undefined) {
    throw new StateFileError(
      'corrupt',
      'a reviewer file needs a "reviewer" member (whose decisions these are)',
    );
  }
  const check = checkReviewerId(document.reviewer);
  const at = memberPosition(text, 'reviewer');
  if ('problem' in check) throw new StateFileError('corrupt', check.problem, at);
  if (check.id !== document.reviewer) {
    throw new StateFileError(
      'corrupt',
      `"reviewer" must be written in its canonical form "${check.id}" (ids are compared in lower case)`,
      at,
    );
  }
  return { reviewer: check.id, state: document.state };
}

/** Where a top-level string member's name starts (the serializer writes it on its own line). */
function memberPosition(text: string, name: string) {
  const match = new RegExp(`^[ \\t]*"${name}"[ \\t]*:[ \\t]*"`, 'm').exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match[0].indexOf('"') + 1;
  return { offset: match.index + column - 1, line, column };
}
