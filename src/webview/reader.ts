import type { HostMessage, PaperView, WebviewMessage } from './protocol';
import './reader.css';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  // Paper text is untrusted: it only ever reaches the page as text, never as markup.
  if (text !== undefined) node.textContent = text;
  return node;
}

function showPaper(paper: PaperView): void {
  const root = document.getElementById('reader');
  if (!root) return;
  const article = element('article', 'paper');
  article.dataset.paperId = paper.id;
  article.append(element('h1', 'paper-title', paper.title));
  for (const paragraph of paper.abstract.split(/\n{2,}/)) {
    article.append(element('p', 'paper-abstract', paragraph));
  }
  root.replaceChildren(article);
}

function showEmpty(): void {
  const root = document.getElementById('reader');
  root?.replaceChildren(element('p', 'empty', 'Select a paper in the Papers view to read it here.'));
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'showPaper':
      showPaper(message.paper);
      break;
    case 'empty':
      showEmpty();
      break;
  }
});

vscode.postMessage({ type: 'ready' });
