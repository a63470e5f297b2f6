import * as vscode from 'vscode';
import { citedKeys, latexProjectFiles } from '../../core/cite';
import { readTextIfExists } from '../shared/workspaceFiles';
import { documentCitations, syntaxOf } from './documentCitations';

const MAX_FILES = 500;
const ROOT_CANDIDATES = 500;

export interface CitedProject {
  /** The files read: the main file and every `\input`/`\include` reached from it, as far as they exist. */
  files: vscode.Uri[];
  keys: string[];
}

/**
 * The keys cited by a document and, for LaTeX, by the whole project: the main file (the document itself, or
 * the workspace `.tex` with `\documentclass` whose inputs reach it) and every file it `\input`s or
 * `\include`s, resolved against the main file's folder as LaTeX does.
 */
export async function citedProject(document: vscode.TextDocument): Promise<CitedProject> {
  if (syntaxOf(document) !== 'latex') {
    return { files: [document.uri], keys: documentCitations(document).map((k) => k.key) };
  }
  const root = /\\documentclass\b/.test(document.getText()) ? document.uri : await findRoot(document.uri);
  const files = await projectFiles(root ?? document.uri);
  if (!files.some((f) => f.toString() === document.uri.toString())) files.unshift(document.uri);
  const keys: string[] = [];
  for (const file of files) {
    const text = await textOf(file);
    if (text !== undefined) keys.push(...citedKeys('latex', text).map((k) => k.key));
  }
  return { files, keys };
}

async function textOf(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return readTextIfExists(uri).catch(() => undefined);
}

async function projectFiles(main: vscode.Uri): Promise<vscode.Uri[]> {
  const base = vscode.Uri.joinPath(main, '..');
  const seen = new Map<string, vscode.Uri>([[main.toString(), main]]);
  const queue = [main];
  while (queue.length && seen.size < MAX_FILES) {
    const text = await textOf(queue.shift()!);
    if (text === undefined) continue;
    for (const name of latexProjectFiles(text).inputs) {
      const uri = vscode.Uri.joinPath(base, name);
      if (seen.has(uri.toString())) continue;
      seen.set(uri.toString(), uri);
      queue.push(uri);
    }
  }
  const existing: vscode.Uri[] = [];
  for (const uri of seen.values()) if ((await textOf(uri)) !== undefined) existing.push(uri);
  return existing;
}

/** The main file of a project whose inputs reach `child`. */
async function findRoot(child: vscode.Uri): Promise<vscode.Uri | undefined> {
  const candidates = await vscode.workspace.findFiles('**/*.tex', '**/node_modules/**', ROOT_CANDIDATES);
  for (const candidate of candidates) {
    const text = await textOf(candidate);
    if (!text || !/\\documentclass\b/.test(text)) continue;
    const files = await projectFiles(candidate);
    if (files.some((f) => f.toString() === child.toString())) return candidate;
  }
  return undefined;
}
