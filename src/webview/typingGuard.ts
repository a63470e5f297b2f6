import type { WebviewMessage } from './protocol';

/** True for the elements that take typed text (inside the widgets' shadow roots too). */
function isTextEntry(target: EventTarget | undefined): boolean {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement;
}

/**
 * The reader's single-letter shortcuts are workbench keybindings: VS Code receives every keydown of a focused
 * webview and runs them. While a text field has focus, the host is told (it sets the context key
 * `literatureTriage.readerEditing`, which turns the shortcuts off), and printable keys stop at the document so
 * they are not forwarded at all, even in the moment before the context key is set.
 */
export function guardTyping(root: HTMLElement, send: (message: WebviewMessage) => void): void {
  let editing = false;
  const update = (next: boolean) => {
    if (next === editing) return;
    editing = next;
    send({ type: 'editing', editing });
  };
  root.addEventListener('focusin', (event) => update(isTextEntry(event.composedPath()[0])));
  root.addEventListener('focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget;
    if (!next || !root.contains(next as Node)) update(false);
  });
  document.addEventListener('keydown', (event) => {
    const target = event.composedPath()[0];
    if (!isTextEntry(target)) return;
    if (event.key === 'Escape') {
      // A way out of the text field by keyboard, so the shortcuts work again.
      (target as HTMLElement).blur();
      document.getElementById('paper-title')?.focus();
      return;
    }
    const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (printable) event.stopPropagation();
  });
}
