import * as vscode from 'vscode';
import { hashText } from '../../core/identity/hash';
import type { FileDecision } from '../../core/model/paper';
import { triageOf, type DecisionToImport } from '../../core/triage';
import { COMMANDS } from '../commands';
import type { FeatureContext } from '../featureContext';
import { showInfo } from '../shared/notifications';
import { showPick, type SafePickItem } from '../shared/pickers';
import { importDecisionsInto } from '../shared/triageEdits';
import { inline, quoted, ui, uiJoin, type UiText } from '../shared/uiText';
import type { CorpusLoad } from './corpusService';

/**
 * Decisions carried by corpus files (a CSV's label column, Rayyan's notes, a Covidence list) are never dropped
 * silently: when a load brings a file with decisions for papers undecided here, a notification offers to
 * import them. An import never overwrites a decision made here (see importDecisions in core/triage) and says
 * how many it took and skipped. Once the user answered for a file, the same decisions are not offered again
 * (remembered per file and a hash of its decisions in the workspace state); Import Decisions from Corpus
 * Files… offers them again.
 */

/** workspaceState: file label → hash of the decisions the user answered for. */
const ANSWERED_KEY = 'decisionImport.answered';

interface FileOffer {
  readonly file: string;
  readonly decisions: readonly FileDecision[];
  /** The decisions for papers undecided here. */
  readonly pending: readonly FileDecision[];
  /** Papers the file gave (before merging with other files). */
  readonly papers: number;
  readonly signature: string;
}

export function registerDecisionImport(ctx: FeatureContext): void {
  const askedThisSession = new Set<string>();
  ctx.extension.subscriptions.push(
    ctx.corpus.onDidChange((load) => void offerNewDecisions(ctx, load, askedThisSession)),
    vscode.commands.registerCommand(COMMANDS.importDecisions, () => importDecisionsCommand(ctx)),
  );
}

function offersOf(ctx: FeatureContext, load: CorpusLoad): FileOffer[] {
  const byFile = new Map<string, FileDecision[]>();
  for (const d of load.decisions) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  return [...byFile].map(([file, decisions]) => ({
    file,
    decisions,
    pending: decisions.filter((d) => {
      const paper = ctx.corpus.byId(d.paperId);
      return paper !== undefined && triageOf(ctx.store.state, paper).status === 'untriaged';
    }),
    papers: load.files.find((f) => f.label === file)?.papers ?? decisions.length,
    signature: hashText(
      JSON.stringify(decisions.map((d) => [d.paperId, d.status, d.reason, d.note, d.tags])),
      12,
    ),
  }));
}

async function offerNewDecisions(ctx: FeatureContext, load: CorpusLoad, asked: Set<string>): Promise<void> {
  if (!load.decisions.length) return;
  // The state file must be read first, or every decision would look new.
  await ctx.store.flush();
  if (ctx.corpus.lastLoad !== load) return;
  const answered = ctx.extension.workspaceState.get<Record<string, string>>(ANSWERED_KEY) ?? {};
  for (const offer of offersOf(ctx, load)) {
    const key = `${offer.file}\n${offer.signature}`;
    if (!offer.pending.length || answered[offer.file] === offer.signature || asked.has(key)) continue;
    asked.add(key);
    void offerFile(ctx, offer);
  }
}

async function offerFile(ctx: FeatureContext, offer: FileOffer): Promise<void> {
  const n = offer.pending.length;
  const importButton = ui`Import ${n} ${n === 1 ? ui`Decision` : ui`Decisions`}`;
  const choice = await showInfo(
    ui`Literature Triage: ${quoted(offer.file)} holds ${n} screening ${n === 1 ? ui`decision` : ui`decisions`} not made here (${inline(countsText(offer.pending))}).`,
    {},
    importButton,
    ui`Don't Import`,
  );
  if (choice === undefined) return;
  const answered = ctx.extension.workspaceState.get<Record<string, string>>(ANSWERED_KEY) ?? {};
  await ctx.extension.workspaceState.update(ANSWERED_KEY, { ...answered, [offer.file]: offer.signature });
  if (choice === importButton) importOffers(ctx, [offer]);
}

