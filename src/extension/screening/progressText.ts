import type { ScreeningProgress } from '../../core/screening/progress';
import { inline, ui, type UiText } from '../shared/uiText';

const percent = (share: number): string => `${Math.round(share * 1000) / 10} %`;

/**
 * The stopping test's verdict in one sentence: "Recall ≥ 95 % with 95 % confidence: you may stop", or
 * "Not yet: about N more to screen", N being the fewest further papers, all excluded in a row, after which the
 * test would pass.
 */
export function stoppingVerdict(progress: ScreeningProgress): UiText {
  const { estimate, options } = progress;
  const claim = `Recall ≥ ${percent(options.recallTarget)} with ${percent(options.confidence)} confidence`;
  if (estimate.total === 0) return ui`No papers to screen.`;
  if (estimate.screened === estimate.total) return ui`Every paper is screened: nothing was missed.`;
  if (estimate.screened === 0) return ui`Not yet: nothing is screened.`;
  if (estimate.stop) return ui`${claim}: you may stop.`;
  const papers = estimate.moreToScreen === 1 ? 'paper' : 'papers';
  return ui`Not yet: about ${estimate.moreToScreen} more ${papers} to screen.`;
}

/** How the verdict was reached, for the line under it. */
export function stoppingExplanation(progress: ScreeningProgress): UiText {
  const { estimate, options } = progress;
  const target = percent(options.recallTarget);
  if (estimate.total === 0 || estimate.screened === estimate.total) return ui``;
  if (estimate.screened === 0) {
    return ui`The stopping test (Callaghan & Müller-Hansen 2020) starts with your first decisions: it asks how likely so few inclusions among the last papers screened would be if recall were still below ${target}.`;
  }
  const p = estimate.pValue < 0.001 ? '< 0.001' : `= ${estimate.pValue.toFixed(3)}`;
  const alpha = (1 - options.confidence).toFixed(3);
  const why = ui`If recall were below ${target}, so few inclusions among the last ${estimate.window} papers screened would have probability p ${p} (Callaghan & Müller-Hansen 2020)`;
  if (estimate.stop) return ui`${inline(why)}, below ${alpha}.`;
  return ui`${inline(why)}; the test passes below ${alpha}. That takes at least ${estimate.moreToScreen} more exclusions in a row; an inclusion among them raises the count.`;
}
