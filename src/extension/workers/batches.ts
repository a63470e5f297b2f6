/**
 * Papers per message between the extension host and a worker. The host copies each message on its own
 * thread, so one large message would block it; a batch of this size takes about a millisecond.
 */
export const PAPERS_PER_MESSAGE = 250;

/** Hands `items` to `post` in batches, letting the host handle its other events between them. */
export async function postInBatches<T>(items: readonly T[], post: (batch: T[]) => void): Promise<void> {
  for (let start = 0; start < items.length; start += PAPERS_PER_MESSAGE) {
    post(items.slice(start, start + PAPERS_PER_MESSAGE));
    await new Promise((resolve) => setImmediate(resolve));
  }
}
