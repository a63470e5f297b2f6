import { replay, type TriageState } from '../../core/triage';
import { orphanJournals, readJournal } from './editJournal';

interface Recovery {
  /** `state` with the orphaned edits replayed onto it. */
  state: TriageState;
  /** Edits that changed something (an edit the state already holds does not count). */
  recovered: number;
  /** The journals that were read: once their edits are safe elsewhere, they may go. */
  replayed: string[];
  /** Journals that cannot be read, with why: left alone. */
  unreadable: string[];
}

/** Replays onto `state` the journals that closed or crashed windows left beside `stateFile` (see orphanJournals). */
export function replayOrphanJournals(stateFile: string, state: TriageState): Recovery {
  const result: Recovery = { state, recovered: 0, replayed: [], unreadable: [] };
  for (const path of orphanJournals(stateFile)) {
    let records;
    try {
      records = readJournal(path);
    } catch (error) {
      result.unreadable.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    result.replayed.push(path);
    for (const record of records) {
      const next = replay(result.state, [record]);
      if (next !== result.state) result.recovered++;
      result.state = next;
    }
  }
  return result;
}
