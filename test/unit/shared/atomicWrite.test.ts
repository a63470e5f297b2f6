// The one writer every file goes through (state file, edit journal, .bib, exports, index cache, the CLI): never
// torn, "disk full" in words; the synchronous form (the edit journal's) keeps the same promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  fstatSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAtomically } from '../../../src/cli/stateFile';
import { writeFileAtomically, writeFileAtomicallySync } from '../../../src/extension/shared/atomicWrite';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'litriage-write-'));
}

const isRoot = process.getuid?.() === 0;

test('replaces the file whole, keeps its permission bits, follows a symbolic link, leaves no temporary file', async () => {
  const dir = scratch();
  try {
    const real = join(dir, 'real.json');
    writeFileSync(real, 'old');
    chmodSync(real, 0o640);
    symlinkSync(real, join(dir, 'link.json'));
    await writeFileAtomically(join(dir, 'link.json'), 'new text');
    assert.equal(readFileSync(real, 'utf8'), 'new text');
    assert.ok(lstatSync(join(dir, 'link.json')).isSymbolicLink(), 'the link stays a link');
    assert.equal(statSync(real).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir).sort(), ['link.json', 'real.json']);
    await writeFileAtomically(join(dir, 'sub', 'new.json'), 'created');
    assert.equal(readFileSync(join(dir, 'sub', 'new.json'), 'utf8'), 'created');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('refuses a read-only file and a folder in the way, changing nothing', async () => {
  const dir = scratch();
  try {
    const file = join(dir, 'ro.json');
    writeFileSync(file, 'keep');
    chmodSync(file, 0o444);
    await assert.rejects(writeFileAtomically(file, 'x'), /read-only/);
    assert.equal(readFileSync(file, 'utf8'), 'keep');
    mkdirSync(join(dir, 'folder.json'));
    await assert.rejects(writeFileAtomically(join(dir, 'folder.json'), 'x'), /is a folder/);
    assert.deepEqual(readdirSync(dir).sort(), ['folder.json', 'ro.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the synchronous form: same replacement, permission bits and refusals; the new file is handed back open', () => {
  const dir = scratch();
  try {
    const file = join(dir, 'journal');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    const fd = writeFileAtomicallySync(file, 'new', { newFileMode: 0o644 });
    try {
      writeSync(fd, '+more', 3);
    } finally {
      closeSync(fd);
    }
    assert.equal(readFileSync(file, 'utf8'), 'new+more', 'the descriptor is the new file');
    assert.equal(statSync(file).mode & 0o777, 0o600, 'a replaced file keeps its bits');
    closeSync(writeFileAtomicallySync(join(dir, 'fresh'), 'x', { newFileMode: 0o600 }));
    assert.equal(statSync(join(dir, 'fresh')).mode & 0o077, 0, 'a new file gets the mode asked for');
    chmodSync(file, 0o400);
    assert.throws(() => writeFileAtomicallySync(file, 'x'), /read-only/);
    mkdirSync(join(dir, 'folder'));
    assert.throws(() => writeFileAtomicallySync(join(dir, 'folder'), 'x'), /is a folder/);
    assert.equal(readFileSync(file, 'utf8'), 'new+more');
    assert.deepEqual(readdirSync(dir).sort(), ['folder', 'fresh', 'journal'], 'no temporary file is left');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A 256 KB tmpfs holding a ~100 KB file, filled until about 20 KB are free. */
function fullDisk(t: {
  skip: (message: string) => void;
}): { mount: string; file: string; before: string; free(): void; unmount(): void } | undefined {
  if (!isRoot) {
    t.skip('mounting a small tmpfs needs root');
    return undefined;
  }
  const mount = mkdtempSync(join(tmpdir(), 'litriage-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount]);
  const file = join(mount, 'literature-triage.json');
  const before = `${JSON.stringify({ papers: 'x'.repeat(100_000) })}\n`;
  writeFileSync(file, before);
  const filler = join(mount, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (;;) writeSync(fd, Buffer.alloc(4096, 1));
  } catch (error) {
    assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
  }
  ftruncateSync(fd, Math.max(0, fstatSync(fd).size - 20 * 1024));
  closeSync(fd);
  return {
    mount,
    file,
    before,
    free: () => rmSync(filler),
    unmount: () => {
      execFileSync('umount', [mount]);
      rmSync(mount, { recursive: true, force: true });
    },
  };
}

test('a full disk: the write fails with "disk full", the previous file is intact, no temporary file is left; it works once space is freed', async (t) => {
  const disk = fullDisk(t);
  if (!disk) return;
  try {
    const bigger = `${JSON.stringify({ papers: 'y'.repeat(110_000) })}\n`;
    await assert.rejects(writeAtomically(disk.file, bigger), /disk full/);
    assert.equal(readFileSync(disk.file, 'utf8'), disk.before, 'the previous file is intact');
    assert.deepEqual(readdirSync(disk.mount).sort(), ['filler', 'literature-triage.json']);
    disk.free();
    await writeAtomically(disk.file, bigger);
    assert.equal(readFileSync(disk.file, 'utf8'), bigger);
  } finally {
    disk.unmount();
  }
});
