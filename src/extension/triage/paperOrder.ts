/**
 * The paper after `currentId` in `order`. A paper that is not in the order (filtered out, or none) is followed
 * by the first one. Undefined at the end of the list.
 */
export function nextInOrder(order: readonly string[], currentId: string | undefined): string | undefined {
  const at = currentId === undefined ? -1 : order.indexOf(currentId);
  return order[at + 1];
}

/**
 * The first paper after `currentId` in `order` that `isUntriaged` accepts, wrapping around to the start;
 * the current paper itself comes last. Undefined when no paper in the order is untriaged.
 */
export function nextUntriagedInOrder(
  order: readonly string[],
  currentId: string | undefined,
  isUntriaged: (id: string) => boolean,
): string | undefined {
  const at = currentId === undefined ? -1 : order.indexOf(currentId);
  for (let step = 1; step <= order.length; step++) {
    const id = order[(at + step) % order.length]!;
    if (isUntriaged(id)) return id;
  }
  return undefined;
}
