import * as vscode from 'vscode';
import type { FeatureContext, TargetResolver } from '../featureContext';
import { BibLocation } from './bibLocation';
import { copyBibtex } from './copyBibtex';
import { exportBibtex } from './exportCommand';
import { insertCitation } from './insertCitation';
import { papersFromArguments } from './paperArguments';
import { pickPaperToCite } from './citationPick';
import { COMMANDS } from '../commands';

/** Export BibTeX…, Copy BibTeX and Insert Citation. Each returns its result, for callers and tests. */
export function registerExport(ctx: FeatureContext, targets: TargetResolver): void {
  const location = new BibLocation(ctx.extension.globalState);
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.exportBibtex, () => exportBibtex(ctx, targets, location)),
    vscode.commands.registerCommand(COMMANDS.copyBibtex, async (...args: unknown[]) => {
      const chosen =
        papersFromArguments(ctx, targets, args)[0] ??
        (await pickPaperToCite(ctx.library.papers, ctx.store.state));
      const paper = chosen && (await ctx.library.fullPaper(chosen.id));
      return paper ? copyBibtex(ctx, location, paper) : undefined;
    }),
    vscode.commands.registerCommand(COMMANDS.insertCitation, (paperId?: unknown) => {
      const given = typeof paperId === 'string' ? ctx.library.paper(paperId) : undefined;
      return insertCitation(ctx, location, given);
    }),
  );
}
