import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import { readCorpus } from '../../core/readers';

/** Loads the corpora the extension shows. For now: the bundled seed listing. */
export class CorpusService implements vscode.Disposable {
  private papers: Paper[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.OutputChannel,
  ) {}

  get all(): readonly Paper[] {
    return this.papers;
  }

  byId(id: string): Paper | undefined {
    return this.papers.find((p) => p.id === id);
  }

  async load(): Promise<void> {
    const seed = vscode.Uri.joinPath(this.extensionUri, 'seeds', 'hf-daily-papers-seed.txt');
    const bytes = await vscode.workspace.fs.readFile(seed);
    const result = readCorpus(bytes, 'seeds/hf-daily-papers-seed.txt');
    for (const w of result.warnings) {
      this.log.appendLine(`${w.file}${w.line !== undefined ? `:${w.line}` : ''}: ${w.message}`);
    }
    this.papers = result.papers;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
