/**
 * Polls `probe` until it returns something other than undefined or false, and returns that; fails with
 * "timed out waiting for <what>" after `timeoutMs`. Host and UI tests wait for what VS Code does asynchronously
 * (a watcher firing, a webview rendering) this way instead of sleeping for a guessed time.
 */
export async function eventually<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
