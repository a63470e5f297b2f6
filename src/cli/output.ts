import type { ReadWarning } from '../core/model/paper';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

const MAX_WARNINGS_SHOWN = 20;

/** Reader warnings go to stderr (stdout stays clean for --json), capped so a messy export stays readable. */
export function reportWarnings(io: Io, warnings: readonly ReadWarning[], verbose: boolean): void {
  const shown = verbose ? warnings : warnings.slice(0, MAX_WARNINGS_SHOWN);
  for (const w of shown) {
    const where = w.line !== undefined ? `:${w.line}` : w.record !== undefined ? ` (record ${w.record})` : '';
    io.err(`warning: ${w.file}${where}: ${w.message}`);
  }
  if (shown.length < warnings.length) {
    io.err(`… and ${warnings.length - shown.length} more warnings (--verbose shows all)`);
  }
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
