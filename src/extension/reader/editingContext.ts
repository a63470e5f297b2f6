import * as vscode from 'vscode';

export const READER_EDITING_CONTEXT = 'literatureTriage.readerEditing';

/** The context key that turns the reader's single-letter keybindings off while a text field has focus. */
export class EditingContext {
  private value = false;

  get isEditing(): boolean {
    return this.value;
  }

  set(editing: boolean): void {
    if (editing === this.value) return;
    this.value = editing;
    void vscode.commands.executeCommand('setContext', READER_EDITING_CONTEXT, editing);
  }
}
