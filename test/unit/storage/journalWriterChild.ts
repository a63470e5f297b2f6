// A process that makes edits the way the store does: each is appended to its journal (flushed to the disk)
// before it is acknowledged, and every few edits the state file is rewritten durably and the journal removed (or
// cut down to the edits made during the write).
// Started and killed with SIGKILL by killDuringEdits.test.ts.
import { changesBetween, serialize, setStatus, type TriageState } from '../../../src/core/triage';
import { writeFileAtomically } from '../../../src/extension/shared/atomicWrite';
import { EditJournal } from '../../../src/extension/storage/editJournal';

const [statePath, stopAfter] = process.argv.slice(2) as [string, string];
/** The writer makes no edit after this many, so the kill lands right after that acknowledgement however late. */
const lastEdit = Number(stopAfter);
const journal = new EditJournal(statePath);
const statuses = ['include', 'exclude', 'maybe'] as const;
let state: TriageState = { papers: new Map() };

let saving: Promise<void> = Promise.resolve();

/**
 * One save at a time, as the store runs them (its queue): two overlapping writes could land in either order, and
 * the journal of the later one would be trimmed while the file held the earlier one.
 */
function save(): Promise<void> {
  saving = saving.then(async () => {
    const snapshot = state;
    await writeFileAtomically(statePath, serialize(snapshot));
    if (state === snapshot) journal.trim();
    else journal.replace({ at: new Date().toISOString(), changes: changesBetween(snapshot, state) });
  });
  return saving;
}

process.once('message', async () => {
  for (let i = 0; ; i++) {
    const next = setStatus(
      state,
      { id: `p_${i}`, title: `Paper ${i}` },
      statuses[i % 3]!,
      new Date().toISOString(),
    );
    journal.append({ at: new Date().toISOString(), changes: changesBetween(state, next) });
    state = next;
    process.send!({ acked: i, at: Date.now() });
    // A save after every fifth edit: one waited for (the journal is then removed, and the next edit starts a new
    // one), one running while the edits go on (its journal stays: it does not hold them all).
    if (i % 10 === 4) await save();
    else if (i % 10 === 9) void save();
    // Stay alive (and idle) until killed.
    if (i + 1 >= lastEdit) await new Promise(() => setInterval(() => undefined, 60_000));
    await new Promise((resolve) => setImmediate(resolve));
  }
});
process.send!('ready');
