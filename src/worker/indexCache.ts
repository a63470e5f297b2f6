/**
 * Cached search indexes and topics in a directory (the extension's global storage): one file per key, written
 * durably like every file the product writes (see writeFileDurably), so a crash never leaves a torn file.
 * Reading a file refreshes its time; only the most recently used files are kept. Any I/O failure means "not
 * cached".
 */
import { readFile, readdir, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically as writeFileDurably } from '../extension/shared/atomicWrite';

/** Index and topics files kept (several corpora or workspaces share the global storage). */
export const MAX_CACHED_FILES = 8;
const CACHE_FILE = /^(index|topics)-[0-9a-f]{32}\.(bin|json)$/;

export class IndexCache {
  constructor(readonly dir: string) {}

  indexFile(key: string): string {
    return join(this.dir, `index-${key}.bin`);
  }

  topicsFile(key: string): string {
    return join(this.dir, `topics-${key}.json`);
  }

  async read(file: string): Promise<Uint8Array | undefined> {
    try {
      const bytes = await readFile(file);
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch {
      return undefined;
    }
  }

  async write(file: string, bytes: Uint8Array | string): Promise<boolean> {
    try {
      await writeFileDurably(file, bytes);
      return true;
    } catch {
      return false;
    }
  }

  async remove(file: string): Promise<void> {
    await unlink(file).catch(() => undefined);
  }

  /** Deletes all but the MAX_CACHED_FILES most recently used cache files. */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => CACHE_FILE.test(n));
    } catch {
      return;
    }
    const files = await Promise.all(
      names.map(async (name) => {
        const file = join(this.dir, name);
        const info = await stat(file).catch(() => undefined);
        return { file, time: info?.mtimeMs ?? 0 };
      }),
    );
    files.sort((a, b) => b.time - a.time);
    await Promise.all(files.slice(MAX_CACHED_FILES).map((f) => this.remove(f.file)));
  }
}
