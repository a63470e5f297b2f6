import { readFile } from 'node:fs/promises';
import { exportEntries, existingKeys, formatEntry, mergeIntoBib, type KeyConflict } from '../../core/bibtex';
import { EXPORT_FORMATS, exportPapers, type ExportFormat } from '../../core/export';
import { pinKeys, type TriageState, type TriageStatus } from '../../core/triage';
import { CliError, type LoadedCorpora } from '../corpora';
import { field, json, type Io } from '../output';
import { withFileLock } from '../../extension/shared/fileLock';
import { saveStateChanges, writeAtomically } from '../stateFile';

export const EXPORT_FORMAT_NAMES = ['bibtex', 'ris', 'csv', 'csljson'] as const;

export function isExportFormat(name: string): name is (typeof EXPORT_FORMAT_NAMES)[number] {
  return (EXPORT_FORMAT_NAMES as readonly string[]).includes(name);
}

interface ExportCommandOptions {
  /** Default bibtex. */
  format?: (typeof EXPORT_FORMAT_NAMES)[number];
  status: TriageStatus | 'all';
  tag: string | undefined;
  out: string | undefined;
  statePath: string | undefined;
  json: boolean;
}

/**
 * `litriage export`: the chosen papers as BibTeX, RIS, CSV or CSL-JSON, on stdout or into --out. BibTeX is merged
 * into the file (existing entries kept byte for byte); the other formats replace it. New citation keys (BibTeX,
 * CSL-JSON) are pinned in --state so they never change afterwards.
 */
export async function exportCommand(
  corpora: LoadedCorpora,
  state: TriageState,
  options: ExportCommandOptions,
  io: Io,
): Promise<number> {
  if (options.format && options.format !== 'bibtex')
    return exportOtherFormat(corpora, state, options, options.format, io);
  // Under the lock of the .bib (a window exporting into it takes it too), read, merge and write as one step.
  const { result, merged } = options.out
    ? await withFileLock(options.out, async () => {
        const out = options.out!;
        const made = entriesFor(corpora, state, options, await readIfExists(out));
        await writeAtomically(out, made.merged.text);
        return made;
      })
    : entriesFor(corpora, state, options, '');
  reportConflicts(io, result.conflicts);
  if (!options.out && !options.json) io.data(merged.text);
  await pinNewKeys(corpora, state, options, result.newPins);

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

/** RIS, CSV, CSL-JSON: the whole file, written at once (atomically) or printed. */
async function exportOtherFormat(
  corpora: LoadedCorpora,
  state: TriageState,
  options: ExportCommandOptions,
  format: ExportFormat,
  io: Io,
): Promise<number> {
  const result = exportPapers(format, corpora.papers, state, {
    statuses: options.status === 'all' ? 'all' : [options.status],
    ...(options.tag !== undefined ? { tag: options.tag } : {}),
  });
  reportConflicts(io, result.conflicts);
  if (options.out) await writeAtomically(options.out, result.text);
  else if (!options.json) io.data(result.text);
  await pinNewKeys(corpora, state, options, result.newPins);
  const label = EXPORT_FORMATS[format].label;
  if (options.json) {
    io.data(
      json({
        format,
        ...(options.out ? { file: options.out } : {}),
        exported: result.ids.length,
        ids: result.ids,
        ...(format === 'csljson' ? { keys: result.ids.map((id) => result.keys.get(id)) } : {}),
        ...(options.out ? {} : { text: result.text }),
      }),
    );
  } else if (options.out) {
    io.out(`${field(options.out)}: wrote ${result.ids.length} papers as ${label}.`);
  }
  return 0;
}

function reportConflicts(io: Io, conflicts: readonly KeyConflict[]): void {
  for (const c of conflicts) {
    io.err(`warning: key ${field(c.key)} of paper ${field(c.paperId)} is already used by ${field(c.heldBy)}`);
  }
}

async function pinNewKeys(
  corpora: LoadedCorpora,
  state: TriageState,
  options: ExportCommandOptions,
  newPins: ReadonlyMap<string, string>,
): Promise<void> {
  if (!options.statePath || newPins.size === 0) return;
  const byId = new Map(corpora.papers.map((p) => [p.id, p]));
  const pins = [...newPins].map(([id, key]) => [byId.get(id)!, key] as const);
  await saveStateChanges(options.statePath, state, pinKeys(state, pins, new Date().toISOString()));
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
