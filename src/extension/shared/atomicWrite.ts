import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  promises as fs,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The one way the product replaces a local file (the state file, the edit journal, the .bib, exports, the index
 * cache; the CLI too). Plain Node, no `vscode`, so the CLI and the fault tests run the very same code; a file of
 * a virtual workspace file system goes through `writeWorkspaceFileAtomically` (workspaceFiles.ts), which sends
 * local files here.
 *
 * A temporary file with a name of its own (`temporaryName`) in the same folder gets every byte (short writes
 * are continued, and the size is checked before anything else happens), is flushed to the disk (fsync) and
 * closed, then renamed over the target, and the folder is flushed so the rename itself survives a power cut.
 * Any failure removes the temporary file and leaves the target as it was. A read-only target is refused (a
 * rename would replace it: only the folder's permissions matter to it); a symbolic link is followed, so the
 * link stays a link; the permission bits are kept. A full disk is a DiskFullError ("disk full" in words).
 */
export async function writeFileAtomically(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = await resolveTarget(path);
  if (target.readOnly) throw new ReadOnlyFileError(path);
  const bytes = toBytes(content);
  const folder = dirname(target.path);
  await fs.mkdir(folder, { recursive: true });
  const temp = join(folder, temporaryName(basename(target.path)));
  let created = false;
  try {
    const handle = await fs.open(temp, CREATE_NEW, options.newFileMode ?? 0o666);
    created = true;
    try {
      await writeAll(handle, bytes);
      // A new file gets its mode minus the umask, from open(); a replacement keeps the old file's bits.
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
    throw diskFullInWords(error, path);
  }
}

/**
 * `writeFileAtomically` for a caller that may not yield (the edit journal, whose edits are on the disk when
 * the call returns): the same steps and guarantees, synchronously. The new file is left open for writing (at
 * explicit positions) and its descriptor returned; the caller closes it.
 */
export function writeFileAtomicallySync(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): number {
  const target = resolveTargetSync(path);
  if (target.readOnly) throw new ReadOnlyFileError(path);
  const bytes = toBytes(content);
  const folder = dirname(target.path);
  let fd: number | undefined;
  const temp = join(folder, temporaryName(basename(target.path)));
  try {
    mkdirSync(folder, { recursive: true });
    fd = openSync(temp, CREATE_NEW, options.newFileMode ?? 0o666);
    writeAllSync(fd, bytes, 0);
    if (target.mode !== undefined) fchmodSync(fd, target.mode);
    fsyncSync(fd);
    const { size } = fstatSync(fd);
    if (size !== bytes.byteLength) throw new ShortWriteError(path, size, bytes.byteLength);
    renameSync(temp, target.path);
  } catch (error) {
    if (fd !== undefined) {
      closeQuietly(fd);
      try {
        rmSync(temp, { force: true });
      } catch {
        // The error that matters is the one thrown below.
      }
    }
    throw diskFullInWords(error, path);
  }
  syncFolderSync(folder);
  return fd;
}

interface AtomicWriteOptions {
  /** The permission bits (before the umask) of a file that does not exist yet; a replaced file keeps its own. */
  readonly newFileMode?: number;
}

const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;

/**
 * A hidden name beside `name` that no other writer uses, this process or another: `.<name>.<pid>.<unique>.tmp`.
 */
export function temporaryName(name: string): string {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return `.${name}.${process.pid}.${unique}.tmp`;
}

function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

async function writeAll(handle: fs.FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, offset);
    if (bytesWritten <= 0) throw noByteWritten();
    offset += bytesWritten;
  }
}

/** Writes all of `bytes` at `position` of the open file `fd` (a short write is continued). */
export function writeAllSync(fd: number, bytes: Uint8Array, position: number): void {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const written = writeSync(fd, bytes, offset, bytes.byteLength - offset, position + offset);
    if (written <= 0) throw noByteWritten();
    offset += written;
  }
}

function noByteWritten(): Error {
  return Object.assign(new Error('no byte could be written'), { code: 'ENOSPC' });
}

/** Makes a rename (or a new file) in `folder` durable. Some file systems cannot sync a folder: that is fine. */
async function syncFolder(folder: string): Promise<void> {
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

/** `syncFolder`, synchronously. */
export function syncFolderSync(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // As in syncFolder.
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing more can be done with it.
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
  return targetOf(path, real, await fs.stat(real));
}

function resolveTargetSync(path: string): Target {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { path, readOnly: false };
  }
  return targetOf(path, real, statSync(real));
}

function targetOf(path: string, real: string, stat: { mode: number; isDirectory(): boolean }): Target {
  if (stat.isDirectory()) throw new FolderInTheWayError(path);
  const mode = stat.mode & 0o7777;
  return { path: real, mode, readOnly: (mode & 0o200) === 0 };
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

class ShortWriteError extends Error {
  constructor(
    readonly path: string,
    written: number,
    expected: number,
  ) {
    super(`only ${written} of ${expected} bytes reached the disk; the file was not replaced`);
    this.name = 'ShortWriteError';
  }
}

class ReadOnlyFileError extends Error {
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

/** A full disk or quota as a DiskFullError naming `path`; any other error as it is. */
export function diskFullInWords(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof DiskFullError) return error;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new DiskFullError(path, code);
  return error;
}
