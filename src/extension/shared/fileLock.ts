import { constants, promises as fs } from 'node:fs';
import { hostname } from 'node:os';

/**
 * An advisory lock beside a file (`.<file>.lock`), held by every process that reads, merges and writes it (each
 * window, the CLI), so a check of the file and the write that follows it are never interleaved with another
 * writer's. The lock file is created with O_EXCL and holds who took it: `{ pid, host, time }`.
 *
 * Stale-lock rule: a lock is taken over when its holder is a process on this host that no longer runs, or
 * when it is older than STALE_AFTER_MS (a holder only keeps it for one read-merge-write, well under a second;
 * a process on another host cannot be checked, so only the age counts for it). A lock file that cannot be
 * parsed (its holder died between create and write) is stale once it is older than the same limit.
 */
const STALE_AFTER_MS = 30_000;
const WAIT_LIMIT_MS = 45_000;
const POLL_MS = 15;

interface LockOwner {
  pid: number;
  host: string;
  time: string;
}

class LockTimeoutError extends Error {
  constructor(
    readonly path: string,
    holder: string,
  ) {
    super(`${path} is locked by ${holder}; gave up waiting for it`);
    this.name = 'LockTimeoutError';
  }
}

/** Hidden, beside the file: `.literature-triage.json.lock`. */
function lockPathFor(file: string): string {
  const slash = file.lastIndexOf('/');
  return `${file.slice(0, slash + 1)}.${file.slice(slash + 1)}.lock`;
}

/** Runs `work` while holding the lock of `file`. */
export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const release = await acquire(lockPathFor(file));
  try {
    return await work();
  } finally {
    await release();
  }
}

async function acquire(lock: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  const me: LockOwner = { pid: process.pid, host: hostname(), time: new Date().toISOString() };
  const text = JSON.stringify(me);
  for (;;) {
    try {
      const handle = await fs.open(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
      try {
        await handle.writeFile(text);
      } catch (error) {
        // A lock without its owner would hold everyone off until it is stale (a full disk can do that).
        await handle.close();
        await fs.rm(lock, { force: true });
        throw error;
      }
      await handle.close();
      return async () => {
        // Only our own lock is removed: a holder that was taken over as stale must not remove the new one's.
        const current = await fs.readFile(lock, 'utf8').catch(() => undefined);
        if (current === text) await fs.rm(lock, { force: true });
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') await fs.mkdir(lock.slice(0, lock.lastIndexOf('/')) || '/', { recursive: true });
      else if (code !== 'EEXIST') throw error;
    }
    const holder = await readOwner(lock);
    // Released meanwhile: try again at once. Removing "it" now could remove the next holder's new lock.
    if (holder.gone) continue;
    if (holder.stale) {
      await breakStaleLock(lock, holder.text);
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeoutError(lock, holder.description);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Takes a stale lock away without ever removing a live one: it is moved aside under a name of its own (an
 * atomic rename), then deleted if it is the lock judged stale. If another waiter replaced it between the check
 * and the move, the lock moved is a live one: it is put back (unless a newer one is there already).
 */
async function breakStaleLock(lock: string, staleText: string | undefined): Promise<void> {
  const aside = `${lock}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.stale`;
  try {
    await fs.rename(lock, aside);
  } catch {
    return; // gone already
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== staleText) await fs.link(aside, lock).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

async function readOwner(
  lock: string,
): Promise<{ gone?: boolean; stale: boolean; text?: string; description: string }> {
  let text: string;
  let ageMs: number;
  try {
    [text, ageMs] = await Promise.all([
      fs.readFile(lock, 'utf8'),
      fs.stat(lock).then((s) => Date.now() - s.mtimeMs),
    ]);
  } catch {
    return { gone: true, stale: false, description: 'another process' };
  }
  let owner: LockOwner | undefined;
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') owner = parsed as LockOwner;
  } catch {
    owner = undefined;
  }
  const description = owner ? `process ${owner.pid} on ${owner.host}` : 'another process';
  if (ageMs > STALE_AFTER_MS) return { stale: true, text, description };
  if (owner && owner.host === hostname() && !isRunning(owner.pid)) return { stale: true, text, description };
  return { stale: false, text, description };
}

/** Whether a process with this id runs on this host (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
