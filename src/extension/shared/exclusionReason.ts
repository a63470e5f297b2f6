import * as vscode from 'vscode';
import type { ReviewStage } from '../../core/triage';
import type { FeatureContext } from '../featureContext';
import { SETTINGS_SECTION } from '../settings';
import { showWarning } from './notifications';
import { createPick, type SafePickItem } from './pickers';
import { keepItemOrder } from './quickPickOrder';
import { stageLabel } from './reviewStage';
import { cleanReason } from './reviewProtocol';
import { quoted, shownText, ui, type Shown } from './uiText';

/**
 * How an exclusion gets its reason:
 * - `plain`: the Exclude button or command without a reason; it asks only when the stage requires one;
 * - `ask`: the `x` key; it asks whenever there are reasons to pick from or one is required;
 * - a number: reason N of `literatureTriage.exclusionReasons` (the keys 1–9);
 * - a string: that reason (a command argument).
 */
export type ExclusionRequest = 'plain' | 'ask' | number | { reason: string };

/** The reason to exclude with (`undefined`: none), or undefined when the exclusion is called off. */
export type ExclusionOutcome = { reason: string | undefined } | undefined;

export async function exclusionReasonFor(
  ctx: FeatureContext,
  request: ExclusionRequest,
  stage: ReviewStage,
  what: Shown,
): Promise<ExclusionOutcome> {
  const required = ctx.review.reasonRequired(stage);
  if (typeof request === 'number') return numbered(ctx, request);
  if (typeof request === 'object') {
    const reason = cleanReason(request.reason);
    if (reason) return { reason };
    request = 'plain';
  }
  if (request === 'plain' && !required) return { reason: undefined };
  if (request === 'ask' && !required && ctx.review.exclusionReasons().length === 0)
    return { reason: undefined };
  return pickExclusionReason(ctx, stage, required, what);
}

function numbered(ctx: FeatureContext, n: number): ExclusionOutcome {
  const reasons = ctx.review.exclusionReasons();
  const reason = Number.isInteger(n) && n >= 1 ? reasons[n - 1] : undefined;
  if (reason !== undefined) return { reason };
  const open = ui`Open Settings`;
  const message = reasons.length
    ? ui`There is no exclusion reason ${n}: ${SETTINGS_SECTION}.exclusionReasons has ${reasons.length}. Nothing was decided.`
    : ui`No exclusion reasons are set (${SETTINGS_SECTION}.exclusionReasons), so key ${n} has none. Nothing was decided.`;
  void showWarning(message, {}, open).then((choice) => {
    if (choice === open)
      void vscode.commands.executeCommand(
        'workbench.action.openSettings',
        `${SETTINGS_SECTION}.exclusionReasons`,
      );
  });
  return undefined;
}

interface ReasonItem extends SafePickItem {
  /** undefined: exclude without a reason. */
  readonly reason: string | undefined;
  readonly fresh?: true;
}

/**
 * The reasons in their order (the first nine with their key), "Exclude without a reason" when none is
 * required, and what is typed as a new reason (added to the workspace's list when picked). Escape: undefined.
 */
export function pickExclusionReason(
  ctx: FeatureContext,
  stage: ReviewStage,
  required: boolean,
  what: Shown,
): Promise<ExclusionOutcome> {
  const reasons = ctx.review.exclusionReasons();
  const listed: ReasonItem[] = reasons.map((reason, i) => ({
    reason,
    label: shownText(reason),
    ...(i < 9 ? { description: ui`key ${i + 1}` } : {}),
  }));
  if (!required)
    listed.push({
      reason: undefined,
      label: ui`Exclude without a reason`,
      iconPath: new vscode.ThemeIcon('circle-slash'),
    });
  const picker = createPick<ReasonItem>();
  picker.title = ui`Exclude ${what} at ${stageLabel(stage).toLowerCase()}`;
  picker.placeholder = reasons.length
    ? required
      ? ui`Pick the reason (required at this stage) or type a new one`
      : ui`Pick a reason or type a new one`
    : ui`Type a reason (it is added to the exclusion reasons)`;
  picker.items = listed;
  keepItemOrder(picker);
  const known = (text: string) => reasons.some((r) => r.toLocaleLowerCase() === text.toLocaleLowerCase());
  picker.onDidChangeValue((value) => {
    const typed = cleanReason(value);
    const fresh: ReasonItem[] =
      typed && !known(typed)
        ? [
            {
              reason: typed,
              fresh: true,
              label: shownText(typed),
              description: ui`new reason, added to the list`,
              alwaysShow: true,
              iconPath: new vscode.ThemeIcon('add'),
            },
          ]
        : [];
    picker.items = [...fresh, ...listed];
  });
  return new Promise<ExclusionOutcome>((resolve) => {
    let done = false;
    picker.onDidAccept(() => {
      const item = picker.activeItems[0] ?? picker.selectedItems[0];
      const typed = cleanReason(picker.value);
      if (!item && !typed) return;
      done = true;
      picker.hide();
      const chosen: ReasonItem = item ?? { reason: typed, fresh: true, label: shownText(typed) };
      if (chosen.fresh && chosen.reason !== undefined && !known(chosen.reason)) {
        void ctx.review
          .addExclusionReason(chosen.reason)
          .then(undefined, (error: unknown) =>
            ctx.log.appendLine(
              ui`Could not add the exclusion reason ${quoted(chosen.reason ?? '')}: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
      }
      resolve({ reason: chosen.reason });
    });
    picker.onDidHide(() => {
      if (!done) resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}
