import { readFile } from 'node:fs/promises';
import { emptyState, merge, parse, serialize, type TriageState } from '../core/triage';
import { writeFileAtomically } from '../extension/shared/atomicWrite';
import { withFileLock } from '../extension/shared/fileLock';
import { CliError } from './corpora';

/** Reads the triage state file; a missing file is an empty state, a corrupt one an error naming it. */
export async function readState(path: string | undefined): Promise<TriageState> {
  if (!path) return emptyState();
  const text = await readStateText(path);
  return text === undefined ? emptyState() : parseState(path, text);
}

async function readStateText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`${path}: cannot read state file (${(error as NodeJS.ErrnoException).code})`);
  }
}

function parseState(path: string, text: string): TriageState {
  try {
    return parse(text);
  } catch (error) {
    throw new CliError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Replaces a file so it is never torn (see writeFileAtomically); a failure is a CliError naming the file. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomically(path, text);
  } catch (error) {
    throw new CliError(`${path}: cannot write (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Saves the CLI's changes (`base` as read → `next`) without losing anyone else's: under the state file's
 * lock (the one every window takes too) the file is read again, and what changed there since `base` is merged
 * with what changed here (three-way, see core/triage/merge). Returns what was written.
 */
export async function saveStateChanges(
  path: string,
  base: TriageState,
  next: TriageState,
): Promise<TriageState> {
  return withFileLock(path, async () => {
    const text = await readStateText(path);
    const disk = text === undefined ? emptyState() : parseState(path, text);
    const merged = merge(next, disk, base);
    const out = serialize(merged);
    if (out !== text) await writeAtomically(path, out);
    return merged;
  });
}
