import * as vscode from 'vscode';
import { existingKeys, keyPapers } from '../../core/bibtex';
import { CiteKeyIndex, type LibraryPaper } from '../../core/cite';
import type { Paper } from '../../core/model/paper';
import type { PaperTriage } from '../../core/triage';
import type { FeatureContext } from '../featureContext';
import { settings, resolveInWorkspace } from '../settings';
import { readTextIfExists } from '../shared/workspaceFiles';
import { ui } from '../shared/uiText';
import { WorkspaceBibs } from './workspaceBibs';

const CHANGE_DELAY_MS = 200;

/**
 * The citation key index over the library and the workspace's `.bib` files, built when first asked for (never
 * at activation) and again, once, after the papers, the triage or a `.bib` changed. Full papers come from the
 * library worker once per corpus load; a triage change only re-keys them.
 */
export class CiteIndex implements vscode.Disposable {
  readonly bibs: WorkspaceBibs;
  private papers: Promise<Paper[]> | undefined;
  private current: Promise<CiteKeyIndex> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (debounced) when the index would be different: diagnostics are computed again. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: FeatureContext) {
    this.bibs = new WorkspaceBibs(ctx.log);
    this.disposables.push(
      this.bibs,
      this.bibs.onDidChange(() => this.invalidate()),
      ctx.team.onDidChange(() => this.invalidate()),
      ctx.library.onDidChange((change) => {
        if (change.papers) this.papers = undefined;
        this.invalidate();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affects(e, 'bibFile')) this.invalidate();
      }),
      this.changed,
    );
  }

  /** The index as of now. */
  index(): Promise<CiteKeyIndex> {
    this.current ??= this.build();
    return this.current;
  }

  /** Whether an index was asked for already (features that only refresh need not start one). */
  get started(): boolean {
    return this.current !== undefined;
  }

  private invalidate(): void {
    this.current = undefined;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), CHANGE_DELAY_MS);
  }

  private async build(): Promise<CiteKeyIndex> {
    const started = Date.now();
    const [papers, bibs, reserved] = await Promise.all([
      this.fullPapers(),
      this.bibs.all(),
      this.targetKeys(),
    ]);
    const state = this.ctx.team.decisions();
    const keyed = keyPapers(papers, state, { statuses: 'all', reservedKeys: reserved });
    const library: LibraryPaper[] = keyed.papers.map(({ paper, triage, key }) => ({
      paper,
      triage: effectiveTriage(triage),
      key,
    }));
    const index = new CiteKeyIndex(
      library,
      bibs.map((b) => ({ file: b.name, entries: b.entries })),
    );
    const ms = Date.now() - started;
    if (ms > 500)
      this.ctx.log.appendLine(ui`Citations: key index of ${index.items.length} keys built in ${ms} ms`);
    return index;
  }

  private fullPapers(): Promise<Paper[]> {
    this.papers ??= this.ctx.library.fullPapers(this.ctx.library.papers.map((p) => p.id)).catch((error) => {
      this.papers = undefined;
      throw error;
    });
    return this.papers;
  }

  /** The keys the `.bib` Export BibTeX writes to holds already: new keys are chosen clear of them, as there. */
  private async targetKeys(): Promise<string[]> {
    const file = resolveInWorkspace(settings.bibFile());
    if (!file) return [];
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
    const text = open ? open.getText() : await readTextIfExists(file).catch(() => undefined);
    return text ? [...existingKeys(text)] : [];
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** A full-text decision, once made, is the paper's standing: a paper excluded on its full text is excluded. */
function effectiveTriage(triage: PaperTriage | undefined): PaperTriage | undefined {
  const full = triage?.fullText?.status;
  if (!triage || !full || full === 'untriaged' || full === triage.status) return triage;
  return { ...triage, status: full };
}
