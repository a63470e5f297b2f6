import * as vscode from 'vscode';
import { showError, showInfo } from '../shared/notifications';
import type { FeatureContext, TargetResolver } from '../featureContext';
import { withProgressWhenLong } from '../shared/longWork';
import type { BibLocation } from './bibLocation';
import { BibWriteError, writeEntriesToBib, type BibWriteResult } from './bibWriter';
import { pickExportScope, plural, type ExportScope } from './exportScope';
import { inline, quoted, shownText, ui, uiJoin } from '../shared/uiText';

const OPEN_FILE = ui`Open File`;
/** Exports of this many papers show their progress notification at once. */
const LARGE_EXPORT = 500;

/** "Export BibTeX…": asks for the scope, merges the entries into the .bib, reports the counts. */
export async function exportBibtex(
  ctx: FeatureContext,
  targets: TargetResolver,
  location: BibLocation,
): Promise<BibWriteResult | undefined> {
  const papers = ctx.library.papers;
  const scope = await pickExportScope(papers, ctx.team.decisions(), targets.targets());
  if (!scope) return undefined;
  const file = await location.target('always');
  if (!file) return undefined;
  let result: BibWriteResult;
  try {
    result = await withProgressWhenLong(
      ui`Literature Triage: exporting ${inline(scope.description)}`,
      async (report) => {
        report(shownText(vscode.workspace.asRelativePath(file)));
        const papers = await ctx.library.fullPapers(scope.papers.map((p) => p.id));
        return writeEntriesToBib(ctx, file, papers, scope.options);
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
    uiJoin(
      ui`Export BibTeX (${inline(scope.description)}) to ${result.file.fsPath}: ${result.added} added, ${result.kept} already there`,
      result.addedKeys.length ? ui` [${inline(shownText(result.addedKeys.join(', '), 4000))}]` : ui``,
    ),
  );
  for (const c of result.conflicts) {
    ctx.log.appendLine(
      ui`  left out ${c.paperId}: its pinned key ${quoted(c.key)} is also pinned by ${c.heldBy}`,
    );
  }
  if (result.exported === 0 && result.conflicts.length === 0) {
    void showInfo(ui`Literature Triage: no ${inline(scope.description)} to export.`);
    return;
  }
  const conflicts = result.conflicts.length
    ? ui` ${inline(plural(result.conflicts.length, 'paper'))} left out: their pinned key is taken (see the output).`
    : ui``;
  const choice = await showInfo(
    ui`Exported ${inline(plural(result.exported, 'entry', 'entries'))} to ${quoted(name, 120)}: ${result.added} added, ${result.kept} already there.${inline(conflicts)}`,
    {},
    OPEN_FILE,
  );
  if (choice === OPEN_FILE) await vscode.window.showTextDocument(result.file);
}

export async function showExportError(error: unknown, file: vscode.Uri): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const name = vscode.workspace.asRelativePath(file);
  const choice = await showError(
    ui`Literature Triage could not export to ${quoted(name, 120)}: ${message}`,
    {},
    ...(error instanceof BibWriteError ? [OPEN_FILE] : []),
  );
  if (choice !== OPEN_FILE) return;
  const line = error instanceof BibWriteError && error.line ? error.line - 1 : 0;
  await vscode.window.showTextDocument(file, { selection: new vscode.Range(line, 0, line, 0) });
}
