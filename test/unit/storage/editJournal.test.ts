// A window's journal of edits: on disk before an edit is acknowledged, gone once the file holds it, and found
// by the next window when its writer is gone.
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { changesBetween, emptyState, parseJournal, setNote, setStatus } from '../../../src/core/triage';
import { DiskFullError } from '../../../src/extension/shared/atomicWrite';
import { EditJournal, orphanJournals } from '../../../src/extension/storage/editJournal';

const decided = setStatus(emptyState(), { id: 'p_a', title: 'A' }, 'include', '2026-03-01T10:00:00.000Z');
const record = { at: '2026-03-01T10:00:00.000Z', changes: changesBetween(emptyState(), decided) };
const host = hostname().replace(/[^A-Za-z0-9-]/g, '_') || 'host';

function scratch(): { dir: string; state: string } {
  const dir = mkdtempSync(join(tmpdir(), 'litriage-journal-'));
  return { dir, state: join(dir, 'literature-triage.json') };
}

test('an append is in the file when it returns; the journal goes once saved and comes back with the next edit', () => {
  const { dir, state } = scratch();
  try {
    const journal = new EditJournal(state);
    journal.append(record);
    assert.ok(journal.path.startsWith(join(dir, '.literature-triage.json.')), journal.path);
    assert.deepEqual(parseJournal(readFileSync(journal.path, 'utf8')).records, [record]);
    journal.trim();
    assert.equal(existsSync(journal.path), false);
    journal.append(record);
    journal.append(record);
    assert.equal(parseJournal(readFileSync(journal.path, 'utf8')).records.length, 2);
    journal.release();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('replace leaves just the edits the file lacks, under the same name; the next append goes after them', () => {
  const { dir, state } = scratch();
  try {
    const journal = new EditJournal(state);
    journal.append(record);
    const later = setStatus(decided, { id: 'p_b', title: 'B' }, 'exclude', record.at);
    const unsaved = { at: record.at, changes: changesBetween(decided, later) };
    journal.replace(unsaved);
    assert.deepEqual(parseJournal(readFileSync(journal.path, 'utf8')).records, [unsaved]);
    journal.append(record);
    assert.deepEqual(parseJournal(readFileSync(journal.path, 'utf8')).records, [unsaved, record]);
    assert.deepEqual(readdirSync(dir), [basename(journal.path)], 'no temporary file is left');
    journal.release();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('released with unsaved edits it is an orphan; released empty it is gone; a live window’s is not an orphan', () => {
  const { dir, state } = scratch();
  try {
    const open = new EditJournal(state);
    open.append(record);
    assert.deepEqual(orphanJournals(state), [], 'this window’s own journal');
    const unsaved = new EditJournal(state);
    unsaved.append(record);
    unsaved.release();
    const empty = new EditJournal(state);
    empty.append(record);
    empty.trim();
    empty.release();
    assert.deepEqual(orphanJournals(state), [unsaved.path.replace(/\.journal$/, '.released.journal')]);
    assert.equal(readdirSync(dir).length, 2, 'the open and the released journal, nothing else');
    open.release();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a journal of a process that is gone is an orphan, of a running one or of another host it is not', () => {
  const { dir, state } = scratch();
  try {
    const name = (h: string, pid: number) => join(dir, `.literature-triage.json.${h}.${pid}.abc123.journal`);
    const running = name(host, process.ppid);
    const gone = name(host, 2 ** 22 + 1); // above any process id Linux hands out
    const elsewhere = name('another-host', 2 ** 22 + 1);
    const formerSelf = name(host, process.pid); // this process id, reused after a restart
    const otherFile = join(dir, `.other.json.${host}.${2 ** 22 + 1}.abc123.journal`);
    for (const path of [running, gone, elsewhere, formerSelf, otherFile]) writeFileSync(path, '');
    assert.deepEqual(orphanJournals(state), [formerSelf, gone].sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an append the disk has no room for fails with "disk full" and leaves the journal as it was', (t) => {
  if (process.getuid?.() !== 0) return t.skip('mounting a small tmpfs needs root (CI runs as root)');
  const mount = mkdtempSync(join(tmpdir(), 'litriage-journal-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
  try {
    const journal = new EditJournal(join(mount, 'literature-triage.json'));
    journal.append(record);
    const before = readFileSync(journal.path, 'utf8');
    const long = setNote(decided, { id: 'p_a', title: 'A' }, 'x'.repeat(80_000), record.at);
    assert.throws(
      () => journal.append({ at: record.at, changes: changesBetween(decided, long) }),
      (e: unknown) => e instanceof DiskFullError && /disk full/.test(e.message),
    );
    assert.equal(readFileSync(journal.path, 'utf8'), before);
    assert.throws(
      () => journal.replace({ at: record.at, changes: changesBetween(decided, long) }),
      (e: unknown) => e instanceof DiskFullError,
    );
    assert.equal(readFileSync(journal.path, 'utf8'), before, 'a failed replace keeps the old journal');
    assert.deepEqual(readdirSync(mount), [basename(journal.path)], 'no temporary file is left');
    journal.release();
  } finally {
    execFileSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
  }
});
