import * as vscode from 'vscode';
import type { FeatureContext, TargetResolver } from '../featureContext';
import { BibLocation } from './bibLocation';
import { copyBibtex } from './copyBibtex';
import { copyFormattedCitation } from './copyCitation';
import { exportToFile } from './fileExport';
import { exportBibtex } from './exportCommand';
import { insertCitation } from './insertCitation';
import { papersFromArguments } from './paperArguments';
import { pickPaperToCite } from './citationPick';
import { COMMANDS } from '../commands';

// What citing in documents (../cite) uses: the .bib Export BibTeX writes to, and adding one paper to it.
export { BibLocation } from './bibLocation';
export { ensureInBib, type InsertedCitation } from './insertCitation';

/**
 * Export BibTeX…, Export RIS… / CSV… / CSL-JSON…, Copy BibTeX, Copy Formatted Citation and Insert Citation. Each
 * returns its result, for callers and tests.
 */
export { papersFromArguments } from './paperArguments';

export function registerExport(ctx: FeatureContext, targets: TargetResolver): void {
  const location = new BibLocation(ctx.extension.globalState);
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.exportBibtex, () => exportBibtex(ctx, targets, location)),
    vscode.commands.registerCommand(COMMANDS.exportRis, () => exportToFile(ctx, targets, location, 'ris')),
    vscode.commands.registerCommand(COMMANDS.exportCsv, () => exportToFile(ctx, targets, location, 'csv')),
    vscode.commands.registerCommand(COMMANDS.exportCslJson, () =>
      exportToFile(ctx, targets, location, 'csljson'),
    ),
    vscode.commands.registerCommand(COMMANDS.copyBibtex, async (...args: unknown[]) => {
      const chosen =
        papersFromArguments(ctx, targets, args)[0] ??
        (await pickPaperToCite(ctx.library.papers, ctx.team.decisions()));
      const paper = chosen && (await ctx.library.fullPaper(chosen.id));
      return paper ? copyBibtex(ctx, location, paper) : undefined;
    }),
    vscode.commands.registerCommand(COMMANDS.copyFormattedCitation, async (...args: unknown[]) => {
      const given = papersFromArguments(ctx, targets, args);
      const chosen = given.length ? given : [await pickPaperToCite(ctx.library.papers, ctx.team.decisions())];
      return copyFormattedCitation(
        ctx,
        chosen.filter((p) => p !== undefined),
      );
    }),
    vscode.commands.registerCommand(COMMANDS.insertCitation, (paperId?: unknown) => {
      const given = typeof paperId === 'string' ? ctx.library.paper(paperId) : undefined;
      return insertCitation(ctx, location, given);
    }),
  );
}
