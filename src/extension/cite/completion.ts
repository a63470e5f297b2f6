import * as vscode from 'vscode';
import { completionContext, type CiteItem } from '../../core/cite';
import { COMMANDS } from '../commands';
import { uiCompletionItem } from '../shared/editorSurfaces';
import { shownText } from '../shared/uiText';
import type { CiteIndex } from './citeIndex';
import { completionDocumentation } from './citeItemText';
import { syntaxOf } from './documentCitations';
import { citeSettings } from './citeSettings';

const LIMIT = 200;

/** Characters that open or continue a key: `{` and `,` in LaTeX (space too: typed words search titles), `@`, `<`. */
export const TRIGGERS: Record<'latex' | 'markdown' | 'typst', string[]> = {
  latex: ['{', ',', ' '],
  markdown: ['@'],
  typst: ['@', '<'],
};

/**
 * Citation keys where the cursor is in a citation: included papers first, then maybe, then the rest. VS Code
 * filters what we return by `filterText`, which starts with what was typed, so a match on a title word or an
 * author name stays in the list; the list is marked incomplete so each keystroke asks again.
 */
export class CiteCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly index: CiteIndex) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList | undefined> {
    if (!citeSettings.completion()) return undefined;
    const syntax = syntaxOf(document);
    if (!syntax) return undefined;
    const context = completionContext(syntax, document.lineAt(position.line).text, position.character);
    if (!context) return undefined;
    const index = await this.index.index();
    if (token.isCancellationRequested) return undefined;
    const result = index.search(context.typed, LIMIT);
    const range = new vscode.Range(position.line, context.start, position.line, position.character);
    const items = result.items.map((item, i) => completionItem(item, i, range, context.typed));
    return new vscode.CompletionList(items, true);
  }
}

function completionItem(
  item: CiteItem,
  rank: number,
  range: vscode.Range,
  typed: string,
): vscode.CompletionItem {
  const completion = uiCompletionItem(shownText(item.key), vscode.CompletionItemKind.Reference, {
    detail: shownText(item.title),
    documentation: completionDocumentation(item),
  });
  completion.insertText = item.key;
  completion.range = range;
  completion.filterText = typed + item.key;
  completion.sortText = String(rank).padStart(4, '0');
  if (item.paperId && item.definitions.length === 0)
    completion.command = {
      title: 'Add to the .bib file',
      command: COMMANDS.citeAddToBib,
      arguments: [item.paperId, item.key],
    };
  return completion;
}
