import * as vscode from 'vscode';
import { matchFullTexts } from '../../core/review/fullTextFiles';
import { PLACE_STAGE, reviewPlace } from '../../core/review/reviewPlace';
import type { PaperSummary } from '../../worker/protocol';
import { COMMANDS } from '../commands';
import type { FeatureContext, TargetResolver } from '../featureContext';
import { papersFromArguments } from '../export';
import { primaryFolder, resolveInWorkspace, settings } from '../settings';
import { showInfo, showWarning } from '../shared/notifications';
import { showPick, type SafePickItem } from '../shared/pickers';
import { setFullTextPdfOf, setRetrievedOf } from '../shared/triageEdits';
import { quoted, ui } from '../shared/uiText';
import { listPdfs } from './pdfFiles';

/** A paper's stored PDF path: workspace-relative with `/` inside the workspace, else absolute. */
export function storedPdfPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}

function pdfUri(path: string): vscode.Uri | undefined {
  return resolveInWorkspace(path);
}

/** The result of Find Full Texts, for callers and tests. */
export interface FindResult {
  linked: { paperId: string; pdf: string }[];
  ambiguous: { paperId: string; files: readonly string[] }[];
  /** Reports sought (included at title/abstract) with no PDF linked before or found now. */
  missing: number;
  searched: number;
}

/**
 * Link Full Text PDF…, Find Full Texts, Open Full Text, Mark Full Text Not Retrieved / Retrieved. A command
 * acts on the papers in its arguments, else the reader's paper or the tree selection.
 */
export function registerFullTextCommands(ctx: FeatureContext, targets: TargetResolver): vscode.Disposable[] {
  const papersOf = (args: unknown[]) => papersFromArguments(ctx, targets, args);
  const needPaper = () =>
    void showInfo(ui`Select a paper in the Papers view or open one in the reader first.`);
  return [
    vscode.commands.registerCommand(COMMANDS.linkFullText, async (...args: unknown[]) => {
      const paper = papersOf(args)[0];
      if (!paper) return needPaper();
      const given = args.find((a): a is vscode.Uri => a instanceof vscode.Uri);
      return linkFullText(ctx, paper, given);
    }),
    vscode.commands.registerCommand(COMMANDS.findFullTexts, () => findFullTexts(ctx)),
    vscode.commands.registerCommand(COMMANDS.openFullText, async (...args: unknown[]) => {
      const paper = papersOf(args)[0];
      if (!paper) return needPaper();
      return openFullText(ctx, paper);
    }),
    vscode.commands.registerCommand(COMMANDS.markNotRetrieved, (...args: unknown[]) => {
      const papers = papersOf(args);
      if (!papers.length) return needPaper();
      setRetrievedOf(ctx, papers, false);
      return papers.length;
    }),
    vscode.commands.registerCommand(COMMANDS.markRetrieved, (...args: unknown[]) => {
      const papers = papersOf(args);
      if (!papers.length) return needPaper();
      setRetrievedOf(ctx, papers, true);
      return papers.length;
    }),
  ];
}

async function linkFullText(
  ctx: FeatureContext,
  paper: PaperSummary,
  given: vscode.Uri | undefined,
): Promise<string | undefined> {
  const folder = settings.fullTextFolder();
  const start = (folder && resolveInWorkspace(folder)) || primaryFolder();
  const uri =
    given ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { PDF: ['pdf'] },
        openLabel: 'Link Full Text',
        title: `Full text of ${quoted(paper.title, 80)}`,
        ...(start ? { defaultUri: start } : {}),
      })
    )?.[0];
  if (!uri) return undefined;
  const pdf = storedPdfPath(uri);
  setFullTextPdfOf(ctx, paper, pdf);
  return pdf;
}

