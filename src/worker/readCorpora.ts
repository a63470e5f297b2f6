/**
 * Parses corpus files and merges their papers: what a corpus load computes from the files' bytes, the same
 * whether it runs in the extension host or on the corpus reader worker. No `vscode` here.
 */
import { mergePapers } from '../core/identity/merge';
import type { FileDecision, Paper, ReadWarning } from '../core/model/paper';
import { readCorpus } from '../core/readers';

export interface CorpusFileBytes {
  bytes: Uint8Array;
  /** The name its papers' sources and messages use. */
  label: string;
}

export interface CorporaRead {
  /** Every file's papers, merged (the same paper in two files becomes one with both sources). */
  papers: Paper[];
  /**
   * The files read, with how many papers each gave before merging across files and how many records it held
   * (a reader merges duplicates inside its file; a merged paper keeps one source per record).
   */
  files: { label: string; papers: number; records: number }[];
  warnings: ReadWarning[];
  /** The decisions the files carry (CSV labels, Rayyan notes), under the ids of the merged papers. */
  decisions: FileDecision[];
  /** Files that could not be read at all; the others are read regardless. */
  failures: { label: string; error: unknown }[];
}

export function readCorpora(
  files: readonly CorpusFileBytes[],
  report: (label: string) => void = () => {},
): CorporaRead {
  const read: CorporaRead = { papers: [], files: [], warnings: [], decisions: [], failures: [] };
  const lists: Paper[][] = [];
  for (const { bytes, label } of files) {
    report(label);
    try {
      const result = readCorpus(bytes, label);
      lists.push(result.papers);
      read.warnings.push(...result.warnings);
      read.decisions.push(...(result.decisions ?? []));
      read.files.push({
        label,
        papers: result.papers.length,
        records: result.papers.reduce((n, p) => n + p.sources.length, 0),
      });
    } catch (error) {
      read.failures.push({ label, error });
    }
  }
  read.papers = mergePapers(lists);
  const mergedInto = new Map<string, string>();
  for (const paper of read.papers)
    for (const alias of paper.aliases ?? []) if (!mergedInto.has(alias)) mergedInto.set(alias, paper.id);
  read.decisions = read.decisions.map((d) => {
    const id = mergedInto.get(d.paperId);
    return id === undefined ? d : { ...d, paperId: id };
  });
  return read;
}
