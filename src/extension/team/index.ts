import * as vscode from 'vscode';
import type { FeatureContext, TargetResolver } from '../featureContext';
import { nextConflict, resolveConflict } from './resolveConflict';
import { FINAL_FOLDER } from './teamDecisions';
import type { BlindMode } from './blindMode';
import { COMMANDS, CONTEXT_KEYS } from '../commands';
import { ContextKey } from '../contextKey';
import { showInfo, showWarning } from '../shared/notifications';
import { quoted, ui } from '../shared/uiText';
import { AgreementPanel } from './agreementPanel';

export { TeamSession, REVIEWERS_FOLDER } from './teamSession';
export { TeamDecisions, FINAL_FOLDER } from './teamDecisions';
export { BlindMode } from './blindMode';
export { teamAgreement } from './agreementPanel';
export type { AgreementPanel } from './agreementPanel';

export interface TeamFeature {
  readonly blind: BlindMode;
  readonly agreement: AgreementPanel;
}

/** Start Team Screening · Reveal Decisions · Show Reviewer Agreement; reviewer files that cannot be read. */
export function registerTeam(ctx: FeatureContext, targets: TargetResolver): TeamFeature {
  const team = ctx.team.session;
  const blind = ctx.team.blind;
  const agreement = new AgreementPanel(team, ctx.store, blind);
  const teamKey = new ContextKey(CONTEXT_KEYS.teamMode);
  const reported = new Set<string>();
  const onTeamChange = () => {
    teamKey.set(team.active);
    for (const problem of team.problems) {
      const line = `${problem.name}: ${problem.message}`;
      if (reported.has(line)) continue;
      reported.add(line);
      ctx.log.appendLine(ui`Reviewer file not read (left as it is): ${line}`);
      void showWarning(
        ui`Literature Triage: the reviewer file ${quoted(problem.name)} cannot be read and is left as it is: ${problem.message}`,
      );
    }
    for (const problem of ctx.team.problems) {
      const line = `final/${problem.name}: ${problem.message}`;
      if (reported.has(line)) continue;
      reported.add(line);
      ctx.log.appendLine(ui`Final-decisions file not read (left as it is): ${line}`);
      void showWarning(
        ui`Literature Triage: the final-decisions file ${quoted(`${FINAL_FOLDER}/${problem.name}`)} cannot be read and is left as it is: ${problem.message}`,
      );
    }
  };
  onTeamChange();
  ctx.extension.subscriptions.push(
    agreement,
    team.onDidChange(onTeamChange),
    ctx.team.onDidChange(onTeamChange),
    vscode.commands.registerCommand(COMMANDS.startTeamScreening, async () => {
      const outcome = await team.start();
      if (outcome === 'no-folder')
        void showWarning(ui`Team screening needs a workspace folder (the reviewer files live in it).`);
      else if (outcome === 'already')
        void showInfo(ui`Team screening is already on; you are ${quoted(team.reviewer ?? '')}.`);
      else if (outcome === 'started') {
        void showInfo(
          ui`Team screening started: your decisions are now kept in ${quoted(team.myFile()?.path.split('/').slice(-3).join('/') ?? '')}. Commit that file; each reviewer has their own.`,
        );
      }
      return outcome;
    }),
    vscode.commands.registerCommand(COMMANDS.revealDecisions, () => blind.reveal()),
    vscode.commands.registerCommand(COMMANDS.showAgreement, () => agreement.show()),
    vscode.commands.registerCommand(
      COMMANDS.resolveConflict,
      (target?: unknown, decision?: unknown, reason?: unknown) =>
        resolveConflict(ctx, targets, target, decision, reason),
    ),
    vscode.commands.registerCommand(COMMANDS.nextConflict, () => nextConflict(ctx, targets.targets()[0]?.id)),
  );
  return { blind, agreement };
}
