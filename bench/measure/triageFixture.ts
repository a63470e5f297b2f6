/** A triage state like a screening in progress: a fifth of the papers decided, some tagged and annotated. */
import type { Paper } from '../../src/core/model/paper';
import { addTagMany, emptyState, setNote, setStatusMany, type TriageState } from '../../src/core/triage';

const NOW = '2025-06-01T00:00:00.000Z';

export function screeningState(papers: readonly Paper[]): TriageState {
  let state = emptyState();
  const every = (n: number, offset: number) => papers.filter((_, i) => i % n === offset);
  state = setStatusMany(state, every(10, 0), 'include', NOW);
  state = setStatusMany(state, every(10, 1), 'exclude', NOW);
  state = setStatusMany(state, every(20, 2), 'maybe', NOW);
  state = addTagMany(state, every(25, 3), 'to-read', NOW);
  state = addTagMany(state, every(40, 4), 'method', NOW);
  for (const paper of every(100, 5)) state = setNote(state, paper, 'Check the evaluation section.', NOW);
  return state;
}

/** Every paper included, for exporting all of them. */
export function allIncluded(papers: readonly Paper[]): TriageState {
  return setStatusMany(emptyState(), papers, 'include', NOW);
}
