import type * as vscode from 'vscode';
import { citedKeys, citedKeyAt, citeSyntax, type CitedKey, type CiteSyntax } from '../../core/cite';

interface Cached {
  version: number;
  keys: CitedKey[];
}

const cache = new WeakMap<vscode.TextDocument, Cached>();

/** The citation syntax of a document, or undefined when it is not a language citations are written in. */
export function syntaxOf(document: vscode.TextDocument): CiteSyntax | undefined {
  return citeSyntax(document.languageId);
}

/** The keys a document cites, read once per version of it (hover, definition and diagnostics share them). */
export function documentCitations(document: vscode.TextDocument): CitedKey[] {
  const syntax = syntaxOf(document);
  if (!syntax) return [];
  const cached = cache.get(document);
  if (cached?.version === document.version) return cached.keys;
  const keys = citedKeys(syntax, document.getText());
  cache.set(document, { version: document.version, keys });
  return keys;
}

/** The cited key under the position, if any. */
export function citationAt(document: vscode.TextDocument, position: vscode.Position): CitedKey | undefined {
  return citedKeyAt(documentCitations(document), document.offsetAt(position));
}
