import * as vscode from 'vscode';
import { checkReviewerId } from '../../core/team';
import { showInput } from '../shared/pickers';
import { ui } from '../shared/uiText';
import { SETTINGS_SECTION } from '../settings';
import { gitUserEmail } from './gitIdentity';

export const REVIEWER_SETTING = 'reviewer';

/** The reviewer id from `literatureTriage.reviewer`, if that holds a usable one. */
export function reviewerFromSetting(): string | undefined {
  const raw = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(REVIEWER_SETTING, '');
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const check = checkReviewerId(raw);
  return 'id' in check ? check.id : undefined;
}

/**
 * Who is screening in this window: the setting, else git's `user.email`, else (when `ask`) the answer to a
 * question asked once and kept in the user settings (the id is a person's, not the workspace's: in the shared
 * `.vscode/settings.json` it would make every teammate the same reviewer).
 */
export async function resolveReviewer(folder: vscode.Uri, ask: boolean): Promise<string | undefined> {
  const fromSetting = reviewerFromSetting();
  if (fromSetting) return fromSetting;
  const email = await gitUserEmail(folder);
  const fromGit = email === undefined ? undefined : checkReviewerId(email);
  if (fromGit && 'id' in fromGit) return fromGit.id;
  if (!ask) return undefined;
  const typed = await showInput({
    title: ui`Literature Triage: Team Screening`,
    prompt: ui`Your reviewer id names your decisions file (e.g. your e-mail address). It is kept in your user settings.`,
    placeHolder: ui`name@example.org`,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = checkReviewerId(value);
      return 'problem' in check ? ui`${check.problem}` : undefined;
    },
  });
  if (typed === undefined) return undefined;
  const check = checkReviewerId(typed);
  if (!('id' in check)) return undefined;
  await vscode.workspace
    .getConfiguration(SETTINGS_SECTION)
    .update(REVIEWER_SETTING, check.id, vscode.ConfigurationTarget.Global);
  return check.id;
}
