import { pinKey } from '../../core/triage';
import { isValidCitationKey } from '../../core/triage/normalize';
import { ensureInBib, type BibLocation, type InsertedCitation } from '../export';
import type { FeatureContext } from '../featureContext';
import { showWarning } from '../shared/notifications';
import { quoted, ui } from '../shared/uiText';

/**
 * After a completion inserted `key` for a paper that no `.bib` defines yet: pins the key (so the entry, and
 * every later export, use the key just typed) and adds the paper's entry to `literatureTriage.bibFile` with
 * Export BibTeX's merge rules. The document edit is the completion's own, so one undo removes the key; the
 * `.bib` keeps the entry (it is a file on disk, not part of the document's undo).
 */
export async function addCitedPaperToBib(
  ctx: FeatureContext,
  location: BibLocation,
  paperId: unknown,
  key: unknown,
): Promise<InsertedCitation | undefined> {
  if (typeof paperId !== 'string' || typeof key !== 'string') return undefined;
  const paper = await ctx.library.fullPaper(paperId);
  if (!paper) return undefined;
  const triage = ctx.library.triage(paper);
  const holder = [...ctx.team.decisions().papers].find(
    ([id, t]) => id !== paper.id && t.key?.toLowerCase() === key.toLowerCase(),
  );
  if (!triage.key && !holder && isValidCitationKey(key))
    ctx.store.apply((state) => pinKey(state, paper, key, ctx.now()));
  const added = await ensureInBib(ctx, location, paper);
  if (added && added.key !== key)
    void showWarning(
      ui`Literature Triage: ${quoted(paper.title, 80)} is cited as ${quoted(added.key, 80)} in the .bib, not ${quoted(key, 80)}.`,
    );
  return added;
}