/** What an import did, for the message and for tests. */
export interface DecisionImportResult {
  imported: number;
  skipped: number;
  withoutDecision: number;
}

function importOffers(ctx: FeatureContext, offers: readonly FileOffer[]): DecisionImportResult {
  const toImport: DecisionToImport[] = [];
  let missing = 0;
  for (const offer of offers) {
    for (const d of offer.decisions) {
      const paper = ctx.corpus.byId(d.paperId);
      if (!paper) {
        missing++;
        continue;
      }
      toImport.push({ paper, status: d.status, reason: d.reason, note: d.note, tags: d.tags });
    }
  }
  const { imported, skipped } = importDecisionsInto(ctx, toImport);
  const withoutDecision = offers.reduce((n, o) => n + Math.max(0, o.papers - o.decisions.length), 0);
  const result = { imported, skipped: skipped + missing, withoutDecision };
  const files =
    offers.length === 1 ? inline(ui`${quoted(offers[0]!.file)}`) : inline(ui`${offers.length} files`);
  void showInfo(
    uiJoin(
      ui`Literature Triage: imported ${result.imported} ${result.imported === 1 ? ui`decision` : ui`decisions`} from ${files}, skipped ${result.skipped} already decided here`,
      result.withoutDecision
        ? ui` (and ${result.withoutDecision} ${result.withoutDecision === 1 ? ui`paper` : ui`papers`} without a decision).`
        : ui`.`,
    ),
  );
  ctx.log.appendLine(
    ui`Import Decisions: ${result.imported} imported, ${result.skipped} skipped (already decided), ${result.withoutDecision} without a decision, from ${offers.map((o) => o.file).join(', ')}.`,
  );
  return result;
}

interface OfferItem extends SafePickItem {
  offers: FileOffer[];
}

/** Import Decisions from Corpus Files…: every file with decisions for undecided papers, answered or not. */
async function importDecisionsCommand(ctx: FeatureContext): Promise<DecisionImportResult | undefined> {
  const load = ctx.corpus.lastLoad ?? (await ctx.corpus.load());
  await ctx.store.flush();
  const offers = offersOf(ctx, load).filter((o) => o.pending.length);
  if (!offers.length) {
    void showInfo(
      load.decisions.length
        ? ui`Literature Triage: every decision in the corpus files is already made here (or another one is).`
        : ui`Literature Triage: no corpus file holds screening decisions (a label column such as "included", Rayyan or Covidence decisions).`,
    );
    return undefined;
  }
  const items: OfferItem[] = offers.map((offer) => ({
    label: ui`${offer.file}`,
    description: ui`${offer.pending.length} ${offer.pending.length === 1 ? ui`decision` : ui`decisions`} (${inline(countsText(offer.pending))})`,
    offers: [offer],
  }));
  if (offers.length > 1) {
    const all = offers.flatMap((o) => o.pending);
    items.unshift({
      label: ui`All ${offers.length} files`,
      description: ui`${all.length} decisions (${inline(countsText(all))})`,
      offers,
    });
  }
  const picked = await showPick(items, {
    title: ui`Import Decisions from Corpus Files`,
    placeHolder: ui`Decisions already made here are never overwritten`,
  });
  return picked ? importOffers(ctx, picked.offers) : undefined;
}

function countsText(decisions: readonly FileDecision[]): UiText {
  const parts: UiText[] = [];
  for (const status of ['include', 'maybe', 'exclude'] as const) {
    const n = decisions.filter((d) => d.status === status).length;
    if (n) parts.push(ui`${n} ${status}`);
  }
  return uiJoin(...parts.flatMap((part, i) => (i ? [ui`, `, part] : [part])));
}
