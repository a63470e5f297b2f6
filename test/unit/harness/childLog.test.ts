import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logChildOutput } from '../../harness/childLog';

test(
  'a child that closes stdout and then writes a lot to stderr: nothing crashes, blocks or is lost',
  { timeout: 20_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'child-log-'));
    try {
      const file = join(dir, 'log');
      // stdout ends first; stderr then writes far more than a pipe buffer holds.
      const script =
        'process.stdout.end("first\\n", () => { for (let i = 0; i < 20000; i++) process.stderr.write(`late ${i}\\n`); });';
      const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      await logChildOutput(child, file);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      assert.equal(child.exitCode, 0);
      assert.equal(lines.length, 20001);
      assert.equal(lines[0], 'first');
      assert.equal(lines.at(-1), 'late 19999');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
