import * as vscode from 'vscode';
import { flashStatus, showError, showInfo } from '../shared/notifications';
import type { Paper } from '../../core/model/paper';
import type { PaperSummary } from '../../worker/protocol';
import { exportEntries } from '../../core/bibtex';
import type { FeatureContext } from '../featureContext';
import type { BibLocation } from './bibLocation';
import { pinNewKeys, writeEntriesToBib } from './bibWriter';
import { citationStyleFor, citationText } from './citationFormat';
import { pickPaperToCite } from './citationPick';
import { showExportError } from './exportCommand';
import { quoted, ui } from '../shared/uiText';

export interface InsertedCitation {
  key: string;
  /** The .bib the entry was added to; undefined when it was there already or no file was chosen. */
  addedTo?: vscode.Uri;
}

/**
 * "Insert Citation": asks for a paper (unless given one), makes sure the .bib has its entry, and inserts
 * `\cite{key}` (LaTeX), `[@key]` (Markdown, Quarto) or the key at every cursor of the active editor.
 */
export async function insertCitation(
  ctx: FeatureContext,
  location: BibLocation,
  given: PaperSummary | undefined,
): Promise<InsertedCitation | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void showInfo(ui`Literature Triage: open a document to insert a citation into.`);
    return undefined;
  }
  const chosen = given ?? (await pickPaperToCite(ctx.library.papers, ctx.team.decisions()));
  const paper = chosen && (await ctx.library.fullPaper(chosen.id));
  if (!paper) return undefined;
  const cited = await ensureInBib(ctx, location, paper);
  if (!cited) return undefined;
  const style = citationStyleFor(editor.document.languageId, editor.document.fileName);
  const ok = await editor.edit((edit) => {
    for (const selection of editor.selections) {
      const before = editor.document.lineAt(selection.start.line).text.slice(0, selection.start.character);
      edit.replace(selection, citationText(style, cited.key, before));
    }
  });
  if (!ok) {
    void showError(ui`Literature Triage: the editor changed before the citation could be inserted.`);
    return undefined;
  }
  return cited;
}

/** The paper's key, adding its entry to the .bib when the file lacks it (Export BibTeX's merge rules). */
export async function ensureInBib(
  ctx: FeatureContext,
  location: BibLocation,
  paper: Paper,
): Promise<InsertedCitation | undefined> {
  const file = await location.target('if-unknown');
  if (!file) return keyWithoutFile(ctx, paper);
  try {
    const result = await writeEntriesToBib(ctx, file, [paper], { statuses: 'all' });
    const key = result.keys.get(paper.id);
    if (key === undefined) {
      const conflict = result.conflicts[0];
      throw new Error(conflict ? `its key "${conflict.key}" is pinned to another paper too` : 'no key');
    }
    if (result.added > 0) {
      flashStatus(
        ui`Literature Triage: added ${quoted(key, 80)} to ${quoted(vscode.workspace.asRelativePath(file), 120)}`,
        5000,
      );
      ctx.log.appendLine(ui`Insert Citation: added ${key} to ${file.fsPath}`);
    }
    return { key, addedTo: result.added > 0 ? file : undefined };
  } catch (error) {
    await showExportError(error, file);
    return undefined;
  }
}

/** No .bib chosen (no folder, dialog cancelled): still cite by a pinned key, so a later export matches. */
function keyWithoutFile(ctx: FeatureContext, paper: Paper): InsertedCitation {
  const result = exportEntries([paper], ctx.team.decisions(), { statuses: 'all' });
  pinNewKeys(ctx, [paper], result.newPins);
  return { key: result.entries[0]!.key };
}
