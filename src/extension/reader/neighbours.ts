/**
 * The paper before or after `currentId` in the Papers view's order. A paper that is not listed (filtered out)
 * steps to the first or last listed one; at either end there is no neighbour.
 */
export function neighbourId(
  orderedIds: readonly string[],
  currentId: string | undefined,
  direction: 'next' | 'previous',
): string | undefined {
  if (orderedIds.length === 0) return undefined;
  const at = currentId === undefined ? -1 : orderedIds.indexOf(currentId);
  if (at === -1) return direction === 'next' ? orderedIds[0] : orderedIds[orderedIds.length - 1];
  return orderedIds[direction === 'next' ? at + 1 : at - 1];
}
