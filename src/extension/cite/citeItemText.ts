import type { CiteItem } from '../../core/cite';
import { COMMANDS } from '../commands';
import { SafeMarkdown } from '../shared/safeMarkdown';

const ABSTRACT_START = 300;
const MAX_AUTHORS = 8;

const STATUS_TEXT: Record<string, string> = {
  include: 'included',
  maybe: 'maybe',
  exclude: 'excluded',
  untriaged: 'not triaged yet',
};

/** Where the key stands: its triage status, or that it is only in a `.bib`. */
export function standingOf(item: CiteItem): string {
  return item.status ? STATUS_TEXT[item.status]! : 'only in a .bib file';
}

export function authorsLine(item: CiteItem): string {
  const shown = item.authors.slice(0, MAX_AUTHORS).join('; ');
  return item.authors.length > MAX_AUTHORS ? `${shown} et al.` : shown;
}

/** Authors, year, venue, status and tags on one line each part: what a completion's documentation and a hover share. */
function facts(md: SafeMarkdown, item: CiteItem): void {
  const byline = [authorsLine(item), item.year, item.venue].filter(Boolean).join(' · ');
  if (byline) md.text(byline).paragraph();
  md.ours`*Status:* `.text(standingOf(item));
  if (item.tags.length) md.ours` · *Tags:* `.text(item.tags.join(', '));
  md.paragraph();
}

export function completionDocumentation(item: CiteItem): SafeMarkdown {
  const md = new SafeMarkdown();
  facts(md, item);
  if (item.abstract) {
    const start =
      item.abstract.length > ABSTRACT_START
        ? item.abstract.slice(0, ABSTRACT_START).trimEnd() + '…'
        : item.abstract;
    md.text(start);
  }
  return md;
}

export function hoverMarkdown(item: CiteItem): SafeMarkdown {
  const md = new SafeMarkdown();
  md.ours`**`.text(item.title || item.key).ours`**`.paragraph();
  facts(md, item);
  if (item.note) md.ours`*Note:* `.text(item.note).paragraph();
  if (item.definitions.length)
    md.ours`*Defined in:* `.text(item.definitions.map((d) => `${d.file}:${d.line}`).join(', ')).paragraph();
  else md.ours`*In no .bib file of the workspace yet.*`.paragraph();
  if (item.paperId) md.commandLink('Open in Reader', COMMANDS.openPaper, [item.paperId]);
  return md;
}

export function unresolvedHover(key: string): SafeMarkdown {
  return new SafeMarkdown().ours`**Unknown citation key** `.text(key)
    .ours`\n\nNo paper of the library and no .bib file of the workspace has this key.`;
}
