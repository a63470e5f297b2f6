import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/**
 * Writes a child's stdout and stderr into one log file. Neither stream may end the file: a pipe ends its
 * destination when its source ends, and the other stream's next write then throws "write after end" (or,
 * unpiped, it stops being read and the child blocks on a full pipe). The file is closed once the child and
 * both streams are done. Resolves when everything is on disk.
 */
export function logChildOutput(child: ChildProcess, logFile: string): Promise<void> {
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.on('close', () => log.end());
  return new Promise((resolve, reject) => log.on('finish', resolve).on('error', reject));
}
