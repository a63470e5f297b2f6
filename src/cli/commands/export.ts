import { readFile } from 'node:fs/promises';
import { exportEntries, existingKeys, formatEntry, mergeIntoBib } from '../../core/bibtex';
import { pinKeys, type TriageState, type TriageStatus } from '../../core/triage';
import { CliError, type LoadedCorpora } from '../corpora';
import { field, json, type Io } from '../output';
import { withFileLock } from '../../extension/shared/fileLock';
import { saveStateChanges, writeAtomically } from '../stateFile';

interface ExportCommandOptions {
  status: TriageStatus | 'all';
  tag: string | undefined;
  out: string | undefined;
  statePath: string | undefined;
  json: boolean;
}

/**
 * `litriage export`: BibTeX for the chosen papers. With --out the entries are merged into the file (existing
 * entries kept byte for byte); new citation keys are pinned in --state so they never change afterwards.
 */
export async function exportCommand(
  corpora: LoadedCorpora,
  state: TriageState,
  options: ExportCommandOptions,
  io: Io,
): Promise<number> {
  // Under the lock of the .bib (a window exporting into it takes it too), read, merge and write as one step.
  const { result, merged } = options.out
    ? await withFileLock(options.out, async () => {
        const out = options.out!;
        const made = entriesFor(corpora, state, options, await readIfExists(out));
        await writeAtomically(out, made.merged.text);
        return made;
      })
    : entriesFor(corpora, state, options, '');
  for (const c of result.conflicts) {
    io.err(`warning: key ${field(c.key)} of paper ${field(c.paperId)} is already used by ${field(c.heldBy)}`);
  }
  if (!options.out && !options.json) io.data(merged.text);

  if (options.statePath && result.newPins.size > 0) {
    const byId = new Map(corpora.papers.map((p) => [p.id, p]));
    const pins = [...result.newPins].map(([id, key]) => [byId.get(id)!, key] as const);
    await saveStateChanges(options.statePath, state, pinKeys(state, pins, new Date().toISOString()));
  }

  const report = {
    ...(options.out ? { file: options.out } : {}),
    added: merged.added,
    kept: merged.kept,
    keys: result.entries.map((e) => e.key),
    ...(options.out ? {} : { bibtex: result.entries.map((e) => formatEntry(e)).join('\n') }),
  };
  if (options.json) io.data(json(report));
  else if (options.out) {
    io.out(`${field(options.out)}: added ${merged.added} entries, kept ${merged.kept} existing.`);
  }
  return 0;
}

function entriesFor(
  corpora: LoadedCorpora,
  state: TriageState,
  options: ExportCommandOptions,
  existing: string,
): { result: ReturnType<typeof exportEntries>; merged: ReturnType<typeof mergeIntoBib> } {
  const result = exportEntries(corpora.papers, state, {
    statuses: options.status === 'all' ? 'all' : [options.status],
    ...(options.tag !== undefined ? { tag: options.tag } : {}),
    // With a state file, keys pinned there are the papers' own and other keys in the .bib are reserved. Without
    // one, keys are recomputed deterministically, so a re-export finds its earlier entries under the same keys.
    ...(options.statePath ? { reservedKeys: existingKeys(existing) } : {}),
  });
  return { result, merged: mergeIntoBib(existing, result.entries) };
}

async function readIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return '';
    throw new CliError(`${path}: cannot read (${code})`);
  }
}
