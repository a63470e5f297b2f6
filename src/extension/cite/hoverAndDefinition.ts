import * as vscode from 'vscode';
import { uiHover } from '../shared/editorSurfaces';
import type { CiteIndex } from './citeIndex';
import { hoverMarkdown, unresolvedHover } from './citeItemText';
import { citeSettings } from './citeSettings';
import { citationAt } from './documentCitations';

function keyRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** Over a cited key: the paper's title, authors, year, status, tags, note and "Open in Reader". */
export class CiteHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: CiteIndex) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    if (!citeSettings.hover()) return undefined;
    const cited = citationAt(document, position);
    if (!cited) return undefined;
    const item = (await this.index.index()).get(cited.key);
    const range = keyRange(document, cited.start, cited.end);
    return uiHover(item ? hoverMarkdown(item) : unresolvedHover(cited.key), range);
  }
}

/** Go to Definition on a cited key: its entries in the workspace's `.bib` files. */
export class CiteDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly index: CiteIndex) {}

  async provideDefinition(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.DefinitionLink[] | undefined> {
    if (!citeSettings.definition()) return undefined;
    const cited = citationAt(document, position);
    if (!cited) return undefined;
    const item = (await this.index.index()).get(cited.key);
    if (!item) return undefined;
    const origin = keyRange(document, cited.start, cited.end);
    const links: vscode.DefinitionLink[] = [];
    for (const d of item.definitions) {
      const bib = this.index.bibs.byName(d.file);
      if (!bib) continue;
      const at = new vscode.Position(Math.max(0, d.line - 1), 0);
      links.push({ originSelectionRange: origin, targetUri: bib.uri, targetRange: new vscode.Range(at, at) });
    }
    return links;
  }
}
