import { getPriority, setPriority } from 'node:os';

/**
 * On Linux the nice value belongs to the thread, so a worker can yield the CPU to the extension host's thread
 * (on a machine with few cores, a long background job would otherwise delay the editor's own work).
 * Elsewhere it would lower the whole extension host's priority, so it is left alone.
 */
export function lowerThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(0, Math.min(19, getPriority(0) + 10));
  } catch {
    // Not permitted: the job runs at normal priority.
  }
}
