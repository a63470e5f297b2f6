import * as vscode from 'vscode';
import { flashStatus, showInfo } from '../shared/notifications';
import type { FeatureContext } from '../featureContext';
import { primaryFolder, SETTINGS_SECTION, settings } from '../settings';
import { settingPathFor } from './corpusFiles';
import { withProgressWhenLong } from '../shared/longWork';
import { inline, ui } from '../shared/uiText';
import { COMMANDS } from '../commands';
import { registerDecisionImport } from './decisionImport';

export const ADD_CORPUS_FILE_COMMAND = COMMANDS.addCorpusFile;
export const REBUILD_INDEX_COMMAND = COMMANDS.rebuildIndex;

export interface RebuildResult {
  papers: number;
  files: number;
  errors: number;
}

export function registerCorpusCommands(ctx: FeatureContext): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(ADD_CORPUS_FILE_COMMAND, () => addCorpusFile(ctx)),
    vscode.commands.registerCommand(REBUILD_INDEX_COMMAND, () => rebuildIndex(ctx)),
  );
  registerDecisionImport(ctx);
}

/** Asks for corpus files and adds them to `literatureTriage.corpora`; returns the setting entries added. */
async function addCorpusFile(ctx: FeatureContext): Promise<string[]> {
  const folder = primaryFolder();
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: 'Add Corpus',
    title: 'Add Corpus File',
    defaultUri: folder,
    filters: {
      'Corpus files (BibTeX, RIS, PubMed, CSL-JSON, EndNote XML, CSV/TSV, JSON, arXiv Atom, listings)': [
        'bib',
        'ris',
        'nbib',
        'json',
        'csv',
        'tsv',
        'xml',
        'txt',
      ],
      'All files': ['*'],
    },
  });
  if (!picked?.length) return [];
  const current = settings.corpora();
  const added = picked
    .map(settingPathFor)
    .filter((entry, i, all) => !current.includes(entry) && all.indexOf(entry) === i);
  if (added.length === 0) {
    void showInfo(ui`Literature Triage: that corpus file is already in the list.`);
    return [];
  }
  const target = folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('corpora', [...current, ...added], target);
  const load = await ctx.corpus.load();
  const papers = load.files.filter((f) => added.includes(f.label)).reduce((sum, f) => sum + f.papers, 0);
  const failed = load.errors.filter((e) => added.includes(e.file)).length;
  if (failed < added.length) {
    void showInfo(
      ui`Literature Triage: added ${added.join(', ')} (${papers} ${papers === 1 ? ui`paper` : ui`papers`}); ${load.papers.length} papers in all.`,
    );
  }
  return added;
}

/**
 * Re-reads every corpus and rebuilds the search index and topics, ignoring the cache, under one notification
 * (the user asked for it, so it shows at once). The indexing itself runs off the extension host's thread.
 */
async function rebuildIndex(ctx: FeatureContext): Promise<RebuildResult> {
  const load = await withProgressWhenLong(
    ui`Literature Triage: rebuilding the index`,
    async (report) => {
      report(ui`reading corpora`);
      const read = await ctx.corpus.load();
      report(ui`indexing ${read.papers.length.toLocaleString('en-US')} papers`);
      await ctx.library.reindex({ force: true, report });
      return read;
    },
    { large: true },
  );
  const summary = inline(ui`indexed ${load.papers.length} papers from ${load.files.length} file(s)`);
  flashStatus(ui`Literature Triage: ${summary}`, 5000);
  ctx.log.appendLine(
    ui`Rebuild Index: ${summary}${load.errors.length ? inline(ui`, ${load.errors.length} error(s)`) : ''}.`,
  );
  return { papers: load.papers.length, files: load.files.length, errors: load.errors.length };
}
