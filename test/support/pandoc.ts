/**
 * Runs the real `pandoc --citeproc` (Debian's `pandoc`, installed by scripts/ensure-system-packages.sh) on a
 * Markdown text with a CSL-JSON bibliography, as a co-author's build would. A missing pandoc is an error, not a
 * skip. Every run works in its own temporary directory, removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PandocReport {
  exitCode: number | null;
  /** The document as plain text, unwrapped: citations and the bibliography formatted. */
  output: string;
  /** pandoc's warnings (`[WARNING] …`), e.g. a citation it could not find or a bibliography it could not read. */
  warnings: string[];
  stderr: string;
}

const TIMEOUT_MS = 120_000;

export function runPandocCiteproc(
  markdown: string,
  bibliography: string,
  options: { csl?: string } = {},
): PandocReport {
  const dir = mkdtempSync(join(tmpdir(), 'pandoc-'));
  try {
    writeFileSync(join(dir, 'doc.md'), markdown, 'utf8');
    writeFileSync(join(dir, 'refs.json'), bibliography, 'utf8');
    const args = ['--citeproc', '--to', 'plain', '--wrap', 'none', '--bibliography', 'refs.json'];
    if (options.csl) args.push('--csl', options.csl);
    const run = spawnSync('pandoc', [...args, 'doc.md'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      env: { ...process.env, HOME: dir },
    });
    if (run.error) throw run.error;
    return {
      exitCode: run.status,
      output: run.stdout,
      warnings: run.stderr.split(/\r?\n/).filter((line) => /^\[WARNING\]/.test(line)),
      stderr: run.stderr,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
