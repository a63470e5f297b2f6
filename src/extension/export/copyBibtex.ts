import * as vscode from 'vscode';
import { flashStatus } from '../shared/notifications';
import { quoted, ui } from '../shared/uiText';
import { existingKeys, exportEntries, formatEntry } from '../../core/bibtex';
import type { Paper } from '../../core/model/paper';
import type { FeatureContext } from '../featureContext';
import { readTextIfExists } from '../shared/workspaceFiles';
import type { BibLocation } from './bibLocation';
import { pinNewKeys } from './bibWriter';

/**
 * "Copy BibTeX": the paper's entry on the clipboard. Its key is pinned, and chosen clear of the keys the .bib
 * already holds, so pasting it there and exporting later agree.
 */
export async function copyBibtex(ctx: FeatureContext, location: BibLocation, paper: Paper): Promise<string> {
  const file = location.configured() ?? location.remembered();
  const bib = file ? await readTextIfExists(file).catch(() => undefined) : undefined;
  const result = exportEntries([paper], ctx.team.decisions(), {
    statuses: 'all',
    reservedKeys: bib ? existingKeys(bib) : [],
  });
  const entry = result.entries[0]!;
  const text = formatEntry(entry);
  await vscode.env.clipboard.writeText(text);
  pinNewKeys(ctx, [paper], result.newPins);
  flashStatus(ui`Literature Triage: copied the BibTeX entry ${quoted(entry.key, 80)}`, 5000);
  return text;
}
