import type { PaperSummary } from '../../worker/protocol';
import type { Library } from '../library';
import { isPaperNode } from '../tree';

/**
 * The papers named by a command's arguments, or undefined when it got none (then the caller falls back to the
 * reader's paper or the tree selection). Accepted: a tree row with the rows selected with it (what VS Code passes
 * from a tree menu or inline button), a paper id, a list of paper ids, or papers.
 */
export function papersFromArgs(
  library: Library,
  first: unknown,
  second?: unknown,
): PaperSummary[] | undefined {
  if (first === undefined || first === null) return undefined;
  if (isPaperNode(first)) {
    const selected = Array.isArray(second) ? second.filter(isPaperNode) : [];
    // A menu opened on a row outside the selection acts on that row only.
    const rows = selected.some((row) => row.id === first.id) ? selected : [first];
    return unique(rows.map((row) => library.paper(row.paper.id) ?? row.paper));
  }
  const items: unknown[] = Array.isArray(first) ? first : [first];
  const papers: PaperSummary[] = [];
  for (const item of items) {
    const id = typeof item === 'string' ? item : paperIdOf(item);
    const paper = id === undefined ? undefined : library.paper(id);
    if (paper) papers.push(paper);
  }
  // Something was passed (a group row, an unknown id): act on nothing rather than on a guess.
  return unique(papers);
}

function paperIdOf(value: unknown): string | undefined {
  if (isPaperNode(value)) return value.paper.id;
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function unique(papers: PaperSummary[]): PaperSummary[] {
  const byId = new Map<string, PaperSummary>();
  for (const paper of papers) if (!byId.has(paper.id)) byId.set(paper.id, paper);
  return [...byId.values()];
}
