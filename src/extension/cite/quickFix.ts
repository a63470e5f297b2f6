import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import { ui } from '../shared/uiText';
import type { CiteIndex } from './citeIndex';
import { DIAGNOSTIC_SOURCE, type CiteDiagnostics } from './citeDiagnostics';

/**
 * "Add from the library" on an unresolved key whose paper the library has (the key's own paper, or the one
 * paper whose title the key spells): the key is replaced by the paper's key when they differ, and the paper's
 * entry is added to the `.bib` unless a workspace `.bib` has it already.
 */
export class CiteQuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly index: CiteIndex,
    private readonly diagnostics: CiteDiagnostics,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === 'unresolved');
    if (!ours.length) return [];
    const index = await this.index.index();
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const problem = this.diagnostics.problemAt(document.uri, diagnostic.range, document);
      if (!problem?.paperId) continue;
      const item = index.items.find((i) => i.paperId === problem.paperId);
      if (!item) continue;
      const renamed = item.key !== problem.key;
      const title = item.definitions.length
        ? ui`Cite ${item.key} (“${item.title}”) instead`
        : renamed
          ? ui`Add from the library: “${item.title}” as ${item.key}`
          : ui`Add from the library: “${item.title}”`;
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      if (renamed) {
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, item.key);
      }
      if (!item.definitions.length)
        action.command = { title, command: COMMANDS.citeAddToBib, arguments: [item.paperId, item.key] };
      actions.push(action);
    }
    return actions;
  }
}
