// What other folders may use of the review feature (see eslint-rules/featureBoundaries.mjs).
import * as vscode from 'vscode';
import { COMMANDS, WEBVIEW_PANELS } from '../commands';
import type { FeatureContext, TargetResolver } from '../featureContext';
import { PrismaView } from './prismaView';
import { registerFullTextCommands } from './fullTextCommands';

export type { PrismaView, PrismaRender } from './prismaView';
export type { FindResult } from './fullTextCommands';

/** The PRISMA flow diagram command and its panel; the full-text commands. */
export function registerReview(ctx: FeatureContext, targets: TargetResolver): PrismaView {
  const prisma = new PrismaView(ctx);
  ctx.extension.subscriptions.push(
    prisma,
    vscode.window.registerWebviewPanelSerializer(WEBVIEW_PANELS.prisma, prisma),
    vscode.commands.registerCommand(COMMANDS.showPrismaFlow, () => prisma.show()),
    ...registerFullTextCommands(ctx, targets),
  );
  return prisma;
}
