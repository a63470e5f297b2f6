import { merge, type History, type PaperTriage, type TriageState } from '../../core/triage';

/**
 * Carries a change made outside this window (the file went from `before` to `after`) into every undo step, so
 * undoing a local edit later reverts only that edit and never brings back what the other side changed.
 * Only the papers the change touched are merged, so the cost follows the size of the change.
 */
export function rebaseHistory(history: History, before: TriageState, after: TriageState): History {
  const changed = changedIds(before, after);
  if (changed.length === 0) return history;
  const base = subset(before, changed);
  const incoming = subset(after, changed);
  const rebase = (state: TriageState): TriageState => {
    const merged = merge(subset(state, changed), incoming, base);
    const papers = new Map(state.papers);
    for (const id of changed) {
      const entry = merged.papers.get(id);
      if (entry) papers.set(id, entry);
      else papers.delete(id);
    }
    return { papers };
  };
  return { ...history, past: history.past.map(rebase) };
}

function changedIds(before: TriageState, after: TriageState): string[] {
  const ids = new Set([...before.papers.keys(), ...after.papers.keys()]);
  return [...ids].filter((id) => !sameEntry(before.papers.get(id), after.papers.get(id)));
}

function subset(state: TriageState, ids: readonly string[]): TriageState {
  const papers = new Map<string, PaperTriage>();
  for (const id of ids) {
    const entry = state.papers.get(id);
    if (entry) papers.set(id, entry);
  }
  return { papers };
}

function sameEntry(a: PaperTriage | undefined, b: PaperTriage | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.status === b.status &&
    a.note === b.note &&
    a.key === b.key &&
    a.title === b.title &&
    a.updated === b.updated &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}
