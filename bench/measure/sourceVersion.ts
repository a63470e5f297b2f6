/** A hash of the source code that shapes cached indexes and topics: the bench's cache is reused while it holds. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
  'src/core/search',
  'src/core/topics',
  'src/core/readers',
  'src/core/identity',
  'src/core/text',
];

export function sourceVersion(root: string): string {
  const hash = createHash('sha256');
  for (const dir of SOURCES) {
    const full = join(root, dir);
    let names: string[];
    try {
      names = readdirSync(full).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.ts')) continue;
      hash.update(`${dir}/${name}\0`);
      hash.update(readFileSync(join(full, name)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}
