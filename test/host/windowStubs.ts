// Replaces vscode.window / vscode.env functions for one test. The extension and its tests share one `vscode`
// API object (the tests live inside the extension's folder), so the extension sees the replacement.
import * as vscode from 'vscode';

type Window = typeof vscode.window;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => any;
type FunctionKeys = { [K in keyof Window]: Window[K] extends AnyFunction ? K : never }[keyof Window];

export interface Stubs {
  /** Calls to each stubbed function, with their arguments. */
  calls: Map<string, unknown[][]>;
  window<K extends FunctionKeys>(name: K, impl: AnyFunction): void;
  restore(): void;
}

export function stubs(): Stubs {
  const originals: [string, unknown][] = [];
  const calls = new Map<string, unknown[][]>();
  const target = vscode.window as unknown as Record<string, unknown>;
  return {
    calls,
    window(name, impl) {
      if (!originals.some(([n]) => n === name)) originals.push([name, target[name]]);
      calls.set(name, []);
      target[name] = (...args: unknown[]) => {
        calls.get(name)!.push(args);
        return impl(...args);
      };
    },
    restore() {
      for (const [name, original] of originals.reverse()) target[name] = original;
      originals.length = 0;
    },
  };
}

/** A showQuickPick stand-in that picks the item whose label matches, or undefined (cancel). */
export function pickByLabel(...labels: (string | RegExp)[]): AnyFunction {
  const queue = [...labels];
  return async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
    const list = await items;
    const wanted = queue.shift();
    if (wanted === undefined) return undefined;
    const found = list.find((item) =>
      typeof wanted === 'string' ? item.label === wanted : wanted.test(item.label),
    );
    if (!found)
      throw new Error(`no quick pick item ${String(wanted)} among ${list.map((i) => i.label).join(' | ')}`);
    return found;
  };
}

/** A message stand-in that answers with `choice` (undefined: dismissed). */
export function answer(choice?: string): AnyFunction {
  return async () => choice;
}
