import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import type { CorpusService } from '../corpus/corpusService';
import type { ReaderPanel } from './readerPanel';
import { OPEN_PAPER_COMMAND } from '../commands';

/**
 * "Open Paper": the paper passed in, else the tree's selection, else one picked from a list.
 * Clicks in the tree pass the paper id and keep the focus in the tree, so arrow keys keep browsing.
 */
export function registerOpenPaper(
  corpus: CorpusService,
  reader: ReaderPanel,
  view: { selectedPapers(): Paper[] },
): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_PAPER_COMMAND, async (target?: string | Paper) => {
    const fromTree = typeof target === 'string';
    const paper =
      (fromTree ? corpus.byId(target) : target) ?? view.selectedPapers()[0] ?? (await pick(corpus));
    if (paper) reader.show(paper, { preserveFocus: fromTree });
  });
}

async function pick(corpus: CorpusService): Promise<Paper | undefined> {
  const chosen = await vscode.window.showQuickPick(
    corpus.all.map((paper) => ({ label: paper.title, paper })),
    { placeHolder: 'Open which paper?', matchOnDetail: true },
  );
  return chosen?.paper;
}
