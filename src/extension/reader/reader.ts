import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import type { PaperSummary } from '../../worker/protocol';
import { isReaderState, type WebviewMessage } from '../../webview/protocol';
import type { FeatureContext, PaperOrder } from '../featureContext';
import { checkExternalLink } from './externalLink';
import { neighbourId } from './neighbours';
import { paperView } from './paperView';
import { RequestCancelled } from '../library';
import { ReaderPanel } from './readerPanel';
import { addTagTo, decideAt, removeTagFrom, setNoteOf } from '../shared/triageEdits';
import { exclusionReasonFor, type ExclusionRequest } from '../shared/exclusionReason';
import { quoted, ui } from '../shared/uiText';
import type { TriageStatus } from '../../core/triage';
import type { TeamView } from '../../webview/protocol';
import { COMMANDS, CONTEXT_KEYS } from '../commands';
import { ContextKey } from '../contextKey';
import { teamView } from './teamView';

export interface ShowOptions {
  /** Keep the focus where it is (a click in the tree keeps it in the tree). */
  preserveFocus?: boolean;
  /** Open the reader in the editor group beside the active one. */
  toSide?: boolean;
  /** A search query whose matches are highlighted in the title and abstract. */
  highlight?: string;
}

export interface ReaderHost {
  readonly currentPaper: PaperSummary | undefined;
  /** True while the reader tab is the active editor. */
  readonly isActive: boolean;
  /** True once the webview has said it is ready (and until it is hidden or closed). */
  readonly isReady: boolean;
  /** The paper the webview confirmed it rendered last. */
  readonly shownPaperId: string | undefined;
  /** True while a text field in the reader has focus (the context key `literatureTriage.readerEditing`). */
  readonly isEditing: boolean;
  /** Fires when the reader moves to another paper (undefined: it shows none). */
  readonly onDidChangePaper: vscode.Event<PaperSummary | undefined>;
  show(paper: PaperSummary, options?: ShowOptions): void;
  /** Moves to the next / previous paper in the Papers view's order; false at the end of the list. */
  showNext(): boolean;
  showPrevious(): boolean;
}

/** Where the reader finds the tree order, the tree selection, and how to reveal a paper in the tree. */
export type ReaderOrder = PaperOrder & {
  selectedPapers(): PaperSummary[];
  reveal?(paperId: string): Promise<void>;
  /** Fires when orderedIds() may have changed (grouping, filter, decisions). */
  onDidChangeOrder?: vscode.Event<void>;
};

/** workspaceState key: the criteria panel is collapsed (it starts expanded). */
const CRITERIA_COLLAPSED = 'reader.criteriaCollapsed';

/** The reader: which paper it shows, what the webview asks for, and restoring the panel after a reload. */
export class Reader implements ReaderHost, vscode.WebviewPanelSerializer<unknown>, vscode.Disposable {
  private current: PaperSummary | undefined;
  private highlight: string | undefined;
  /** The paper a restored panel showed, until the corpus that holds it has loaded. */
  private restoring: string | undefined;
  private shown: string | undefined;
  /** The paper shown last is gone from the corpus (or a restored one was not found). */
  private lost = false;
  private readonly editing = new ContextKey(CONTEXT_KEYS.readerEditing);
  /** Bumped per render: a render whose paper arrived after a newer render started is dropped. */
  private renders = 0;
  private readonly paperChanged = new vscode.EventEmitter<PaperSummary | undefined>();
  readonly onDidChangePaper = this.paperChanged.event;
  private readonly disposables: vscode.Disposable[] = [];
  private renderTimer: NodeJS.Timeout | undefined;
  /** Opens a validated link in the browser; replaceable so tests need not leave the editor. */
  openExternal: (uri: vscode.Uri) => Thenable<boolean> = (uri) => vscode.env.openExternal(uri);

