import * as vscode from 'vscode';
import { adoptWebviewPanel, createSafeWebviewPanel, type SafeWebviewPanel } from '../shared/webviewPanel';
import { isWebviewMessage, type HostMessage, type WebviewMessage } from '../../webview/protocol';
import { readerHtml } from './readerHtml';
import { shownText, ui } from '../shared/uiText';
import { WEBVIEW_PANELS } from '../commands';

/**
 * The one reader webview panel: creating or adopting it (after a window reload), revealing it, the ready
 * handshake, and the message gate. Only messages that pass isWebviewMessage reach onDidReceiveMessage.
 */
export class ReaderPanel implements vscode.Disposable {
  private panel: SafeWebviewPanel | undefined;
  private ready = false;
  private panelSubscriptions: vscode.Disposable[] = [];
  private readonly received = new vscode.EventEmitter<WebviewMessage>();
  /** A validated message from the webview. 'ready' is among them, after isReady turned true. */
  readonly onDidReceiveMessage = this.received.event;
  private readonly stateChanged = new vscode.EventEmitter<{ active: boolean; visible: boolean }>();
  readonly onDidChangeViewState = this.stateChanged.event;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.OutputChannel,
  ) {}

  get exists(): boolean {
    return this.panel !== undefined;
  }

  get isActive(): boolean {
    return this.panel?.active ?? false;
  }

  get isReady(): boolean {
    return this.ready;
  }

  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel?.viewColumn;
  }

  /** Shows the panel, creating it if needed; `toSide` puts it in the editor group beside the active one. */
  open(options: { preserveFocus?: boolean; toSide?: boolean } = {}): void {
    const preserveFocus = options.preserveFocus ?? false;
    if (!this.panel) {
      const column = options.toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      this.attach(
        createSafeWebviewPanel(WEBVIEW_PANELS.reader, ui`Paper`, { viewColumn: column, preserveFocus }),
      );
      return;
    }
    const moveAside =
      options.toSide && this.panel.viewColumn === vscode.window.tabGroups.activeTabGroup.viewColumn;
    this.panel.reveal(moveAside ? vscode.ViewColumn.Beside : this.panel.viewColumn, preserveFocus);
  }

  /** Takes over a panel VS Code restored after a reload. False (and the panel is closed) if one is open already. */
  adopt(restored: vscode.WebviewPanel): boolean {
    const panel = adoptWebviewPanel(restored);
    if (this.panel && this.panel !== panel) {
      panel.dispose();
      return false;
    }
    if (!this.panel) this.attach(panel);
    return true;
  }

  setTitle(untrusted: string): void {
    const title = shownText(untrusted, 120);
    if (this.panel && this.panel.title !== title) this.panel.title = title;
  }

  /** Sends a message if the webview is listening; false otherwise (it asks for the state again on 'ready'). */
  post(message: HostMessage): boolean {
    if (!this.panel || !this.ready) return false;
    void this.panel.webview.postMessage(message);
    return true;
  }

  /** The gate for everything the webview sends. */
  receive(message: unknown): void {
    if (!isWebviewMessage(message)) {
      this.log.appendLine(ui`Reader: ignored an invalid message from the webview: ${describe(message)}`);
      return;
    }
    if (message.type === 'ready') this.ready = true;
    this.received.fire(message);
  }

  private attach(panel: SafeWebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.svg');
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        // A hidden webview is torn down; it says 'ready' again when shown.
        if (!webviewPanel.visible) this.ready = false;
        this.stateChanged.fire({ active: webviewPanel.active, visible: webviewPanel.visible });
      }),
      panel.onDidDispose(() => {
        for (const d of this.panelSubscriptions) d.dispose();
        this.panelSubscriptions = [];
        this.panel = undefined;
        this.ready = false;
        this.closed.fire();
      }),
    ];
    panel.webview.html = readerHtml(panel.webview, this.extensionUri);
  }

  dispose(): void {
    this.panel?.dispose();
    this.received.dispose();
    this.stateChanged.dispose();
    this.closed.dispose();
  }
}

function describe(message: unknown): string {
  try {
    return (JSON.stringify(message) ?? String(message)).slice(0, 200);
  } catch {
    return typeof message;
  }
}
