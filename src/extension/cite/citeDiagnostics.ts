import * as vscode from 'vscode';
import { citationProblems, type CiteProblem } from '../../core/cite';
import { uiDiagnostic } from '../shared/editorSurfaces';
import { shownText } from '../shared/uiText';
import type { CiteIndex } from './citeIndex';
import { citeSettings } from './citeSettings';
import { documentCitations, syntaxOf } from './documentCitations';

const CHANGE_DELAY_MS = 250;
export const DIAGNOSTIC_SOURCE = 'Literature Triage';

/**
 * Unresolved, excluded and conflicting keys of every open citing document, computed again a moment after the
 * document changes (typing does not wait for it) and when the key index changes.
 */
export class CiteDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('literatureTriageCitations');
  private readonly problems = new Map<string, CiteProblem[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly index: CiteIndex) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document, CHANGE_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      index.onDidChange(() => this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (citeSettings.affects(e, 'diagnostics')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  /** The problem a diagnostic at this range stands for (the quick fix needs its paper). */
  problemAt(uri: vscode.Uri, range: vscode.Range, document: vscode.TextDocument): CiteProblem | undefined {
    const start = document.offsetAt(range.start);
    return this.problems.get(uri.toString())?.find((p) => p.kind === 'unresolved' && p.start === start);
  }

  /** Computes a document's diagnostics now (tests and the audit wait for this). */
  async update(document: vscode.TextDocument): Promise<void> {
    const uri = document.uri.toString();
    if (!syntaxOf(document) || !citeSettings.diagnostics()) return this.forget(document.uri);
    const version = document.version;
    const cited = documentCitations(document);
    const index = await this.index.index();
    if (document.isClosed || document.version !== version) return;
    const problems = citationProblems(cited, index);
    this.problems.set(uri, problems);
    this.collection.set(
      document.uri,
      problems.map((p) => {
        const range = new vscode.Range(document.positionAt(p.start), document.positionAt(p.end));
        const severity =
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
        const diagnostic = uiDiagnostic(range, shownText(p.message, 400), severity);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = p.kind;
        return diagnostic;
      }),
    );
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!syntaxOf(document)) return;
    const uri = document.uri.toString();
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.update(document).catch(() => undefined);
      }, delay),
    );
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.problems.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
