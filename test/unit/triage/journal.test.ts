import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addTag,
  changesBetween,
  emptyState,
  journalLine,
  JournalError,
  parseJournal,
  replay,
  serialize,
  setNote,
  setStatus,
  type JournalRecord,
} from '../../../src/core/triage';

const A = { id: 'p_a', title: 'Paper A' };
const B = { id: 'p_b', title: 'Paper B' };
const T1 = '2026-03-01T10:00:00.000Z';
const T2 = '2026-03-01T11:00:00.000Z';

function record(before = emptyState(), after = setStatus(before, A, 'include', T1)): JournalRecord {
  return { at: T1, changes: changesBetween(before, after) };
}

test('a record is one line that reads back as written', () => {
  const start = setNote(addTag(emptyState(), A, 'decoding', T1), A, 'line one\nline "two"', T1);
  const r = record(start, setStatus(start, A, 'exclude', T2));
  const line = journalLine(r);
  assert.equal(line.split('\n').length, 2, 'one line, ending in a newline');
  assert.deepEqual(parseJournal(line).records, [r]);
});

test('changesBetween lists only the papers that changed, with null for no entry', () => {
  const one = setStatus(emptyState(), A, 'include', T1);
  const two = setStatus(one, B, 'maybe', T1);
  assert.deepEqual(changesBetween(one, one), []);
  assert.deepEqual(
    changesBetween(one, two).map((c) => [c.id, c.before, c.after?.status]),
    [['p_b', null, 'maybe']],
  );
  assert.equal(changesBetween(two, emptyState()).length, 2);
});

test('a last line cut short by a crash is left out; a bad line elsewhere is an error naming it', () => {
  const good = journalLine(record());
  const torn = good.slice(0, 20);
  assert.deepEqual(parseJournal(good + torn), { records: [record()], torn: true });
  assert.throws(
    () => parseJournal(`${good}{oops\n${good}`),
    (e: unknown) => e instanceof JournalError && /line 2/.test(String(e)),
  );
  const bad = good.replace('"include"', '"perhaps"');
  assert.throws(() => parseJournal(bad), /line 1: .*status/);
});

test('replay applies the edits, changes nothing when the state already holds them, and keeps later changes made elsewhere', () => {
  const edits = [
    record(),
    record(
      setStatus(emptyState(), A, 'include', T1),
      addTag(setStatus(emptyState(), A, 'include', T1), A, 'x', T1),
    ),
  ];
  const replayed = replay(emptyState(), edits);
  assert.equal(replayed.papers.get('p_a')?.status, 'include');
  assert.deepEqual(replayed.papers.get('p_a')?.tags, ['x']);
  assert.equal(replay(replayed, edits), replayed, 'already there: the same state, untouched');

  // Elsewhere, after the edits were saved, the paper got a note and paper B a decision: both stay.
  const elsewhere = setStatus(setNote(replayed, A, 'from the other window', T2), B, 'exclude', T2);
  assert.equal(serialize(replay(elsewhere, edits)), serialize(elsewhere));
});
