import * as vscode from 'vscode';
import { auditCitations, type CitationAudit } from '../../core/cite';
import { COMMANDS } from '../commands';
import type { FeatureContext } from '../featureContext';
import { showInfo } from '../shared/notifications';
import { showPick, type SafePickItem } from '../shared/pickers';
import { shownText, ui } from '../shared/uiText';
import type { CiteIndex } from './citeIndex';
import { authorsLine, standingOf } from './citeItemText';
import { citedProject } from './citedProject';
import { syntaxOf } from './documentCitations';

interface AuditRow extends SafePickItem {
  paperId?: string;
}

export interface AuditResult extends CitationAudit {
  /** The files whose citations were read. */
  files: string[];
}

/**
 * "Citation Audit": included papers the document (a LaTeX document with all its `\input`s) never cites, and
 * keys it cites that are not included papers. Picking a paper opens it in the reader.
 */
export async function auditCommand(
  ctx: FeatureContext,
  index: CiteIndex,
  options: { pick?: boolean } = {},
): Promise<AuditResult | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !syntaxOf(document)) {
    void showInfo(
      ui`Literature Triage: open a LaTeX, Markdown, Quarto, R Markdown or Typst document to audit its citations.`,
    );
    return undefined;
  }
  const project = await citedProject(document);
  const audit = auditCitations(project.keys, await index.index());
  const result = { ...audit, files: project.files.map((f) => vscode.workspace.asRelativePath(f)) };
  ctx.log.appendLine(
    ui`Citation audit of ${result.files.join(', ')}: ${audit.includedNotCited.length} included papers not cited, ${audit.citedNotIncluded.length} cited keys not included`,
  );
  if (options.pick === false) return result;
  const rows: AuditRow[] = [
    separator(ui`Included, never cited (${audit.includedNotCited.length})`),
    ...audit.includedNotCited.map((item) => ({
      label: shownText(item.key),
      description: shownText(item.title),
      detail: shownText([authorsLine(item), item.year].filter(Boolean).join(' · ')),
      paperId: item.paperId,
    })),
    separator(ui`Cited, not included (${audit.citedNotIncluded.length})`),
    ...audit.citedNotIncluded.map(({ key, standing, item }) => ({
      label: shownText(key),
      description: item
        ? ui`${standingOf(item)} · ${item.title}`
        : ui`${standing === 'unknown' ? 'in no .bib and not in the library' : standing}`,
      paperId: item?.paperId,
    })),
  ];
  const picked = await showPick(rows, {
    title: ui`Citation Audit: ${result.files.join(', ')}`,
    placeHolder: ui`Pick a paper to open it in the reader`,
    matchOnDescription: true,
  });
  if (picked?.paperId) await vscode.commands.executeCommand(COMMANDS.openPaper, picked.paperId);
  return result;
}

const separator = (label: ReturnType<typeof ui>): AuditRow => ({
  label,
  kind: vscode.QuickPickItemKind.Separator,
});
