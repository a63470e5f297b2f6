import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { emptyState, parse, serialize, type TriageState } from '../core/triage';
import { CliError } from './corpora';

/** Reads the triage state file; a missing file is an empty state, a corrupt one an error naming it. */
export async function readState(path: string | undefined): Promise<TriageState> {
  if (!path) return emptyState();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new CliError(`${path}: cannot read state file (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    return parse(text);
  } catch (error) {
    throw new CliError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Writes through a temporary file and a rename, so an interrupted write never leaves a torn file. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temp, text, 'utf8');
  await rename(temp, path);
}

export async function writeState(path: string, state: TriageState): Promise<void> {
  await writeAtomically(path, serialize(state));
}
