import type { PrismaFlow } from '../../core/review/prisma';
import { FIELD_LABELS } from '../../core/review/prismaSvg';
import { escapeHtml, staticPageHtml } from '../shared/staticPage';

/** Where the diagram went: the file shown to the user, or why it could not be written. */
export type SvgWritten = { file: string } | { error: string };

/**
 * The PRISMA view: the SVG itself inline (its fixed colours, as exported, on a white sheet), framed by text in
 * the theme's colours, then every "n = ?" with the reason as a list (the diagram's dashed box has the
 * notes on awaiting papers, and says the same in fewer words). No script; the
 * one style element carries a per-render nonce.
 */
export function prismaHtml(flow: PrismaFlow, svg: string, written: SvgWritten): string {
  const where =
    'file' in written
      ? `<p class="where">Written to <code>${escapeHtml(written.file)}</code>.</p>`
      : `<p class="where error" role="alert">Not written: ${escapeHtml(written.error)}</p>`;
  const unknown = flow.unknown.length
    ? `<h2>Not known (n = ?)</h2>
<ul class="unknown">${flow.unknown
        .map(
          (u) =>
            `<li data-field="${u.field}"><strong>${escapeHtml(FIELD_LABELS[u.field])}</strong>: ${escapeHtml(u.why)}</li>`,
        )
        .join('')}</ul>`
    : '';
  return staticPageHtml({
    title: 'PRISMA Flow Diagram',
    styles: `body { color: var(--vscode-foreground); background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 24px; }
h1 { font-size: 1.4em; font-weight: 600; }
h2 { font-size: 1.1em; font-weight: 600; margin-top: 1.5em; }
code { font-family: var(--vscode-editor-font-family); }
.error { color: var(--vscode-errorForeground); }
.sheet { display: inline-block; max-width: 100%; background: #ffffff; padding: 12px;
  border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); border-radius: 4px; }
.sheet svg { display: block; max-width: 100%; height: auto; }
li { margin: 0.3em 0; }`,
    body: `<h1>PRISMA 2020 flow diagram</h1>
${where}
<div class="sheet">${svg.replace(/^<\?xml[^>]*\?>\s*/, '')}</div>
${unknown}`,
  });
}
