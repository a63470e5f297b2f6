import * as vscode from 'vscode';
import type { AgreementCategory, Conflict } from '../../core/team';
import type { FeatureContext, TargetResolver } from '../featureContext';
import { exclusionReasonFor } from '../shared/exclusionReason';
import { showError, showInfo } from '../shared/notifications';
import { showPick, type SafePickItem } from '../shared/pickers';
import { stageLabel } from '../shared/reviewStage';
import { statusIcon } from '../shared/statusIcon';
import { statusLook } from '../shared/statusLook';
import { quoted, shownText, ui } from '../shared/uiText';
import { COMMANDS } from '../commands';

const DECISIONS: readonly AgreementCategory[] = ['include', 'maybe', 'exclude'];

interface DecisionItem extends SafePickItem {
  readonly decision: AgreementCategory;
}

/**
 * Resolve Conflict: the final decision on a paper the reviewers disagree on, at the window's stage. The paper
 * is the argument (an id or a tree row), else the reader's paper or the selection, else the first open
 * conflict. A decision and a reason may be given as arguments; otherwise a pick lists each decision with who
 * made it. Returns the decision recorded, or undefined.
 */
export async function resolveConflict(
  ctx: FeatureContext,
  targets: TargetResolver,
  target?: unknown,
  decision?: unknown,
  reason?: unknown,
): Promise<AgreementCategory | undefined> {
  const stage = ctx.stage.current;
  if (!ctx.team.revealed) {
    void showInfo(
      ctx.team.active
        ? ui`Conflicts are resolved with the other reviewers' decisions in view: run Reveal Decisions first.`
        : ui`Conflicts are resolved in team screening (Start Team Screening).`,
    );
    return undefined;
  }
  const conflicts = ctx.team.openConflicts(stage);
  const conflict = chosenConflict(conflicts, target, targets);
  const id = conflict?.id ?? idOf(target) ?? targets.targets()[0]?.id;
  const paper = id === undefined ? undefined : ctx.library.paper(id);
  if (!paper) {
    void showInfo(ui`There are no open conflicts at ${stageLabel(stage).toLowerCase()}.`);
    return undefined;
  }
  const what = quoted(paper.title, 60);
  let chosen = DECISIONS.find((d) => d === decision);
  if (!chosen) {
    const items: DecisionItem[] = DECISIONS.map((d) => {
      const who = conflict?.decisions.filter((v) => v.decision === d).map((v) => v.reviewer) ?? [];
      return {
        decision: d,
        label: ui`${statusLook(d).label}`,
        iconPath: statusIcon(d),
        ...(who.length ? { description: shownText(who.join(', ')) } : {}),
        ...(who.length && d === 'exclude'
          ? {
              detail: shownText(
                conflict!.decisions
                  .filter((v) => v.decision === 'exclude' && v.reason)
                  .map((v) => `${v.reviewer}: ${v.reason}`)
                  .join(' · '),
              ),
            }
          : {}),
      };
    });
    const picked = await showPick(items, {
      title: ui`Final decision on ${what} (${stageLabel(stage).toLowerCase()})`,
      placeHolder: ui`Pick the team's decision; each one shows who chose it`,
    });
    chosen = picked?.decision;
  }
  if (!chosen) return undefined;
  let why: string | undefined = typeof reason === 'string' && reason.trim() ? reason.trim() : undefined;
  if (chosen === 'exclude' && why === undefined && typeof decision !== 'string') {
    // As the x key does: a reason is asked for when the review lists reasons or requires one.
    const outcome = await exclusionReasonFor(ctx, 'ask', stage, what);
    if (!outcome) return undefined;
    why = outcome.reason;
  }
  try {
    await ctx.team.resolve(paper, stage, chosen, why, ctx.now());
  } catch (error) {
    // My own final-decisions file that cannot be read is left as it is: nothing is recorded.
    void showError(
      ui`Literature Triage: the final decision was not recorded: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  return chosen;
}

function chosenConflict(
  conflicts: readonly Conflict[],
  target: unknown,
  targets: TargetResolver,
): Conflict | undefined {
  const id = idOf(target);
  if (id !== undefined) return conflicts.find((c) => c.id === id);
  const selected = new Set(targets.targets().map((p) => p.id));
  return conflicts.find((c) => selected.has(c.id)) ?? (selected.size === 0 ? conflicts[0] : undefined);
}

/** A paper id from a command argument: the id itself, or a tree row (a paper or a reviewer under one). */
function idOf(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (typeof target !== 'object' || target === null) return undefined;
  const node = target as { paper?: { id?: unknown }; parent?: { paper?: { id?: unknown } } };
  const id = node.paper?.id ?? node.parent?.paper?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Next Conflict: opens the open conflict after the reader's paper (in id order, wrapping round). */
export async function nextConflict(
  ctx: FeatureContext,
  current: string | undefined,
): Promise<string | undefined> {
  const stage = ctx.stage.current;
  if (!ctx.team.revealed) {
    void showInfo(ui`Conflicts show once the other reviewers' decisions are revealed (Reveal Decisions).`);
    return undefined;
  }
  const ids = ctx.team
    .openConflicts(stage)
    .map((c) => c.id)
    .filter((id) => ctx.library.paper(id));
  if (ids.length === 0) {
    void showInfo(
      ui`No open conflicts at ${stageLabel(stage).toLowerCase()}: every disagreement is resolved.`,
    );
    return undefined;
  }
  const after = current === undefined ? -1 : ids.indexOf(current);
  const next =
    after >= 0
      ? ids[(after + 1) % ids.length]!
      : (ids.find((id) => current === undefined || id > current) ?? ids[0]!);
  await vscode.commands.executeCommand(COMMANDS.openPaper, next);
  return next;
}
