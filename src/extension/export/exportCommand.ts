import * as vscode from 'vscode';
import type { FeatureContext, TargetResolver } from '../featureContext';
import { withProgressWhenLong } from '../corpus/longWork';
import type { BibLocation } from './bibLocation';
import { BibWriteError, writeEntriesToBib, type BibWriteResult } from './bibWriter';
import { pickExportScope, plural, type ExportScope } from './exportScope';
import { displayText } from '../../core/text/displayText';
import { quoted, Shown, ui } from '../shared/uiText';

export const OPEN_FILE = 'Open File';
/** Exports of this many papers show their progress notification at once. */
const LARGE_EXPORT = 500;

/** "Export BibTeX…": asks for the scope, merges the entries into the .bib, reports the counts. */
export async function exportBibtex(
  ctx: FeatureContext,
  targets: TargetResolver,
  location: BibLocation,
): Promise<BibWriteResult | undefined> {
  const papers = ctx.library.papers;
  const scope = await pickExportScope(papers, ctx.store.state, targets.targets());
  if (!scope) return undefined;
  const file = await location.target('always');
  if (!file) return undefined;
  let result: BibWriteResult;
  try {
    result = await withProgressWhenLong(
      `Literature Triage: exporting ${scope.description}`,
      async (report) => {
        report(vscode.workspace.asRelativePath(file));
        return writeEntriesToBib(ctx, file, scope.papers, scope.options);
      },
      { large: scope.papers.length >= LARGE_EXPORT },
    );
  } catch (error) {
    await showExportError(error, file);
    return undefined;
  }
  void reportExport(ctx, result, scope);
  return result;
}

async function reportExport(ctx: FeatureContext, result: BibWriteResult, scope: ExportScope): Promise<void> {
  const name = vscode.workspace.asRelativePath(result.file);
  ctx.log.appendLine(
    ui`Export BibTeX (${new Shown(scope.description)}) to ${result.file.fsPath}: ${result.added} added, ${result.kept} already there` +
      (result.addedKeys.length ? ui` [${displayText(result.addedKeys.join(', '), 4000)}]` : ''),
  );
  for (const c of result.conflicts) {
    ctx.log.appendLine(
      ui`  left out ${c.paperId}: its pinned key ${quoted(c.key)} is also pinned by ${c.heldBy}`,
    );
  }
  if (result.exported === 0 && result.conflicts.length === 0) {
    void vscode.window.showInformationMessage(`Literature Triage: no ${scope.description} to export.`);
    return;
  }
  const conflicts = result.conflicts.length
    ? ` ${plural(result.conflicts.length, 'paper')} left out: their pinned key is taken (see the output).`
    : '';
  const choice = await vscode.window.showInformationMessage(
    ui`Exported ${plural(result.exported, 'entry', 'entries')} to ${quoted(name, 120)}: ` +
      `${result.added} added, ${result.kept} already there.${conflicts}`,
    OPEN_FILE,
  );
  if (choice === OPEN_FILE) await vscode.window.showTextDocument(result.file);
}

export async function showExportError(error: unknown, file: vscode.Uri): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const name = vscode.workspace.asRelativePath(file);
  const choice = await vscode.window.showErrorMessage(
    ui`Literature Triage could not export to ${quoted(name, 120)}: ${message}`,
    ...(error instanceof BibWriteError ? [OPEN_FILE] : []),
  );
  if (choice !== OPEN_FILE) return;
  const line = error instanceof BibWriteError && error.line ? error.line - 1 : 0;
  await vscode.window.showTextDocument(file, { selection: new vscode.Range(line, 0, line, 0) });
}
