import { flashStatus } from '../shared/notifications';
import { showPick } from '../shared/pickers';
import { stageLabel } from '../shared/reviewStage';
import { ui } from '../shared/uiText';
import { REVIEW_STAGES, type ReviewStage } from '../../core/triage';
import type { FeatureContext } from '../featureContext';

const DESCRIPTIONS: Record<ReviewStage, string> = {
  titleAbstract: 'Screen titles and abstracts',
  fullText: 'Assess the full texts of the papers included at title/abstract',
};

/** Switch Screening Stage: to the stage given as argument, else one picked from a list. */
export async function switchStage(ctx: FeatureContext, arg: unknown): Promise<ReviewStage | undefined> {
  let stage = REVIEW_STAGES.includes(arg as ReviewStage) ? (arg as ReviewStage) : undefined;
  if (stage === undefined) {
    const items = REVIEW_STAGES.map((s) => ({
      label: ui`${stageLabel(s)}`,
      description: s === ctx.stage.current ? ui`(current)` : ui``,
      detail: ui`${DESCRIPTIONS[s]}`,
      stage: s,
    }));
    stage = (await showPick(items, { placeHolder: ui`Screen at which stage?` }))?.stage;
  }
  if (stage === undefined) return undefined;
  await ctx.stage.set(stage);
  flashStatus(ui`Screening at ${stageLabel(stage).toLowerCase()}.`, 3000);
  return stage;
}
