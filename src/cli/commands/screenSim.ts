import { readFile } from 'node:fs/promises';
import { runScreenSim } from '../screenSim';
import { CliError } from '../corpora';
import type { Io } from '../output';

/** `litriage screen-sim`: the prioritised-screening simulation on a labelled CSV. */
export async function screenSimCommand(
  options: { dataset: string; runs: number; seed?: number; json: boolean },
  io: Io,
): Promise<number> {
  return runScreenSim(options, {
    readFile: async (path: string) => {
      try {
        return await readFile(path);
      } catch (error) {
        throw new CliError(
          `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        );
      }
    },
    out: (line: string) => io.out(line),
    err: (line: string) => io.err(line),
  });
}
