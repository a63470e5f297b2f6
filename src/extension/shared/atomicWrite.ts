import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The one way the product replaces a local file (the state file, the .bib, exports; the CLI too). Plain Node,
 * no `vscode`, so the CLI and the fault tests run the very same code.
 *
 * A temporary file in the same folder gets every byte (short writes are continued, and the size is checked
 * before anything else happens), is flushed to the disk (fsync) and closed, then renamed over the target, and
 * the folder is flushed so the rename itself survives a power cut. Any failure removes the temporary file and
 * leaves the target as it was. A read-only target is refused (a rename would replace it: only the folder's
 * permissions matter to it); a symbolic link is followed, so the link stays a link; the permission bits are
 * kept.
 */
export async function writeFileDurably(path: string, content: string | Uint8Array): Promise<void> {
  const target = await resolveTarget(path);
  if (target.readOnly) throw new ReadOnlyFileError(path);
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const folder = dirname(target.path);
  await fs.mkdir(folder, { recursive: true });
  const temp = join(folder, `.${basename(target.path)}.${process.pid}.${uniqueSuffix()}.tmp`);
  let created = false;
  try {
    const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    created = true;
    try {
      await writeAll(handle, bytes);
      // A new file gets 0o666 minus the umask, from open(); a replacement keeps the old file's bits.
      if (target.mode !== undefined) await handle.chmod(target.mode);
      await handle.sync();
      const { size } = await handle.stat();
      if (size !== bytes.byteLength) throw new ShortWriteError(path, size, bytes.byteLength);
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target.path);
    created = false;
    await syncFolder(folder);
  } catch (error) {
    if (created) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw explain(error, path);
  }
}

async function writeAll(handle: fs.FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, offset);
    if (bytesWritten <= 0) throw Object.assign(new Error('no byte could be written'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/** Makes a rename (or a new file) in `folder` durable. Some file systems cannot sync a folder: that is fine. */
export async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // EISDIR/EINVAL/EPERM on file systems without folder sync: the rename is as durable as they allow.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

interface Target {
  path: string;
  mode?: number;
  /** The owner may not write it: the bits are the user's intent, even for a process running as root. */
  readOnly: boolean;
}

async function resolveTarget(path: string): Promise<Target> {
  let real: string;
  try {
    real = await fs.realpath(path);
  } catch {
    return { path, readOnly: false };
  }
  const stat = await fs.stat(real);
  if (stat.isDirectory()) throw new FolderInTheWayError(path);
  const mode = stat.mode & 0o7777;
  return { path: real, mode, readOnly: (mode & 0o200) === 0 };
}

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** The file system has no room left (ENOSPC), or the user's quota is used up (EDQUOT). */
export class DiskFullError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(
      code === 'EDQUOT'
        ? 'disk full: your disk quota is used up (free some space, then retry)'
        : 'disk full: no space left on the device (free some space, then retry)',
    );
    this.name = 'DiskFullError';
  }
}

export class ShortWriteError extends Error {
  constructor(
    readonly path: string,
    written: number,
    expected: number,
  ) {
    super(`only ${written} of ${expected} bytes reached the disk; the file was not replaced`);
    this.name = 'ShortWriteError';
  }
}

export class ReadOnlyFileError extends Error {
  readonly code = 'EACCES';
  constructor(readonly path: string) {
    super(`${path} is read-only`);
    this.name = 'ReadOnlyFileError';
  }
}

export class FolderInTheWayError extends Error {
  readonly code = 'EISDIR';
  constructor(readonly path: string) {
    super(`${path} is a folder, not a file`);
    this.name = 'FolderInTheWayError';
  }
}

export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof DiskFullError || code === 'ENOSPC' || code === 'EDQUOT';
}

function explain(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof DiskFullError) return error;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new DiskFullError(path, code);
  return error;
}
