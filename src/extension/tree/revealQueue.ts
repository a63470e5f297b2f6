/**
 * Reveals one paper at a time, and only the latest asked for: the reader asks on every paper it shows, and a
 * burst of reveals queued in the view would otherwise play back later and move the selection around.
 */
export class RevealQueue {
  private wanted: string | undefined;
  private running: Promise<void> | undefined;

  constructor(
    /** Reveals the paper; resolves true once its row is selected. */
    private readonly revealOnce: (paperId: string) => Promise<boolean>,
    private readonly attempts = 3,
    private readonly retryMs = 100,
  ) {}

  /** Resolves when this request, or a later one that replaced it, is done. */
  reveal(paperId: string): Promise<void> {
    this.wanted = paperId;
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.wanted !== undefined) {
      const paperId = this.wanted;
      this.wanted = undefined;
      // The view drops a reveal silently while it still loads the row (after a regrouping, say): try again.
      for (let attempt = 1; attempt <= this.attempts && this.wanted === undefined; attempt++) {
        if (await this.revealOnce(paperId)) break;
        await new Promise((resolve) => setTimeout(resolve, this.retryMs * attempt));
      }
    }
  }
}
