// kill -9 of a process within milliseconds of an acknowledged edit: nothing acknowledged is lost, and the state
// file is never torn. Plain Node processes run the store's own journal and writer (EditJournal,
// writeFileAtomically), and the recovery is the one the store runs on start (replayOrphanJournals). The same
// fault in a real extension host: test/ui/dataSafety.ui.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyState, parse } from '../../../src/core/triage';
import { replayOrphanJournals } from '../../../src/extension/storage/journalRecovery';

interface Ack {
  acked: number;
  at: number;
}

/** Starts a writer, kills it with SIGKILL on its `killAt`-th acknowledgement; returns every acknowledgement seen. */
function editUntilKilled(statePath: string, killAt: number): Promise<{ acks: Ack[]; lagMs: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'journalWriterChild.ts'), [statePath, String(killAt)], {
      execArgv: ['--conditions=import', '--import', 'tsx'],
    });
    const acks: Ack[] = [];
    let lagMs = -1;
    child.on('message', (message: 'ready' | Ack) => {
      if (message === 'ready') return void child.send('go');
      acks.push(message);
      if (acks.length === killAt && lagMs < 0) {
        child.kill('SIGKILL');
        lagMs = Date.now() - message.at;
      }
    });
    child.once('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the writer ended by itself (${signal ?? _code})`));
      else resolve({ acks, lagMs });
    });
  });
}

// Mid-burst, the first edit after a save removed the journal (6, 26), during a save that was waited for (15).
for (const killAt of [1, 6, 8, 15, 26, 61]) {
  test(`kill -9 right after acknowledged edit ${killAt}: every acknowledged edit is recovered, the file is whole`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'litriage-kill-'));
    try {
      const statePath = join(dir, 'literature-triage.json');
      const { acks, lagMs } = await editUntilKilled(statePath, killAt);
      assert.ok(lagMs >= 0, 'killed once the acknowledgement arrived');
      assert.equal(acks.length, killAt, 'no edit after the one the kill follows');

      const onDisk = existsSync(statePath) ? parse(readFileSync(statePath, 'utf8')) : emptyState();
      const { state: recovered, replayed, unreadable } = replayOrphanJournals(statePath, onDisk);
      assert.deepEqual(unreadable, []);
      assert.ok(replayed.length <= 1, 'one journal at most: the killed process’s');
      const statuses = ['include', 'exclude', 'maybe'];
      const lost = acks.filter(
        ({ acked }) => recovered.papers.get(`p_${acked}`)?.status !== statuses[acked % 3],
      );
      assert.deepEqual(lost, [], `acknowledged edits lost (of ${acks.length})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
