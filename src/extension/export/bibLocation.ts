import * as vscode from 'vscode';
import { primaryFolder, resolveInWorkspace, settings } from '../settings';

const REMEMBERED = 'literatureTriage.lastBibFile';

/**
 * Where BibTeX goes: `literatureTriage.bibFile` in the first workspace folder (or the setting's absolute
 * path). With no folder open the user is asked, and the answer is remembered for citing.
 */
export class BibLocation {
  constructor(
    private readonly memory: vscode.Memento,
    private readonly folder: () => vscode.Uri | undefined = primaryFolder,
  ) {}

  /** The configured file, when one can be named without asking. */
  configured(): vscode.Uri | undefined {
    const setting = settings.bibFile();
    const folder = this.folder();
    if (folder) return resolveInWorkspace(setting);
    return /^([a-zA-Z]:)?[\\/]/.test(setting) ? vscode.Uri.file(setting) : undefined;
  }

  /** The file chosen last time there was no folder. */
  remembered(): vscode.Uri | undefined {
    const value = this.memory.get<string>(REMEMBERED);
    return value ? vscode.Uri.parse(value) : undefined;
  }

  /**
   * The file to write. Without a configured file: asks when `ask` is 'always' (an export) or when nothing
   * was chosen before ('if-unknown', citing); undefined when the user cancels.
   */
  async target(ask: 'always' | 'if-unknown'): Promise<vscode.Uri | undefined> {
    const configured = this.configured();
    if (configured) return configured;
    const remembered = this.remembered();
    if (remembered && ask === 'if-unknown') return remembered;
    const chosen = await vscode.window.showSaveDialog({
      title:
        'Export BibTeX: choose a .bib file (new entries are added to an existing file, nothing is removed)',
      saveLabel: 'Export Here',
      defaultUri: remembered ?? vscode.Uri.joinPath(vscode.Uri.file(homeFolder()), settings.bibFile()),
      filters: { BibTeX: ['bib'] },
    });
    if (chosen) await this.memory.update(REMEMBERED, chosen.toString());
    return chosen;
  }
}

function homeFolder(): string {
  return process.env.HOME || process.env.USERPROFILE || '/';
}
