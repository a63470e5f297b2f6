import './widgets';
import './reader.css';
import type { TriageStatus } from '../core/triage';
import type { HostMessage, PaperView, ReaderState, WebviewMessage } from './protocol';
import { buildLayout, DECISIONS } from './layout';
import { NoteEditor } from './noteEditor';
import { renderEmpty, renderPaper } from './render';
import { guardTyping } from './typingGuard';
import { visibleText } from './visibleText';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  setState(state: ReaderState | undefined): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const send = (message: WebviewMessage) => vscode.postMessage(message);
const container = document.getElementById('app') ?? document.body;
const layout = buildLayout(container);
const note = new NoteEditor(layout.note, layout.noteState, send);
let current: PaperView | undefined;

const EMPTY_MESSAGES: Record<Extract<HostMessage, { type: 'empty' }>['reason'], string> = {
  none: 'Select a paper in the Papers view to read it here.',
  missing: 'This paper is no longer in any corpus. Select another one in the Papers view.',
  loading: 'Loading the papers…',
};

function announce(text: string): void {
  // Clearing first makes screen readers repeat an identical message.
  layout.announcer.textContent = '';
  setTimeout(() => (layout.announcer.textContent = visibleText(text)), 50);
}

function showPaper(paper: PaperView): void {
  const previous = current;
  const hadFocus = document.activeElement !== document.body && document.activeElement !== null;
  current = paper;
  note.show(paper.id, paper.note);
  renderPaper(layout, paper);
  vscode.setState({ paperId: paper.id });
  if (previous?.id !== paper.id) {
    window.scrollTo(0, 0);
    const where = paper.position ? `, ${paper.position.index} of ${paper.position.total}` : '';
    announce(`${paper.title}${where}. ${paper.statusLabel}.`);
  } else if (previous.status !== paper.status || previous.reason !== paper.reason) {
    announce(`Marked ${paper.statusLabel}${paper.reason ? `: ${paper.reason}` : ''}.`);
  }
  // A re-rendered list may have taken the focused element away: keep the focus inside the reader.
  if (hadFocus && (document.activeElement === document.body || document.activeElement === null)) {
    layout.title.focus();
  }
  send({ type: 'shown', paperId: paper.id });
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'showPaper':
      showPaper(message.paper);
      break;
    case 'empty':
      note.flush();
      current = undefined;
      vscode.setState(undefined);
      renderEmpty(layout, EMPTY_MESSAGES[message.reason]);
      break;
    case 'noteSaved':
      note.saved(message.paperId, message.persisted);
      break;
    case 'announce':
      announce(message.text);
      break;
  }
});

function onPaper(action: (paperId: string) => void): void {
  note.flush();
  if (current) action(current.id);
}

layout.previous.addEventListener('click', () => {
  note.flush();
  send({ type: 'navigate', direction: 'previous' });
});
layout.next.addEventListener('click', () => {
  note.flush();
  send({ type: 'navigate', direction: 'next' });
});
layout.search.addEventListener('click', () => send({ type: 'search' }));
for (const { status } of DECISIONS) {
  layout.decisions
    .get(status)
    ?.addEventListener('click', () =>
      onPaper((paperId) => send({ type: 'setStatus', paperId, status: status satisfies TriageStatus })),
    );
}
layout.reasons.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  if (target.closest('vscode-button') === layout.otherReason) {
    onPaper((paperId) => send({ type: 'pickReason', paperId }));
    return;
  }
  const number = Number(target.closest<HTMLElement>('[data-reason-number]')?.dataset.reasonNumber);
  if (Number.isInteger(number) && number > 0)
    onPaper((paperId) => send({ type: 'excludeWithReason', paperId, reason: number }));
});
layout.criteria.addEventListener('toggle', () => {
  // A toggle the host's render caused is not the user's choice.
  if (layout.criteria.dataset.settingOpen === 'true') {
    delete layout.criteria.dataset.settingOpen;
    return;
  }
  send({ type: 'criteriaOpen', open: layout.criteria.open });
});
layout.tagForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const tag = layout.tagInput.value.trim();
  if (!tag) return;
  layout.tagInput.value = '';
  onPaper((paperId) => send({ type: 'addTag', paperId, tag }));
});
layout.tags.addEventListener('click', (event) => {
  const tag = (event.target as HTMLElement).closest<HTMLElement>('[data-remove-tag]')?.dataset.removeTag;
  if (tag !== undefined) onPaper((paperId) => send({ type: 'removeTag', paperId, tag }));
});
layout.links.addEventListener('click', (event) => {
  const url = (event.target as HTMLElement).closest<HTMLElement>('[data-url]')?.dataset.url;
  if (url !== undefined) onPaper((paperId) => send({ type: 'openLink', paperId, url }));
});
layout.similar.addEventListener('click', (event) => {
  const paperId = (event.target as HTMLElement).closest<HTMLElement>('[data-paper-id]')?.dataset.paperId;
  if (paperId !== undefined) onPaper(() => send({ type: 'openPaper', paperId }));
});
window.addEventListener('pagehide', () => note.flush());
guardTyping(container, send);

renderEmpty(layout, EMPTY_MESSAGES.loading);
send({ type: 'ready' });
