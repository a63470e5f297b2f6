/**
 * BibTeX reading speed: `readCorpus` (UTF-8 decoding, entries, LaTeX → text, ids, duplicates merged) of a
 * real 3 MB library (big-library-7166.bib), of the 6.5 MB file (real-bibliography.bib 20 times under
 * new keys) and of a 10k-entry ~20 MB one (60 times), next to the floor: JSON.parse of as many bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../../src/core/readers';
import { repeatedBib } from '../bibtex/repeated';
import { jsonOfSize } from './jsonFloor';
import { median, round, timed } from './stats';

export interface BibtexFigures {
  [figure: string]: number;
}

const encoder = new TextEncoder();

function readFigures(bytes: Uint8Array, runs: number): { ms: number; first_ms: number; papers: number } {
  const first = timed(() => readCorpus(bytes, 'x.bib'));
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(timed(() => readCorpus(bytes, 'x.bib')).ms);
  return { ms: median(times), first_ms: first.ms, papers: first.value.papers.length };
}

const entryCount = (text: string): number => (text.match(/^@[A-Za-z]+\s*\{/gm) ?? []).length;
const mb = (bytes: number): number => bytes / 1e6;

export function benchBibtex(root: string, runs: number): BibtexFigures {
  const fixtures = join(root, 'test/fixtures/corpora');
  const big = readFileSync(join(root, 'test/fixtures/large/big-library-7166.bib'));
  // Timed first, while the BibTeX code is cold, as in a fresh worker.
  const bigRead = readFigures(big, runs);

  const real = readFileSync(join(fixtures, 'real-bibliography.bib'), 'utf8');
  const repeatedText = repeatedBib(real, 20);
  const repeated = encoder.encode(repeatedText);
  const repeatedRead = readFigures(repeated, runs);
  const tenKText = repeatedBib(real, 60);
  const tenK = encoder.encode(tenKText);
  const tenKRead = readFigures(tenK, runs);

  const floorJson = jsonOfSize(readCorpus(repeated, 'x.bib').papers, repeated.byteLength);
  const floorMs = median(Array.from({ length: runs }, () => timed(() => JSON.parse(floorJson)).ms));

  const mbPerS = mb(repeated.byteLength) / (repeatedRead.ms / 1000);
  return {
    big_library_entries: entryCount(new TextDecoder().decode(big)),
    big_library_mb: round(mb(big.byteLength), 2),
    big_library_first_read_ms: round(bigRead.first_ms),
    big_library_read_ms: round(bigRead.ms),
    big_library_mb_per_s: round(mb(big.byteLength) / (bigRead.ms / 1000), 2),
    entries: entryCount(repeatedText),
    repeated_mb: round(mb(repeated.byteLength), 2),
    repeated_6_5mb_read_ms: round(repeatedRead.ms),
    mb_per_s: round(mbPerS, 2),
    kb_per_s: Math.round(mbPerS * 1000),
    floor_mb_per_s: round(mb(repeated.byteLength) / (floorMs / 1000), 1),
    ten_k_entries: entryCount(tenKText),
    ten_k_mb: round(mb(tenK.byteLength), 1),
    ten_k_read_ms: round(tenKRead.ms),
  };
}
