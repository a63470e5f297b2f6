/**
 * Citation figures at the issue's scale: 10k library papers plus a 10k-entry workspace .bib (half of its keys
 * shared with the library, as after an export, half a co-author's own).
 *
 * - completion_p95_ms: one keystroke's work in the core, finding the completion context in the line and
 *   searching the key index (key prefix, title words, author names), p95 over 300 typed prefixes;
 * - diagnostics_ms: median over the runs of reading the cited keys of a 50-page LaTeX document (150k
 *   characters, 300 citations, some unresolved) and computing their problems.
 * - diagnostics_first_ms: the first such run on a new index, which also builds its title index for the
 *   unresolved keys' quick fix;
 * - index_build_ms: building the index once (done when the library or a .bib changes, not per keystroke).
 *
 * The generated titles are words drawn with a fixed seed, so runs are comparable.
 */
import { performance } from 'node:perf_hooks';
import { parseBibFile } from '../../src/core/bibtex/bibFile';
import type { Paper } from '../../src/core/model/paper';
import type { PaperTriage, TriageStatus } from '../../src/core/triage/types';
import {
  citationProblems,
  citedKeys,
  CiteKeyIndex,
  completionContext,
  type LibraryPaper,
} from '../../src/core/cite';

const WORDS = (
  'speculative decoding attention transformer language model inference sampling draft verification parallel ' +
  'graph neural network retrieval augmented generation survey benchmark efficient sparse mixture experts ' +
  'quantization distillation alignment reasoning chain thought evaluation robust adversarial vision text'
).split(' ');
const NAMES = 'vaswani leviathan chen smith garcia müller wang zhang kumar okafor tanaka rossi novak'.split(
  ' ',
);
const STATUSES: TriageStatus[] = ['include', 'maybe', 'exclude', 'untriaged'];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

export function benchCite(runs: number): Record<string, number> {
  const rand = random(12);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const library: LibraryPaper[] = [];
  for (let i = 0; i < 10_000; i++) {
    const title = Array.from({ length: 6 }, () => pick(WORDS)).join(' ');
    const author = pick(NAMES);
    const paper: Paper = {
      id: `p${i}`,
      title,
      abstract: `${title} abstract`,
      authors: [`${author}, A.`, `${pick(NAMES)}, B.`],
      year: 2000 + (i % 26),
      links: [],
      sources: [],
    };
    const triage: PaperTriage = { title, status: pick(STATUSES), tags: [], note: '', updated: '' };
    library.push({ paper, triage, key: `${author}${i}:${title.split(' ')[0]}` });
  }
  const bib: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const key = i % 2 ? library[i]!.key : `coauthor-${i}_${pick(WORDS)}`;
    bib.push(
      `@article{${key},\n  author = {${pick(NAMES)}, C. and ${pick(NAMES)}, D.},\n` +
        `  title = {${Array.from({ length: 7 }, () => pick(WORDS)).join(' ')}},\n  year = {${2000 + (i % 26)}},\n}\n`,
    );
  }
  const entries = parseBibFile(bib.join('\n')).entries;

  const buildStart = performance.now();
  const index = new CiteKeyIndex(library, [{ file: 'references.bib', entries }]);
  const indexBuild = performance.now() - buildStart;

  const typed = [
    '',
    's',
    'sp',
    'spec',
    'vaswani att',
    'chen spec dec',
    'coauthor-1',
    'leviathan1',
    'zh',
    'graph neu',
  ];
  const times: number[] = [];
  for (let r = 0; r < 30; r++)
    for (const t of typed) {
      const line = `As shown by \\citep[p.~3]{known, ${t}`;
      const start = performance.now();
      const context = completionContext('latex', line, line.length)!;
      index.search(context.typed);
      times.push(performance.now() - start);
    }

  const paragraphs: string[] = [];
  for (let c = 0; c < 300; c++) {
    const key = c % 10 === 9 ? `missing${c}` : c % 2 ? library[c * 31]!.key : entries[c * 29]!.key;
    paragraphs.push(
      `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8)}\\cite{${key}}.\n`,
    );
  }
  const document = paragraphs.join('\n');
  const diagnostics: number[] = [];
  for (let r = 0; r < Math.max(runs, 5); r++) {
    const start = performance.now();
    citationProblems(citedKeys('latex', document), index);
    diagnostics.push(performance.now() - start);
  }
  return {
    papers: library.length,
    bib_entries: entries.length,
    index_build_ms: round(indexBuild),
    completion_p95_ms: round(percentile(times, 95)),
    document_chars: document.length,
    citations: 300,
    diagnostics_ms: round(percentile(diagnostics, 50)),
    diagnostics_first_ms: round(diagnostics[0]!),
  };
}
