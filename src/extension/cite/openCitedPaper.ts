import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import { showInfo } from '../shared/notifications';
import { quoted, ui } from '../shared/uiText';
import type { CiteIndex } from './citeIndex';
import { citationAt } from './documentCitations';

/** "Open Cited Paper": the paper of the key under the cursor, in the reader. Returns its id. */
export async function openCitedPaper(index: CiteIndex): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const cited = editor && citationAt(editor.document, editor.selection.active);
  if (!editor || !cited) {
    void showInfo(ui`Literature Triage: put the cursor on a cited key to open its paper.`);
    return undefined;
  }
  const item = (await index.index()).get(cited.key);
  if (!item?.paperId) {
    void showInfo(
      item
        ? ui`Literature Triage: ${quoted(cited.key, 80)} is only in ${quoted(item.definitions[0]?.file ?? 'a .bib file', 120)}, not in the library.`
        : ui`Literature Triage: no paper has the key ${quoted(cited.key, 80)}.`,
    );
    return undefined;
  }
  await vscode.commands.executeCommand(COMMANDS.openPaper, item.paperId);
  return item.paperId;
}
