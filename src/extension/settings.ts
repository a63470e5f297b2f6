import * as vscode from 'vscode';

export const SETTINGS_SECTION = 'literatureTriage';

/** Typed access to the extension's settings (see package.json "configuration"). */
export const settings = {
  corpora(): string[] {
    return config()
      .get<string[]>('corpora', [])
      .filter((p) => typeof p === 'string' && p.trim() !== '');
  },
  includeBundledSeed(): boolean {
    return config().get<boolean>('includeBundledSeed', true);
  },
  stateFile(): string {
    return config().get<string>('stateFile', 'literature-triage.json') || 'literature-triage.json';
  },
  /** Where Show PRISMA Flow Diagram writes the SVG. */
  prismaFile(): string {
    const value = config().get<unknown>('prismaFile', 'prisma-flow.svg');
    return typeof value === 'string' && value.trim() ? value.trim() : 'prisma-flow.svg';
  },
  /** The folder Find Full Texts searches for PDFs; '' when not set. */
  fullTextFolder(): string {
    const value = config().get<unknown>('fullTextFolder', '');
    return typeof value === 'string' ? value.trim() : '';
  },
  bibFile(): string {
    return config().get<string>('bibFile', 'references.bib') || 'references.bib';
  },
  /** The style Copy Formatted Citation offers first until another is chosen (see CITATION_STYLES). */
  citationStyle(): string {
    return config().get<string>('citationStyle', 'apa') || 'apa';
  },
  userTopics(): Record<string, string> {
    const raw = config().get<Record<string, unknown>>('topics', {});
    const topics: Record<string, string> = {};
    for (const [name, query] of Object.entries(raw ?? {})) {
      if (typeof query === 'string' && name.trim() && query.trim()) topics[name.trim()] = query;
    }
    return topics;
  },
  /** The stopping test's recall target and confidence (Screening Progress), each strictly between 0 and 1. */
  screeningRecallTarget(): number {
    return fraction(config().get<number>('screening.recallTarget', 0.95), 0.95);
  },
  screeningConfidence(): number {
    return fraction(config().get<number>('screening.confidence', 0.95), 0.95);
  },
  affects(event: vscode.ConfigurationChangeEvent, key: string): boolean {
    return event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`);
  },
};

/** A setting meant as a share: kept when strictly between 0 and 1 (the test is undefined at 0 and 1). */
function fraction(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 && value < 1 ? value : fallback;
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION);
}

/** The folder that holds the state file, the .bib and relative corpus paths. */
export function primaryFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** A setting's path resolved against the first workspace folder (absolute paths are kept). */
export function resolveInWorkspace(path: string): vscode.Uri | undefined {
  if (path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path)) return vscode.Uri.file(path);
  const folder = primaryFolder();
  return folder ? vscode.Uri.joinPath(folder, path) : undefined;
}
