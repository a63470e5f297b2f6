import * as vscode from 'vscode';
import { existingKeys, papersInScope } from '../../core/bibtex';
import { EXPORT_FORMATS, exportPapers, type ExportFormat } from '../../core/export';
import type { FeatureContext, TargetResolver } from '../featureContext';
import { primaryFolder } from '../settings';
import { stateFileLocation } from '../storage';
import { withProgressWhenLong } from '../shared/longWork';
import { showError, showInfo } from '../shared/notifications';
import { inline, quoted, shownText, ui } from '../shared/uiText';
import { readTextIfExists, writeWorkspaceFileAtomically } from '../shared/workspaceFiles';
import type { BibLocation } from './bibLocation';
import { pinNewKeys } from './bibWriter';
import { pickExportScope, plural, type ExportScope } from './exportScope';

const OPEN_FILE = ui`Open File`;
const LARGE_EXPORT = 500;

export interface FileExportResult {
  format: ExportFormat;
  file: vscode.Uri;
  /** Ids of the papers written, in file order. */
  ids: string[];
  /** CSL-JSON: papers left out because another exported paper is pinned to the same key. */
  leftOut: number;
}

/**
 * "Export RIS…", "Export CSV…", "Export CSL-JSON…": asks for the scope (as Export BibTeX does) and the file, writes
 * it atomically (a whole new file: nothing is merged), and reports "Exported N papers to …". CSL-JSON ids are the
 * papers' citation keys, chosen clear of the .bib's keys and pinned like an Export BibTeX's.
 */
export async function exportToFile(
  ctx: FeatureContext,
  targets: TargetResolver,
  location: BibLocation,
  format: ExportFormat,
): Promise<FileExportResult | undefined> {
  const { label } = EXPORT_FORMATS[format];
  const scope = await pickExportScope(
    ctx.library.papers,
    ctx.team.decisions(),
    targets.targets(),
    ui`Export ${label}`,
  );
  if (!scope) return undefined;
  if (papersInScope(scope.papers, ctx.team.decisions(), scope.options).length === 0) {
    void showInfo(ui`Literature Triage: no ${inline(scope.description)} to export.`);
    return undefined;
  }
  const file = await chooseFile(ctx, format);
  if (!file) return undefined;
  if (file.toString() === stateFileLocation(ctx.extension).toString()) {
    void showError(
      ui`Literature Triage: ${quoted(vscode.workspace.asRelativePath(file), 120)} is the triage state file; export to another file.`,
    );
    return undefined;
  }
  let result: FileExportResult;
  try {
    result = await withProgressWhenLong(
      ui`Literature Triage: exporting ${inline(scope.description)} as ${label}`,
      async (report) => {
        report(shownText(vscode.workspace.asRelativePath(file)));
        return writeExport(ctx, location, format, scope, file);
      },
      { large: scope.papers.length >= LARGE_EXPORT },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void showError(
      ui`Literature Triage could not export to ${quoted(vscode.workspace.asRelativePath(file), 120)}: ${message}`,
    );
    return undefined;
  }
  void reportExport(ctx, result, scope);
  return result;
}

async function writeExport(
  ctx: FeatureContext,
  location: BibLocation,
  format: ExportFormat,
  scope: ExportScope,
  file: vscode.Uri,
): Promise<FileExportResult> {
  const papers = await ctx.library.fullPapers(scope.papers.map((p) => p.id));
  // CSL-JSON cites by key: new keys must not be ones the .bib already gives other entries.
  const bib = format === 'csljson' ? (location.configured() ?? location.remembered()) : undefined;
  const bibText = bib ? await readTextIfExists(bib).catch(() => undefined) : undefined;
  const exported = exportPapers(format, papers, ctx.team.decisions(), {
    ...scope.options,
    reservedKeys: bibText ? existingKeys(bibText) : [],
  });
  await writeWorkspaceFileAtomically(file, exported.text);
  pinNewKeys(ctx, papers, exported.newPins);
  for (const c of exported.conflicts) {
    ctx.log.appendLine(
      ui`  left out ${c.paperId}: its pinned key ${quoted(c.key)} is also pinned by ${c.heldBy}`,
    );
  }
  return { format, file, ids: exported.ids, leftOut: exported.conflicts.length };
}

/** workspaceState: the file each format was exported to last, under `<prefix>.<format>`. */
const REMEMBERED_PREFIX = 'literatureTriage.lastExport';
const REMEMBERED = (format: ExportFormat) => `${REMEMBERED_PREFIX}.${format}`;

/** The save dialog, opening on the file chosen last time in this workspace, else literature-triage.<ext> in it. */
async function chooseFile(ctx: FeatureContext, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const { label, extensions, fileName } = EXPORT_FORMATS[format];
  const memory = ctx.extension.workspaceState;
  const remembered = memory.get<string>(REMEMBERED(format));
  const folder = primaryFolder() ?? vscode.Uri.file(process.env.HOME || process.env.USERPROFILE || '/');
  const chosen = await vscode.window.showSaveDialog({
    title: ui`Export ${label}: choose a file (it is replaced if it exists)`,
    saveLabel: ui`Export Here`,
    defaultUri: remembered ? vscode.Uri.parse(remembered) : vscode.Uri.joinPath(folder, fileName),
    filters: { [label]: extensions },
  });
  if (chosen) await memory.update(REMEMBERED(format), chosen.toString());
  return chosen;
}

async function reportExport(
  ctx: FeatureContext,
  result: FileExportResult,
  scope: ExportScope,
): Promise<void> {
  const { label } = EXPORT_FORMATS[result.format];
  ctx.log.appendLine(
    ui`Export ${label} (${inline(scope.description)}) to ${result.file.fsPath}: ${result.ids.length} papers`,
  );
  const leftOut = result.leftOut
    ? ui` ${inline(plural(result.leftOut, 'paper'))} left out: their pinned key is taken (see the output).`
    : ui``;
  const choice = await showInfo(
    ui`Exported ${inline(plural(result.ids.length, 'paper'))} to ${quoted(vscode.workspace.asRelativePath(result.file), 120)}.${inline(leftOut)}`,
    {},
    OPEN_FILE,
  );
  if (choice === OPEN_FILE) await vscode.window.showTextDocument(result.file);
}