  constructor(
    private readonly ctx: FeatureContext,
    private readonly order: ReaderOrder,
    readonly panel: ReaderPanel,
  ) {
    this.disposables.push(
      this.paperChanged,
      panel.onDidReceiveMessage((message) =>
        this.handle(message).catch((error: unknown) =>
          ctx.log.appendLine(
            ui`Reader: ${String(message.type)} failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        ),
      ),
      panel.onDidChangeViewState(({ active }) => {
        if (!active) this.editing.set(false);
      }),
      panel.onDidClose(() => {
        this.editing.set(false);
        this.shown = undefined;
        this.restoring = undefined;
        this.lost = false;
        if (this.current) {
          this.current = undefined;
          this.paperChanged.fire(undefined);
        }
      }),
      ctx.library.onDidChange(({ papers }) => {
        if (papers) this.refreshPapers();
        this.scheduleRender();
      }),
      // A new ranking can explain why the shown paper is suggested.
      ctx.screening.onDidPrepare(() => this.scheduleRender()),
      // New highlight terms, criteria or reasons are shown at once.
      ctx.review.onDidChange(() => this.scheduleRender()),
      // The status, reason and decision buttons are those of the current stage.
      ctx.stage.onDidChange(() => this.scheduleRender()),
      ctx.team.onDidChange(() => this.scheduleRender()),
    );
    if (order.onDidChangeOrder) this.disposables.push(order.onDidChangeOrder(() => this.scheduleRender()));
  }

  get currentPaper(): PaperSummary | undefined {
    return this.current;
  }

  get isActive(): boolean {
    return this.panel.isActive;
  }

  get isReady(): boolean {
    return this.panel.isReady;
  }

  get shownPaperId(): string | undefined {
    return this.shown;
  }

  get isEditing(): boolean {
    return this.editing.value === true;
  }

  show(paper: PaperSummary, options: ShowOptions = {}): void {
    const moved = paper.id !== this.current?.id;
    this.current = paper;
    this.restoring = undefined;
    this.lost = false;
    this.highlight = options.highlight?.trim() || undefined;
    this.panel.open({ preserveFocus: options.preserveFocus, toSide: options.toSide });
    this.panel.setTitle(paper.title);
    this.render();
    if (moved) {
      this.paperChanged.fire(paper);
      this.revealInTree(paper);
    }
  }

  showNext(): boolean {
    return this.step('next');
  }

  showPrevious(): boolean {
    return this.step('previous');
  }

  /** The panel serializer: VS Code hands back the reader it closed with the window, with the webview's state. */
  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!this.panel.adopt(webviewPanel)) return;
    const id = isReaderState(state) ? state.paperId : undefined;
    const paper = id === undefined ? undefined : this.find(id);
    if (paper) {
      this.current = paper;
      this.panel.setTitle(paper.title);
      this.paperChanged.fire(paper);
    } else if (id !== undefined && this.ctx.library.papers.length === 0) {
      this.restoring = id;
    } else {
      this.lost = id !== undefined;
    }
    this.render();
  }

  private step(direction: 'next' | 'previous'): boolean {
    const id = neighbourId(this.order.orderedIds(), this.current?.id, direction);
    const paper = id === undefined ? undefined : this.ctx.library.paper(id);
    if (!paper) {
      this.panel.post({
        type: 'announce',
        text: direction === 'next' ? 'This is the last paper.' : 'This is the first paper.',
      });
      return false;
    }
    this.show(paper, { preserveFocus: !this.isActive });
    return true;
  }

  /** A burst of changes (a decision changes the triage and the tree order) is sent once. */
  private scheduleRender(): void {
    clearTimeout(this.renderTimer);
    this.renderTimer = setTimeout(() => this.render(), 0);
  }

  /** Sends the current paper (its text comes from the library worker), or why there is none. */
  private render(): void {
    clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    if (!this.panel.exists) return;
    const rendering = ++this.renders;
    const current = this.current;
    if (current) {
      this.ctx.library.detail(current.id, this.highlight).then(
        (detail) => {
          if (rendering !== this.renders || !this.panel.exists) return;
          if (!detail) {
            this.ctx.log.appendLine(ui`Reader: the library has no paper ${current.id}.`);
            return;
          }
          this.panel.post({
            type: 'showPaper',
            paper: paperView(this.ctx.library, this.ctx.review, detail, this.order.orderedIds(), {
              stage: this.ctx.stage.current,
              criteriaOpen: !this.ctx.extension.workspaceState.get<boolean>(CRITERIA_COLLAPSED, false),
              ...withTeam(teamView(this.ctx.team, current.id, this.ctx.stage.current)),
            }),
          });
        },
        (error: unknown) => {
          if (error instanceof RequestCancelled) return;
          this.ctx.log.appendLine(ui`Reader: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    } else {
      const reason = this.restoring !== undefined ? 'loading' : this.lost ? 'missing' : 'none';
      this.panel.post({ type: 'empty', reason });
    }
  }

  /** After the corpus reloaded: the same paper under its possibly new object, or the restored one. */
  private refreshPapers(): void {
    if (this.restoring !== undefined) {
      const paper = this.find(this.restoring);
      this.restoring = undefined;
      if (paper) {
        this.current = paper;
        this.panel.setTitle(paper.title);
        this.paperChanged.fire(paper);
      } else {
        this.lost = true;
      }
      return;
    }
    if (!this.current) return;
    const paper = this.find(this.current.id);
    if (paper) {
      this.current = paper;
    } else {
      this.current = undefined;
      this.lost = true;
      this.paperChanged.fire(undefined);
    }
  }

  private find(id: string): PaperSummary | undefined {
    return this.ctx.library.paper(id) ?? this.ctx.library.papers.find((p) => p.aliases?.includes(id));
  }

  private revealInTree(paper: PaperSummary): void {
    if (this.order.selectedPapers().some((p) => p.id === paper.id)) return;
    this.order.reveal?.(paper.id).then(undefined, () => undefined);
  }

  /** Acts on one validated webview message. Public so tests can drive the reader as the webview would. */
  async handle(message: WebviewMessage): Promise<void> {
    const { store } = this.ctx;
    switch (message.type) {
      case 'ready':
        this.render();
        return;
      case 'shown':
        this.shown = message.paperId;
        return;
      case 'editing':
        this.editing.set(message.editing);
        return;
      case 'navigate':
        this.step(message.direction);
        return;
      case 'search':
        await vscode.commands.executeCommand(COMMANDS.searchPapers);
        return;
      case 'openPaper': {
        const paper = this.find(message.paperId);
        if (paper) this.show(paper);
        return;
      }
      case 'setStatus':
        await this.decide(message.paperId, message.status, 'plain');
        return;
      case 'excludeWithReason':
        await this.decide(message.paperId, 'exclude', message.reason);
        return;
      case 'pickReason':
        await this.decide(message.paperId, 'exclude', 'ask');
        return;
      case 'criteriaOpen':
        await this.ctx.extension.workspaceState.update(CRITERIA_COLLAPSED, !message.open);
        return;
      case 'addTag': {
        const paper = this.find(message.paperId);
        if (paper) addTagTo(this.ctx, [paper], message.tag);
        return;
      }
      case 'removeTag': {
        const paper = this.find(message.paperId);
        if (paper) removeTagFrom(this.ctx, [paper], message.tag);
        return;
      }
      case 'saveNote': {
        const paper = this.find(message.paperId);
        if (!paper) return;
        setNoteOf(this.ctx, paper, message.note);
        await store.flush();
        this.panel.post({ type: 'noteSaved', paperId: paper.id, persisted: !store.hasUnsavedChanges });
        return;
      }
      case 'openLink': {
        const paper = this.find(message.paperId);
        await this.openLink(message.url, paper && (await this.ctx.library.fullPaper(paper.id)));
        return;
      }
    }
  }

  /**
   * A decision from the reader's buttons, at the current stage. An exclusion settles its reason first (see
   * exclusionReasonFor); called off, nothing changes.
   */
  private async decide(paperId: string, status: TriageStatus, request: ExclusionRequest): Promise<void> {
    const paper = this.find(paperId);
    if (!paper) return;
    const stage = this.ctx.stage.current;
    let reason: string | undefined;
    if (status === 'exclude') {
      const outcome = await exclusionReasonFor(this.ctx, request, stage, quoted(paper.title));
      if (!outcome) return;
      reason = outcome.reason;
    }
    decideAt(this.ctx, [paper], stage, status, reason);
    // Moving on is the reader's own: a decision on the paper it shows brings the next one.
    if (paper.id === this.current?.id && status !== 'untriaged') this.step('next');
  }

  private async openLink(url: string, paper: Paper | undefined): Promise<void> {
    const check = checkExternalLink(url, paper);
    if (!check.ok) {
      this.ctx.log.appendLine(
        ui`Reader: refused to open ${JSON.stringify(url.slice(0, 200))}: ${check.reason}.`,
      );
      this.panel.post({ type: 'announce', text: `That link was not opened: ${check.reason}.` });
      return;
    }
    await this.openExternal(vscode.Uri.parse(check.url, true));
  }

  dispose(): void {
    clearTimeout(this.renderTimer);
    for (const d of this.disposables) d.dispose();
  }
}

function withTeam(team: TeamView | undefined): { team?: TeamView } {
  return team ? { team } : {};
}
