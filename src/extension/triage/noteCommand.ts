import type { PaperSummary } from '../../worker/protocol';
import { showInfo } from '../shared/notifications';
import { showInput } from '../shared/pickers';
import type { FeatureContext } from '../featureContext';
import type { ReaderHost } from '../reader';
import { describeTargets } from './tagPickers';
import { setNoteOf } from '../shared/triageEdits';
import { ui } from '../shared/uiText';

/**
 * Edit Note: a one-line box with the current note (empty deletes it). A note of several lines would lose its
 * line breaks in that box, so it opens the paper in the reader, whose note editor keeps them.
 */
export async function editNote(
  ctx: FeatureContext,
  reader: ReaderHost,
  paper: PaperSummary,
  given: unknown,
): Promise<void> {
  if (typeof given === 'string') return setNoteOf(ctx, paper, given);
  const current = ctx.library.triage(paper).note;
  if (current.includes('\n')) {
    reader.show(paper);
    void showInfo(
      ui`This note has several lines: edit it in the reader’s note field, where line breaks are kept.`,
    );
    return;
  }
  const note = await showInput({
    title: ui`Note on ${describeTargets([paper])}`,
    value: current,
    placeHolder: ui`Why include or exclude it, what to check…`,
    prompt: ui`Leave empty to delete the note. For several lines, use the note field in the reader.`,
  });
  if (note !== undefined) setNoteOf(ctx, paper, note);
}
