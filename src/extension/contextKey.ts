import * as vscode from 'vscode';
import type { ContextKeyId } from './commands';

/**
 * One of our context keys (CONTEXT_KEYS in commands.ts). It remembers its id and the value it set last, and
 * tells VS Code only about a change.
 */
export class ContextKey<V extends boolean | string = boolean> {
  private current: V | undefined;

  constructor(readonly id: ContextKeyId) {}

  /** The value set last; undefined before the first `set`. */
  get value(): V | undefined {
    return this.current;
  }

  set(value: V): void {
    if (value === this.current) return;
    this.current = value;
    void vscode.commands.executeCommand('setContext', this.id, value);
  }
}
