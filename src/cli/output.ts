import type { ReadWarning } from '../core/model/paper';
import { terminalField, terminalJson, terminalText } from '../core/text/terminalText';

/** Where the CLI's bytes go: the process's stdout and stderr, or a test's buffers. */
export interface Sink {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal (BibTeX shown there is escaped like any other text). */
  readonly stdoutIsTerminal?: boolean;
}

/**
 * What commands write through. `out` and `err` are text for a person: terminal control characters are escaped
 * (see terminalText.ts), so a hostile title cannot rewrite the screen. `data` is for another program: JSON
 * (already made safe by `json`) and BibTeX, written as they are unless stdout is a terminal.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  data(text: string): void;
}

export const processSink: Sink = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  stdoutIsTerminal: process.stdout.isTTY === true,
};

export function commandIo(sink: Sink): Io {
  return {
    out: (text) => sink.out(terminalText(text)),
    err: (text) => sink.err(terminalText(text)),
    data: (text) => sink.out(sink.stdoutIsTerminal ? terminalText(text) : text),
  };
}

/** An untrusted value inside one line of output: its line breaks and tabs are escaped too. */
export const field = terminalField;

const MAX_WARNINGS_SHOWN = 20;

/** Reader warnings go to stderr (stdout stays clean for --json), capped so a messy export stays readable. */
export function reportWarnings(io: Io, warnings: readonly ReadWarning[], verbose: boolean): void {
  const shown = verbose ? warnings : warnings.slice(0, MAX_WARNINGS_SHOWN);
  for (const w of shown) {
    const where = w.line !== undefined ? `:${w.line}` : w.record !== undefined ? ` (record ${w.record})` : '';
    io.err(`warning: ${field(w.file)}${where}: ${field(w.message)}`);
  }
  if (shown.length < warnings.length) {
    io.err(`… and ${warnings.length - shown.length} more warnings (--verbose shows all)`);
  }
}

export function json(value: unknown): string {
  return terminalJson(value);
}
