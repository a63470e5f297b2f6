import { inspect } from 'node:util';

/** How long to keep polling, and how long to wait between two probes. */
export interface Patience {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls `probe` until its value is the one awaited and returns that value; after `timeoutMs` it fails with
 * "timed out after … ms waiting for <what>; last seen: <the probe's last value>". Without `until`, any value
 * but undefined and false is the one awaited. A probe that throws fails at once.
 *
 * Host, UI and harness code wait for what happens asynchronously (a watcher firing, a webview rendering, a
 * server starting) this way, never by sleeping for a guessed time. Give `until` when the probe can return what
 * it saw (a title, a count, a list), so that a failure says what was there instead of "false".
 */
export interface Eventually {
  <T>(
    probe: () => T | Promise<T>,
    what: string,
    options: Patience & { until: (value: T) => boolean },
  ): Promise<T>;
  <T>(
    probe: () => T | undefined | false | Promise<T | undefined | false>,
    what: string,
    options?: Patience,
  ): Promise<T>;
}

/** `eventually` with other default patience (a browser driving a workbench needs more). */
export function withPatience(defaults: Required<Patience>): Eventually {
  return async <T>(
    probe: () => T | Promise<T>,
    what: string,
    options: Patience & { until?: (value: T) => boolean } = {},
  ): Promise<T> => {
    const { timeoutMs, intervalMs } = { ...defaults, ...options };
    const accept = options.until ?? ((value: T) => value !== undefined && value !== false);
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (accept(value)) return value;
      if (Date.now() >= end) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${shown(value)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };
}

export const eventually: Eventually = withPatience({ timeoutMs: 10_000, intervalMs: 50 });

function shown(value: unknown): string {
  return inspect(value, { depth: 3, breakLength: Infinity, maxArrayLength: 20, maxStringLength: 300 });
}
