import type { TriageState } from './types';

/** The undo steps behind the present state. Immutable: every function returns a new history. */
export interface History {
  readonly past: readonly TriageState[];
  readonly present: TriageState;
  /** Most undo steps kept; older ones are dropped. */
  readonly limit: number;
}

const DEFAULT_UNDO_LIMIT = 200;

export function createHistory(present: TriageState, limit = DEFAULT_UNDO_LIMIT): History {
  return { past: [], present, limit };
}

/** Records `next` as a new step. An operation that changed nothing (same object) records nothing. */
export function commit(history: History, next: TriageState): History {
  if (next === history.present) return history;
  const past = [...history.past, history.present];
  return {
    past: past.length > history.limit ? past.slice(past.length - history.limit) : past,
    present: next,
    limit: history.limit,
  };
}

export function canUndo(history: History): boolean {
  return history.past.length > 0;
}

export function undo(history: History): History {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, limit: history.limit };
}
