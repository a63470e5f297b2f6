import * as vscode from 'vscode';
import { showPick } from '../shared/pickers';
import type { PaperSummary } from '../../worker/protocol';
import type { Library } from '../library';
import type { ScreeningService } from '../screening';
import type { ReaderHost, ShowOptions } from './reader';
import { shownText, ui } from '../shared/uiText';
import { COMMANDS } from '../commands';

/** What Open Paper accepts: a paper id (tree clicks), a paper, or a tree node holding one. */
type PaperTarget = string | PaperSummary | { paper?: PaperSummary; paperId?: string } | undefined;

export function registerReaderCommands(
  library: Library,
  reader: ReaderHost,
  view: { selectedPapers(): PaperSummary[] },
  screening: ScreeningService,
): vscode.Disposable[] {
  const open = async (target: PaperTarget, options: ShowOptions) => {
    const paper = resolve(library, target) ?? view.selectedPapers()[0] ?? (await pick(library));
    if (paper) reader.show(paper, options);
  };
  return [
    // A click in the tree passes the id: keep the focus in the tree so arrow keys keep browsing.
    vscode.commands.registerCommand(COMMANDS.openPaper, (target?: PaperTarget, options?: ShowOptions) =>
      open(target, { preserveFocus: typeof target === 'string', ...options }),
    ),
    vscode.commands.registerCommand(COMMANDS.openPaperToSide, (target?: PaperTarget) =>
      open(target, { toSide: true, preserveFocus: true }),
    ),
    // In screening mode (reached through Next Untriaged) `j` follows the ranking like a decision does.
    vscode.commands.registerCommand(COMMANDS.readerNext, () =>
      screening.isScreening(reader.currentPaper?.id)
        ? vscode.commands.executeCommand(COMMANDS.nextUntriaged)
        : reader.showNext(),
    ),
    vscode.commands.registerCommand(COMMANDS.readerPrevious, () => void reader.showPrevious()),
    vscode.commands.registerCommand(COMMANDS.readerFocusSearch, () =>
      vscode.commands.executeCommand(COMMANDS.searchPapers),
    ),
  ];
}

function resolve(library: Library, target: PaperTarget): PaperSummary | undefined {
  if (typeof target === 'string') return library.paper(target);
  if (!target || typeof target !== 'object') return undefined;
  if ('title' in target && typeof target.id === 'string') return library.paper(target.id) ?? target;
  const holder = target as { paper?: PaperSummary; paperId?: string };
  if (holder.paper && typeof holder.paper.id === 'string')
    return library.paper(holder.paper.id) ?? holder.paper;
  if (typeof holder.paperId === 'string') return library.paper(holder.paperId);
  return undefined;
}

async function pick(library: Library): Promise<PaperSummary | undefined> {
  const chosen = await showPick(
    library.papers.map((paper) => ({ label: shownText(paper.title), paper })),
    { placeHolder: ui`Open which paper?`, matchOnDetail: true },
  );
  return chosen?.paper;
}
