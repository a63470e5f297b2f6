import {
  closeSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { journalLine, parseJournal, type JournalRecord } from '../../core/triage';
import {
  diskFullInWords,
  syncFolderSync,
  writeAllSync,
  writeFileAtomicallySync,
} from '../shared/atomicWrite';
import { isRunning } from '../shared/fileLock';

/** Journals this process writes: one with this process's id that is not among them is a former process's. */
const OURS = new Set<string>();

const HOST = hostname().replace(/[^A-Za-z0-9-]/g, '_') || 'host';

/**
 * One window's (one process's) journal of edits, beside the state file:
 * `.literature-triage.json.<host>.<pid>.<random>.journal`. Beside the state file rather than in the extension's
 * storage because every window that writes the state (another window, a window of another VS Code profile)
 * must be able to find and replay it, and because it then lives on the same disk as the file it protects. One
 * journal per window, never shared: appends need no lock. It is removed after each save that holds all its
 * edits (so it only exists while something is unsaved, and a committed folder does not collect it); a window
 * closed with unsaved edits (a corrupt state file, a full disk) leaves it `.released`, for the next window.
 *
 * Appends are synchronous: `append` returns only once the line is on the disk (fsync of the file, and of the
 * folder when the file is new), so an edit the store reports has already survived a kill -9, a crash of the
 * extension host, and a power cut.
 */
export class EditJournal {
  readonly path: string;
  private fd: number | undefined;
  private size = 0;

  constructor(stateFile: string) {
    const random = Math.random().toString(36).slice(2, 8);
    this.path = join(dirname(stateFile), `${prefixOf(stateFile)}${HOST}.${process.pid}.${random}.journal`);
    OURS.add(this.path);
  }

  /** Whether it holds edits (the state file does not have them all yet). */
  get hasEdits(): boolean {
    return this.size > 0;
  }

  /** Appends one record and flushes it to the disk; on failure the journal is left as it was. */
  append(record: JournalRecord): void {
    const bytes = Buffer.from(journalLine(record), 'utf8');
    try {
      if (this.fd === undefined) {
        mkdirSync(dirname(this.path), { recursive: true });
        this.fd = openSync(this.path, 'w', 0o600);
        syncFolderSync(dirname(this.path));
      }
      writeAllSync(this.fd, bytes, this.size);
      fsyncSync(this.fd);
    } catch (error) {
      if (this.fd !== undefined) {
        try {
          ftruncateSync(this.fd, this.size);
        } catch {
          // A torn last line is left out on replay anyway.
        }
      }
      throw diskFullInWords(error, this.path);
    }
    this.size += bytes.byteLength;
  }

  /**
   * The state file now holds all but the edits in `record`: the journal holds just those. The new text replaces
   * the journal through writeFileAtomicallySync (a temporary file flushed and renamed over it, then the folder
   * flushed), so a crash leaves the old journal or the new one, never neither. Replaying edits the file already holds could merge them over what another window
   * changed since (a note written twice, a removed tag back): this keeps them out.
   */
  replace(record: JournalRecord): void {
    const bytes = Buffer.from(journalLine(record), 'utf8');
    const fd = writeFileAtomicallySync(this.path, bytes, { newFileMode: 0o600 });
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = fd;
    this.size = bytes.byteLength;
  }

  /** The state file now holds every edit in it: the journal goes (the next append starts it again). */
  trim(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    this.size = 0;
    rmSync(this.path, { force: true });
  }

  /** The window closes: an empty journal is removed, one with unsaved edits is left for the next window. */
  release(): void {
    OURS.delete(this.path);
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    if (this.size === 0) rmSync(this.path, { force: true });
    else renameSync(this.path, this.path.replace(/\.journal$/, '.released.journal'));
  }

  /** Removes the journal, whatever it holds (its edits were carried elsewhere). */
  discard(): void {
    OURS.delete(this.path);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.size = 0;
    rmSync(this.path, { force: true });
  }
}

function prefixOf(stateFile: string): string {
  return `.${basename(stateFile)}.`;
}

/**
 * Journals beside `stateFile` whose window is gone: released ones, and those of a process on this host that no
 * longer runs (or that carry this process's id without being its own: a process id is reused after a restart).
 * A journal of another host is left alone (its window may still be open).
 */
export function orphanJournals(stateFile: string): string[] {
  const dir = dirname(stateFile);
  const prefix = prefixOf(stateFile);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const pattern = /^([A-Za-z0-9_-]+)\.(\d+)\.([a-z0-9]+)(\.released)?\.journal$/;
  return names
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ name, match: pattern.exec(name.slice(prefix.length)) }))
    .filter(({ name, match }) => {
      const path = join(dir, name);
      if (!match || OURS.has(path)) return false;
      if (match[4]) return true;
      if (match[1] !== HOST) return false;
      const pid = Number(match[2]);
      return pid === process.pid || !isRunning(pid);
    })
    .map(({ name }) => join(dir, name))
    .sort();
}

/** The records of a journal file; an error names the file. */
export function readJournal(path: string): JournalRecord[] {
  try {
    return parseJournal(readFileSync(path, 'utf8')).records;
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
