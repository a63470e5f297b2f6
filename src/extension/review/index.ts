// What other folders may use of the review feature (see eslint-rules/featureBoundaries.mjs).
import * as vscode from 'vscode';
import { COMMANDS, WEBVIEW_PANELS } from '../commands';
import type { FeatureContext } from '../featureContext';
import { PrismaView } from './prismaView';

export type { PrismaView, PrismaRender } from './prismaView';

/** The PRISMA flow diagram command and its panel. */
export function registerReview(ctx: FeatureContext): PrismaView {
  const prisma = new PrismaView(ctx);
  ctx.extension.subscriptions.push(
    prisma,
    vscode.window.registerWebviewPanelSerializer(WEBVIEW_PANELS.prisma, prisma),
    vscode.commands.registerCommand(COMMANDS.showPrismaFlow, () => prisma.show()),
  );
  return prisma;
}
