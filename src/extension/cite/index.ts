import * as vscode from 'vscode';
import { CITE_LANGUAGE_IDS, citeSyntax } from '../../core/cite';
import { COMMANDS } from '../commands';
import { BibLocation } from '../export';
import type { FeatureContext } from '../featureContext';
import { addCitedPaperToBib } from './addToBib';
import { auditCommand } from './auditCommand';
import { CiteDiagnostics } from './citeDiagnostics';
import { CiteIndex } from './citeIndex';
import { CiteCompletionProvider, TRIGGERS } from './completion';
import { CiteDefinitionProvider, CiteHoverProvider } from './hoverAndDefinition';
import { openCitedPaper } from './openCitedPaper';
import { CiteQuickFixProvider } from './quickFix';

export type { AuditResult } from './auditCommand';

/** What the extension-host tests reach: the index and the diagnostics they wait for. */
export interface CiteHandle {
  readonly index: CiteIndex;
  readonly diagnostics: CiteDiagnostics;
}

/**
 * Citing while writing in LaTeX, Markdown (Quarto, R Markdown) and Typst: key completion, hover, Go to
 * Definition, diagnostics with the "Add from the library" quick fix, Open Cited Paper and the Citation Audit.
 * Nothing is read at activation: the key index is built when a citing document first needs it.
 */
export function registerCite(ctx: FeatureContext): CiteHandle {
  const index = new CiteIndex(ctx);
  const diagnostics = new CiteDiagnostics(index);
  const location = new BibLocation(ctx.extension.globalState);
  const subscriptions = ctx.extension.subscriptions;
  subscriptions.push(index, diagnostics);
  for (const syntax of ['latex', 'markdown', 'typst'] as const) {
    const selector = CITE_LANGUAGE_IDS.filter((id) => citeSyntax(id) === syntax).map((language) => ({
      language,
    }));
    subscriptions.push(
      vscode.languages.registerCompletionItemProvider(
        selector,
        new CiteCompletionProvider(index),
        ...TRIGGERS[syntax],
      ),
    );
  }
  const all = CITE_LANGUAGE_IDS.map((language) => ({ language }));
  subscriptions.push(
    vscode.languages.registerHoverProvider(all, new CiteHoverProvider(index)),
    vscode.languages.registerDefinitionProvider(all, new CiteDefinitionProvider(index)),
    vscode.languages.registerCodeActionsProvider(all, new CiteQuickFixProvider(index, diagnostics), {
      providedCodeActionKinds: CiteQuickFixProvider.kinds,
    }),
    vscode.commands.registerCommand(COMMANDS.citeAddToBib, (paperId: unknown, key: unknown) =>
      addCitedPaperToBib(ctx, location, paperId, key),
    ),
    vscode.commands.registerCommand(COMMANDS.openCitedPaper, () => openCitedPaper(index)),
    vscode.commands.registerCommand(COMMANDS.auditCitations, (options?: { pick?: boolean }) =>
      auditCommand(ctx, index, options),
    ),
  );
  return { index, diagnostics };
}
