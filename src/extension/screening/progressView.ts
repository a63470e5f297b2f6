import * as vscode from 'vscode';
import type { ScreeningProgress } from '../../core/screening/progress';
import { COMMANDS, VIEWS } from '../commands';
import type { OutputLog } from '../shared/outputLog';
import { ui } from '../shared/uiText';
import {
  isProgressMessage,
  type ProgressHostMessage,
  type ProgressView,
} from '../../webview/progressProtocol';
import type { ScreeningService } from './screeningService';
import { progressHtml } from './progressHtml';
import { stoppingExplanation, stoppingVerdict } from './progressText';

/** What the webview is sent: plain numbers and our own sentences. */
export function progressView(progress: ScreeningProgress): ProgressView {
  const { estimate } = progress;
  return {
    total: progress.total,
    screened: estimate.screened,
    included: estimate.included,
    sinceLastInclusion: estimate.sinceLastInclusion,
    inclusionsAt: progress.inclusionsAt,
    verdict: stoppingVerdict(progress),
    explanation: stoppingExplanation(progress),
    stop: estimate.stop,
  };
}

/**
 * The Screening Progress view (a webview view in the Literature Triage container): the gain curve, the counter
 * and the stopping test's verdict, recomputed after every decision and when the stopping settings change.
 */
export class ScreeningProgressPanel implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private latest: ProgressView;
  private lastDelivered: ProgressView | undefined;
  private readonly updated = new vscode.EventEmitter<ProgressView>();
  /** Fires with the new model after every recomputation (whether or not the view is open). */
  readonly onDidUpdate = this.updated.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly screening: ScreeningService,
    private readonly extensionUri: vscode.Uri,
    private readonly log: OutputLog,
  ) {
    this.latest = progressView(screening.progress());
    this.disposables.push(
      this.updated,
      screening.onDidChangeProgress(() => this.refresh()),
    );
  }

  /** The model the view shows (or would show, while it is closed). */
  get model(): ProgressView {
    return this.latest;
  }

  /** The last model the webview received (undefined until it was opened and said 'ready'). */
  get delivered(): ProgressView | undefined {
    return this.lastDelivered;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    view.webview.html = progressHtml(view.webview, this.extensionUri);
    const subscriptions = [
      view.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      // A hidden webview view is torn down unless retained; it says 'ready' again when shown.
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.ready = false;
      }),
    ];
    view.onDidDispose(() => {
      for (const d of subscriptions) d.dispose();
      if (this.view === view) this.view = undefined;
      this.ready = false;
    });
  }

  private receive(message: unknown): void {
    if (!isProgressMessage(message)) {
      this.log.appendLine(ui`Screening Progress: ignored an invalid message from the webview`);
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      this.post();
    } else {
      void vscode.commands.executeCommand(COMMANDS.nextUntriaged);
    }
  }

  private refresh(): void {
    this.latest = progressView(this.screening.progress());
    this.post();
    this.updated.fire(this.latest);
  }

  private post(): void {
    const message: ProgressHostMessage = { type: 'progress', progress: this.latest };
    if (!this.view || !this.ready) return;
    const sent = this.latest;
    void this.view.webview.postMessage(message).then((delivered) => {
      if (delivered) this.lastDelivered = sent;
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function registerScreeningProgress(
  screening: ScreeningService,
  extension: vscode.ExtensionContext,
  log: OutputLog,
): ScreeningProgressPanel {
  const panel = new ScreeningProgressPanel(screening, extension.extensionUri, log);
  extension.subscriptions.push(
    panel,
    vscode.window.registerWebviewViewProvider(VIEWS.screeningProgress, panel),
  );
  return panel;
}
