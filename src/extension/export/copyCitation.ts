import * as vscode from 'vscode';
import type { PaperSummary } from '../../worker/protocol';
import type { FeatureContext } from '../featureContext';
import { settings } from '../settings';
import { flashStatus } from '../shared/notifications';
import { showPick, type SafePickItem } from '../shared/pickers';
import { inline, quoted, ui, type UiText } from '../shared/uiText';

/** The bundled styles (media/csl/, with their provenance): id → file and name. */
export const CITATION_STYLES = {
  apa: { file: 'apa.csl', label: ui`APA`, description: ui`American Psychological Association, 7th edition` },
  ieee: { file: 'ieee.csl', label: ui`IEEE`, description: ui`numbered, as in IEEE journals and conferences` },
  vancouver: {
    file: 'vancouver.csl',
    label: ui`Vancouver`,
    description: ui`numbered, as in medicine (ICMJE)`,
  },
} as const satisfies Record<string, { file: string; label: UiText; description: UiText }>;

export type CitationStyleId = keyof typeof CITATION_STYLES;
const LOCALE_FILE = 'locales-en-US.xml';
const LAST_STYLE = 'literatureTriage.lastCitationStyle';

interface StyleItem extends SafePickItem {
  style: CitationStyleId;
}

export interface CopiedCitation {
  style: CitationStyleId;
  text: string;
}

function isStyle(id: unknown): id is CitationStyleId {
  return typeof id === 'string' && Object.hasOwn(CITATION_STYLES, id);
}

/** The style offered first: the one chosen last time, else the setting, else APA. */
function preferredStyle(ctx: FeatureContext): CitationStyleId {
  const last = ctx.extension.globalState.get<string>(LAST_STYLE);
  if (isStyle(last)) return last;
  const configured = settings.citationStyle();
  return isStyle(configured) ? configured : 'apa';
}

async function pickStyle(ctx: FeatureContext, count: number): Promise<CitationStyleId | undefined> {
  const first = preferredStyle(ctx);
  const ids = [first, ...(Object.keys(CITATION_STYLES) as CitationStyleId[]).filter((id) => id !== first)];
  const items: StyleItem[] = ids.map((style) => ({
    style,
    label: CITATION_STYLES[style].label,
    description: CITATION_STYLES[style].description,
  }));
  const chosen = await showPick(items, {
    title: count === 1 ? ui`Copy Formatted Citation` : ui`Copy Formatted Citations (${count} papers)`,
    placeHolder: ui`Which citation style?`,
  });
  if (chosen) await ctx.extension.globalState.update(LAST_STYLE, chosen.style);
  return chosen?.style;
}

const styleTexts = new Map<string, Promise<string>>();

/** A bundled style or locale file, read once. */
function bundledCsl(ctx: FeatureContext, file: string): Promise<string> {
  let text = styleTexts.get(file);
  if (!text) {
    const uri = vscode.Uri.joinPath(ctx.extension.extensionUri, 'media', 'csl', file);
    text = Promise.resolve(vscode.workspace.fs.readFile(uri)).then((bytes) =>
      new TextDecoder().decode(bytes),
    );
    text.catch(() => styleTexts.delete(file));
    styleTexts.set(file, text);
  }
  return text;
}

/**
 * "Copy Formatted Citation": the papers' references in a CSL style (APA, IEEE or Vancouver; formatted by
 * citeproc-js in the library worker, so its megabyte of code never loads on the extension host) on the clipboard
 * as plain text, one line each. The style asked for is remembered and offered first next time.
 */
export async function copyFormattedCitation(
  ctx: FeatureContext,
  papers: readonly PaperSummary[],
): Promise<CopiedCitation | undefined> {
  if (!papers.length) return undefined;
  const style = await pickStyle(ctx, papers.length);
  if (!style) return undefined;
  const [styleXml, localeXml] = await Promise.all([
    bundledCsl(ctx, CITATION_STYLES[style].file),
    bundledCsl(ctx, LOCALE_FILE),
  ]);
  const text = await ctx.library.references(
    papers.map((p) => p.id),
    styleXml,
    localeXml,
  );
  await vscode.env.clipboard.writeText(text);
  const what =
    papers.length === 1
      ? ui`the reference of ${quoted(papers[0]!.title, 60)}`
      : ui`${papers.length} references`;
  flashStatus(ui`Literature Triage: copied ${inline(what)} (${inline(CITATION_STYLES[style].label)})`, 5000);
  return { style, text };
}
