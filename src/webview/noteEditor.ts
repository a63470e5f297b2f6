import type { VscodeTextarea } from '@vscode-elements/elements/dist/vscode-textarea/vscode-textarea.js';
import type { WebviewMessage } from './protocol';

const NOTE_SAVE_DELAY_MS = 400;

/**
 * The note editor saves as you type: edits are sent `NOTE_SAVE_DELAY_MS` after the last keystroke, at once
 * when the editor loses focus, and before another paper is shown. Each save names its paper, so a late save
 * never lands on the wrong one. While the user types, updates from the host never overwrite the text.
 */
export class NoteEditor {
  private paperId: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unsent = false;
  private awaitingAck = 0;

  constructor(
    private readonly textarea: VscodeTextarea,
    private readonly state: HTMLElement,
    private readonly send: (message: WebviewMessage) => void,
  ) {
    textarea.addEventListener('input', () => this.edited());
    textarea.addEventListener('focusout', () => this.flush());
  }

  /** Shows the note of `paperId`; a different paper first gets its pending edit saved. */
  show(paperId: string, note: string): void {
    if (paperId !== this.paperId) {
      this.flush();
      this.paperId = paperId;
      this.awaitingAck = 0;
      this.setValue(note);
      this.state.textContent = '';
      return;
    }
    if (!this.unsent && this.awaitingAck === 0 && !this.hasFocus() && this.textarea.value !== note) {
      this.setValue(note);
    }
  }

  /** The host applied a save. */
  saved(paperId: string, persisted: boolean): void {
    if (paperId !== this.paperId) return;
    this.awaitingAck = Math.max(0, this.awaitingAck - 1);
    if (this.unsent || this.awaitingAck > 0) return;
    this.state.textContent = persisted ? 'Saved' : 'Kept in memory: the state file could not be written';
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.unsent || this.paperId === undefined) return;
    this.unsent = false;
    this.awaitingAck++;
    this.send({ type: 'saveNote', paperId: this.paperId, note: this.textarea.value });
  }

  private edited(): void {
    this.unsent = true;
    this.state.textContent = 'Saving…';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), NOTE_SAVE_DELAY_MS);
  }

  private setValue(note: string): void {
    this.textarea.value = note;
  }

  private hasFocus(): boolean {
    return document.activeElement === this.textarea;
  }
}
