import * as vscode from 'vscode';
import { showWarning } from '../shared/notifications';
import {
  BibMergeError,
  existingKeys,
  exportEntries,
  mergeIntoBib,
  type ExportOptions,
  type KeyConflict,
} from '../../core/bibtex';
import type { Paper } from '../../core/model/paper';
import { pinKeys, type PaperRef } from '../../core/triage';
import type { FeatureContext } from '../featureContext';
import { readTextIfExists, writeWorkspaceFileAtomically } from '../shared/workspaceFiles';
import { withFileLock } from '../shared/fileLock';
import { quoted, ui } from '../shared/uiText';

export interface BibWriteResult {
  file: vscode.Uri;
  /** Entries in scope (after leaving out key conflicts). */
  exported: number;
  added: number;
  kept: number;
  addedKeys: string[];
  keptKeys: string[];
  conflicts: KeyConflict[];
  /** The key each exported paper is cited by, by paper id. */
  keys: Map<string, string>;
  /** False when nothing had to be added, so the file was left untouched. */
  written: boolean;
}

/** The .bib cannot take the entries: not UTF-8, an unclosed entry, unsaved edits the user would not save. */
export class BibWriteError extends Error {
  constructor(
    message: string,
    readonly file: vscode.Uri,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'BibWriteError';
  }
}

/**
 * Merges the papers' entries into the .bib with the core's rules (existing entries are kept byte for byte,
 * new ones appended), writes it atomically, and pins every new key in the triage state so it never changes.
 */
export function writeEntriesToBib(
  ctx: FeatureContext,
  file: vscode.Uri,
  papers: readonly Paper[],
  options: ExportOptions,
): Promise<BibWriteResult> {
  return oneAtATime(file, () => mergeAndWrite(ctx, file, papers, options));
}

const pending = new Map<string, Promise<unknown>>();

/** Two exports to one file (an export and a citation, say) must not both read the old text and both write. */
function oneAtATime<T>(file: vscode.Uri, work: () => Promise<T>): Promise<T> {
  const key = file.toString();
  const run = (pending.get(key) ?? Promise.resolve()).then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  pending.set(key, settled);
  void settled.then(() => pending.get(key) === settled && pending.delete(key));
  return run;
}

async function mergeAndWrite(
  ctx: FeatureContext,
  file: vscode.Uri,
  papers: readonly Paper[],
  options: ExportOptions,
): Promise<BibWriteResult> {
  await saveOpenEditorFirst(file);
  // The CLI merges into the same .bib under the same lock: neither loses the other's new entries.
  const merge = () => readMergeWrite(ctx, file, papers, options);
  const written = file.scheme === 'file' ? await withFileLock(file.fsPath, merge) : await merge();
  pinNewKeys(ctx, papers, written.newPins);
  return written.result;
}

async function readMergeWrite(
  ctx: FeatureContext,
  file: vscode.Uri,
  papers: readonly Paper[],
  options: ExportOptions,
): Promise<{ result: BibWriteResult; newPins: Map<string, string> }> {
  let existing: string;
  try {
    existing = (await readTextIfExists(file, { keepBom: true })) ?? '';
  } catch (error) {
    throw new BibWriteError(`cannot read it: ${describe(error)}`, file);
  }
  const result = exportEntries(papers, ctx.team.decisions(), {
    ...options,
    reservedKeys: existingKeys(existing),
  });
  let merged;
  try {
    merged = mergeIntoBib(existing, result.entries);
  } catch (error) {
    if (error instanceof BibMergeError) throw new BibWriteError(error.message, file, error.line);
    throw error;
  }
  const written = merged.text !== existing;
  if (written) await writeWorkspaceFileAtomically(file, merged.text);
  const summary: BibWriteResult = {
    file,
    exported: result.entries.length,
    added: merged.added,
    kept: merged.kept,
    addedKeys: merged.addedKeys,
    keptKeys: merged.keptKeys,
    conflicts: result.conflicts,
    keys: new Map(result.entries.map((e) => [e.paperId, e.key])),
    written,
  };
  return { result: summary, newPins: result.newPins };
}

export function pinNewKeys(
  ctx: FeatureContext,
  papers: readonly Paper[],
  newPins: Map<string, string>,
): void {
  if (newPins.size === 0) return;
  const byId = new Map(papers.map((p) => [p.id, p]));
  const pins: [PaperRef, string][] = [];
  for (const [id, key] of newPins) {
    const paper = byId.get(id);
    if (paper) pins.push([paper, key]);
  }
  ctx.store.apply((state) => pinKeys(state, pins, ctx.now()));
}

/** Writing under an editor with unsaved changes would set up a conflict: save them first, if the user agrees. */
async function saveOpenEditorFirst(file: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  if (!document?.isDirty) return;
  const save = ui`Save and Export`;
  const choice = await showWarning(
    ui`${quoted(vscode.workspace.asRelativePath(file), 120)} has unsaved changes. Save them before adding entries?`,
    { modal: true },
    save,
  );
  if (choice !== save || !(await document.save())) {
    throw new BibWriteError('it has unsaved changes', file);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
