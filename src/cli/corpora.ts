import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Paper, ReadWarning } from '../core/model/paper';
import { readCorpus } from '../core/readers';
import { mergePapers } from '../core/identity/merge';

/** The bundled seed listing: next to dist/ in the package, two levels up when run from src/cli. */
const BUNDLED_SEED =
  [join(__dirname, '..', 'seeds'), join(__dirname, '..', '..', 'seeds')]
    .map((dir) => join(dir, 'hf-daily-papers-seed.txt'))
    .find((file) => existsSync(file)) ?? join(__dirname, '..', 'seeds', 'hf-daily-papers-seed.txt');

export interface LoadedCorpora {
  papers: Paper[];
  warnings: ReadWarning[];
  files: readonly string[];
  /** Records read from each file (its label as in the papers' sources), in the order given. */
  records: readonly { label: string; count: number }[];
  /** Records merged into another one, inside a file or across files: the records read less the papers. */
  duplicates: number;
}

/** Reads every corpus file (or the bundled seed when none is given) and merges duplicates across them. */
export async function loadCorpora(files: readonly string[]): Promise<LoadedCorpora> {
  const paths = files.length ? files : [BUNDLED_SEED];
  const lists: Paper[][] = [];
  const warnings: ReadWarning[] = [];
  const records: { label: string; count: number }[] = [];
  for (const path of paths) {
    const label = path === BUNDLED_SEED ? 'seeds/hf-daily-papers-seed.txt' : displayPath(path);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(`${label}: cannot read corpus file (${code ?? String(error)})`);
    }
    const result = readCorpus(bytes, label);
    lists.push(result.papers);
    // A reader merges duplicates inside its file, and a merged paper keeps one source per record.
    records.push({ label, count: result.papers.reduce((n, p) => n + p.sources.length, 0) });
    warnings.push(...result.warnings);
  }
  const papers = mergePapers(lists);
  const read = records.reduce((n, r) => n + r.count, 0);
  return { papers, warnings, files: paths, records, duplicates: read - papers.length };
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** An error the user can act on: printed without a stack trace, exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
}
