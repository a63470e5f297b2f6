import type { PaperSummary } from '../../worker/protocol';
import type { FeatureContext, TargetResolver } from '../featureContext';

/**
 * The papers a command was invoked on: a tree row (a Paper, with the multi-selection as second argument),
 * a paper id (keybindings, other commands), or else the reader's paper / the tree selection.
 */
export function papersFromArguments(
  ctx: FeatureContext,
  targets: TargetResolver,
  args: unknown[],
): PaperSummary[] {
  const [first, second] = args;
  if (Array.isArray(second) && second.length) {
    const many = second.map((a) => resolveOne(ctx, a)).filter((p): p is PaperSummary => p !== undefined);
    if (many.length) return many;
  }
  const one = resolveOne(ctx, first);
  return one ? [one] : targets.targets();
}

/** A paper id, a Paper, or a tree node holding one (`{ paper }` or `{ paperId }`). */
function resolveOne(ctx: FeatureContext, arg: unknown): PaperSummary | undefined {
  if (typeof arg === 'string') return ctx.library.paper(arg);
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as { id?: unknown; paperId?: unknown; paper?: { id?: unknown } };
  for (const id of [node.paper?.id, node.paperId, node.id]) {
    const paper = typeof id === 'string' ? ctx.library.paper(id) : undefined;
    if (paper) return paper;
  }
  return undefined;
}
