import * as vscode from 'vscode';
import { prismaSvg } from '../../core/review/prismaSvg';
import type { PrismaFlow } from '../../core/review/prisma';
import { WEBVIEW_PANELS } from '../commands';
import type { FeatureContext } from '../featureContext';
import { resolveInWorkspace, settings } from '../settings';
import { writeWorkspaceFileAtomically } from '../shared/workspaceFiles';
import { adoptWebviewPanel, createSafeWebviewPanel, type SafeWebviewPanel } from '../shared/webviewPanel';
import { ui } from '../shared/uiText';
import { currentPrismaFlow } from './prismaModel';
import { prismaHtml, type SvgWritten } from './prismaHtml';

/** What the view shows now: the flow, the SVG written, and where it went. */
export interface PrismaRender {
  flow: PrismaFlow;
  svg: string;
  written: SvgWritten;
}

const REFRESH_DELAY_MS = 150;

/**
 * Show PRISMA Flow Diagram: writes the diagram to literatureTriage.prismaFile and shows it in a panel. While
 * the panel is open, a decision, a corpus reload or a change of the reasons, source names or file renders and
 * writes it again (a burst of changes once).
 */
export class PrismaView implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private panel: SafeWebviewPanel | undefined;
  private latest: PrismaRender | undefined;
  private lastWritten: { uri: string; svg: string } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private rendering: Promise<unknown> = Promise.resolve();
  private readonly rendered = new vscode.EventEmitter<PrismaRender>();
  /** Fires after each render of the open panel. */
  readonly onDidRender = this.rendered.event;
  private readonly disposables: vscode.Disposable[] = [];
  private reportedProblems = '';
  /** Resolves once the corpora and the state file were first read: a diagram of nothing is never written. */
  private readonly started: Promise<void>;
  private markStarted: () => void = () => {};

  constructor(private readonly ctx: FeatureContext) {
    this.started = new Promise((resolve) => (this.markStarted = resolve));
    const later = () => this.scheduleRefresh();
    this.disposables.push(
      this.rendered,
      ctx.store.onDidChange(later),
      ctx.team.onDidChange(later),
      ctx.corpus.onDidChange(later),
      ctx.review.onDidChange(later),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affects(e, 'prismaSources') || settings.affects(e, 'prismaFile')) later();
      }),
    );
  }

  /** The first reading of the corpora and the state file is over (whether or not it succeeded). */
  loaded(): void {
    this.markStarted();
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** The last render (undefined until the panel was first shown). */
  get current(): PrismaRender | undefined {
    return this.latest;
  }

  async show(): Promise<PrismaRender> {
    if (!this.panel) {
      this.attach(
        createSafeWebviewPanel(WEBVIEW_PANELS.prisma, ui`PRISMA Flow Diagram`, vscode.ViewColumn.Active),
      );
    } else this.panel.reveal();
    return this.refresh();
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    if (this.panel) {
      panel.dispose();
      return;
    }
    this.attach(adoptWebviewPanel(panel));
    await this.refresh();
  }

  /** Renders and writes now; renders queue so the file is written in order. */
  refresh(): Promise<PrismaRender> {
    clearTimeout(this.timer);
    const next = this.rendering.catch(() => undefined).then(() => this.render());
    this.rendering = next;
    return next;
  }

  private scheduleRefresh(): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async render(): Promise<PrismaRender> {
    // A panel restored after a reload, or a command run at startup, waits for the first load.
    await this.started;
    const { flow, problems } = currentPrismaFlow(this.ctx);
    this.reportProblems(problems);
    const svg = prismaSvg(flow);
    const written = await this.write(svg);
    const render = { flow, svg, written };
    this.latest = render;
    if (this.panel) this.panel.webview.html = prismaHtml(flow, svg, written);
    this.rendered.fire(render);
    return render;
  }

  private async write(svg: string): Promise<SvgWritten> {
    const path = settings.prismaFile();
    const uri = resolveInWorkspace(path);
    if (!uri) return { error: 'no workspace folder is open to write it to' };
    const file = vscode.workspace.asRelativePath(uri, false);
    if (this.lastWritten?.uri === uri.toString() && this.lastWritten.svg === svg) return { file };
    try {
      await writeWorkspaceFileAtomically(uri, svg);
      this.lastWritten = { uri: uri.toString(), svg };
      return { file };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.ctx.log.appendLine(ui`PRISMA flow diagram: cannot write ${file}: ${message}`);
      return { error: `cannot write ${file}: ${message}` };
    }
  }

  private reportProblems(problems: readonly string[]): void {
    const key = problems.join('\n');
    if (key === this.reportedProblems) return;
    this.reportedProblems = key;
    for (const problem of problems) this.ctx.log.appendLine(ui`PRISMA flow diagram: ${problem}`);
  }

  private attach(panel: SafeWebviewPanel): void {
    this.panel = panel;
    panel.webview.options = { enableScripts: false, localResourceRoots: [] };
    panel.iconPath = vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'media', 'icon.svg');
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      clearTimeout(this.timer);
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
