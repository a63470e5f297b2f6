import type { PaperTriage, TriageState } from '../../core/triage';
import { reviewPlace } from '../../core/review/reviewPlace';

/** What changed between two triage states: the papers (ids as stored) and which kinds of fields. */
interface TriageChanges {
  readonly ids: string[];
  readonly statusChanged: boolean;
  readonly tagsChanged: boolean;
  /** A paper moved between the places of the two-stage review (see reviewPlace). */
  readonly placeChanged: boolean;
}

export function triageChanges(before: TriageState, after: TriageState): TriageChanges {
  const ids: string[] = [];
  let statusChanged = false;
  let tagsChanged = false;
  let placeChanged = false;
  const compare = (id: string, was: PaperTriage | undefined, now: PaperTriage | undefined) => {
    if (was === now) return;
    ids.push(id);
    statusChanged ||= (was?.status ?? 'untriaged') !== (now?.status ?? 'untriaged');
    tagsChanged ||= (was?.tags ?? []).join('\n') !== (now?.tags ?? []).join('\n');
    placeChanged ||= reviewPlace(was) !== reviewPlace(now);
  };
  for (const [id, entry] of before.papers) compare(id, entry, after.papers.get(id));
  for (const [id, entry] of after.papers) if (!before.papers.has(id)) compare(id, undefined, entry);
  return { ids, statusChanged, tagsChanged, placeChanged };
}
