import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import { isWebviewMessage, type HostMessage } from '../../webview/protocol';
import { readerHtml } from './readerHtml';

/** The single reader panel. Messages wait until the webview has said it is ready. */
export class ReaderPanel implements vscode.Disposable {
  static readonly viewType = 'literatureTriage.reader';
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private pending: HostMessage | undefined;
  private current: Paper | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {}

  get currentPaper(): Paper | undefined {
    return this.current;
  }

  get isActive(): boolean {
    return this.panel?.active ?? false;
  }

  get isReady(): boolean {
    return this.ready;
  }

  show(paper: Paper, options: { preserveFocus?: boolean } = {}): void {
    this.current = paper;
    const panel = this.ensurePanel(options.preserveFocus ?? false);
    panel.title = paper.title;
    panel.reveal(undefined, options.preserveFocus ?? false);
    this.post({ type: 'showPaper', paper: { id: paper.id, title: paper.title, abstract: paper.abstract } });
  }

  private ensurePanel(preserveFocus: boolean): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const panel = vscode.window.createWebviewPanel(
      ReaderPanel.viewType,
      'Paper',
      { viewColumn: vscode.ViewColumn.Active, preserveFocus },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] },
    );
    this.ready = false;
    panel.webview.onDidReceiveMessage(
      (message: unknown) => {
        if (!isWebviewMessage(message)) return;
        if (message.type === 'ready') {
          this.ready = true;
          if (this.pending) void panel.webview.postMessage(this.pending);
          this.pending = undefined;
        }
      },
      undefined,
      this.disposables,
    );
    panel.onDidDispose(
      () => {
        this.panel = undefined;
        this.ready = false;
      },
      undefined,
      this.disposables,
    );
    panel.webview.html = readerHtml(panel.webview, this.extensionUri);
    this.panel = panel;
    return panel;
  }

  private post(message: HostMessage): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
    else this.pending = message;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
