import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFileLock } from '../../../src/extension/shared/fileLock';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'litriage-lock-'));
}

test('holders never overlap: concurrent read-increment-write loops lose no increment', async () => {
  const dir = scratch();
  try {
    const file = join(dir, 'counter.txt');
    writeFileSync(file, '0');
    let inside = 0;
    let overlaps = 0;
    const loop = async () => {
      for (let i = 0; i < 40; i++) {
        await withFileLock(file, async () => {
          if (++inside > 1) overlaps++;
          const n = Number(await readFile(file, 'utf8'));
          await new Promise((resolve) => setImmediate(resolve));
          await writeFile(file, String(n + 1));
          inside--;
        });
      }
    };
    await Promise.all([loop(), loop(), loop(), loop()]);
    assert.equal(overlaps, 0);
    assert.equal(readFileSync(file, 'utf8'), '160');
    assert.deepEqual(
      readdirSync(dir).filter((f) => f !== 'counter.txt'),
      [],
      'no lock left behind',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a lock left by a process that no longer runs is taken over; a live one is waited for', async () => {
  const dir = scratch();
  try {
    const file = join(dir, 'state.json');
    const lock = join(dir, '.state.json.lock');
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(exited.stdout);
    writeFileSync(lock, JSON.stringify({ pid: deadPid, host: hostname(), time: new Date().toISOString() }));
    assert.equal(await withFileLock(file, async () => 'ran'), 'ran');
    assert.equal(existsSync(lock), false);

    // A live holder (this process): the second waits until the first has released.
    const order: string[] = [];
    let release!: () => void;
    const first = withFileLock(file, async () => {
      order.push('first in');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first out');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = withFileLock(file, async () => void order.push('second in'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(order, ['first in'], 'the second waits');
    release();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['first in', 'first out', 'second in']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
