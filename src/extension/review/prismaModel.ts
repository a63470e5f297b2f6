import * as vscode from 'vscode';
import { checkSourceNames } from '../../core/review/prismaSources';
import { prismaOfCorpora } from '../../core/review/prismaInput';
import type { PrismaFlow } from '../../core/review/prisma';
import { SETTINGS_SECTION } from '../settings';
import type { FeatureContext } from '../featureContext';

/**
 * The PRISMA 2020 flow of what is loaded now: the corpus files (records per file from the last load), the
 * merged papers, the state file and the protocol's exclusion reasons. `problems` says what of
 * literatureTriage.prismaSources could not be used.
 */
export function currentPrismaFlow(ctx: FeatureContext): { flow: PrismaFlow; problems: string[] } {
  const names = checkSourceNames(
    vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('prismaSources'),
  );
  const load = ctx.corpus.lastLoad;
  const flow = prismaOfCorpora({
    files: load?.files ?? [],
    papers: load ? ctx.corpus.all : [],
    state: ctx.team.decisions(),
    names: names.names,
    reasonOrder: ctx.review.exclusionReasons(),
  });
  return { flow, problems: names.problems };
}