async function findFullTexts(ctx: FeatureContext): Promise<FindResult | undefined> {
  const folderSetting = settings.fullTextFolder();
  const folder = folderSetting ? resolveInWorkspace(folderSetting) : undefined;
  if (!folder) {
    const choice = await showWarning(
      ui`Set literatureTriage.fullTextFolder to the folder that holds the PDFs first.`,
      {},
      ui`Open Settings`,
    );
    if (choice)
      void vscode.commands.executeCommand('workbench.action.openSettings', 'literatureTriage.fullTextFolder');
    return undefined;
  }
  const pdfs = await listPdfs(folder);
  // Reports sought: every paper included at title/abstract, whatever its full-text decision.
  const sought = ctx.library.papers.filter(
    (p) => PLACE_STAGE[reviewPlace(ctx.library.triage(p))] === 'fullText',
  );
  const unlinked = sought.filter((p) => !ctx.library.triage(p).fullText?.pdf);
  const full = await ctx.library.fullPapers(unlinked.map((p) => p.id));
  const match = matchFullTexts(
    full.map((p) => ({ id: p.id, doi: p.doi, arxivId: p.arxivId })),
    pdfs.map((u) => storedPdfPath(u)),
  );
  const linked: FindResult['linked'] = [];
  for (const paper of unlinked) {
    const pdf = match.found.get(paper.id);
    if (pdf === undefined) continue;
    setFullTextPdfOf(ctx, paper, pdf);
    linked.push({ paperId: paper.id, pdf });
  }
  const ambiguous = [...match.ambiguous].map(([paperId, files]) => ({ paperId, files }));
  const missing = unlinked.length - linked.length;
  const result: FindResult = { linked, ambiguous, missing, searched: pdfs.length };
  const more = ambiguous.length
    ? ui` ${ambiguous.length} with several candidates (link one with Link Full Text PDF…).`
    : ui``;
  void showInfo(
    ui`Found ${linked.length} full text(s) among ${pdfs.length} PDF(s) in ${quoted(folderSetting)}; ${missing} of ${sought.length} report(s) sought have none linked.${more}`,
  );
  return result;
}

type OpenChoice = SafePickItem & { open: () => Thenable<unknown> };

async function openFullText(ctx: FeatureContext, paper: PaperSummary): Promise<string | undefined> {
  const triage = ctx.library.triage(paper);
  const full = await ctx.library.fullPaper(paper.id);
  const choices: OpenChoice[] = [];
  const pdf = triage.fullText?.pdf;
  const uri = pdf ? pdfUri(pdf) : undefined;
  if (pdf && uri) {
    choices.push({
      label: ui`$(file-pdf) Open the linked PDF`,
      description: ui`${pdf}`,
      open: () => vscode.commands.executeCommand('vscode.open', uri),
    });
  }
  const web = (label: string, url: string) =>
    choices.push({
      label: ui`$(link-external) ${label}`,
      description: ui`${url}`,
      open: () => vscode.env.openExternal(vscode.Uri.parse(url, true)),
    });
  const doi = full?.doi?.trim();
  if (doi) web('Open the DOI', `https://doi.org/${encodeURI(doi)}`);
  const arxiv = full?.arxivId?.trim();
  if (arxiv) {
    web('Open on arXiv', `https://arxiv.org/abs/${encodeURI(arxiv)}`);
    web('Open the arXiv PDF', `https://arxiv.org/pdf/${encodeURI(arxiv)}`);
  }
  const url = full?.url?.trim();
  if (url && /^https?:\/\//i.test(url) && !choices.some((c) => c.description === url))
    web('Open the URL', url);
  choices.push({
    label: ui`$(file-add) Link a PDF…`,
    open: () => vscode.commands.executeCommand(COMMANDS.linkFullText, paper.id),
  });
  const chosen = await showPick(choices, {
    placeHolder: ui`Full text of ${quoted(paper.title, 80)}`,
  });
  if (!chosen) return undefined;
  if (chosen.label.startsWith('$(file-pdf)') && uri) {
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    if (!exists) {
      void showWarning(ui`The linked PDF ${quoted(pdf!)} does not exist (moved or renamed?). Link it again.`);
      return undefined;
    }
  }
  await chosen.open();
  return chosen.description ?? chosen.label;
}
