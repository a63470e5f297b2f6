import { lookupTriage, type PaperRef, type TriageState } from '../triage';
import { prismaFlow, type PrismaFlow } from './prisma';
import { sourceNaming, type SourceNaming } from './prismaSources';
import { recordsFullText, reviewOf } from './triageReview';

export interface PrismaOfCorpora {
  /** Each corpus file read, by its label (as in the papers' sources), with the records it held. */
  files: readonly { label: string; records: number }[];
  /** The papers after duplicates were merged, inside files and across them. */
  papers: readonly PaperRef[];
  state: TriageState;
  /** From literatureTriage.prismaSources (checkSourceNames). */
  names: ReadonlyMap<string, SourceNaming>;
  /** literatureTriage.exclusionReasons: the order reasons are listed in. */
  reasonOrder?: readonly string[];
}

/**
 * The PRISMA 2020 flow of loaded corpora and a state file: the one path from what a load read to the counts,
 * for the command line and the editor alike. Duplicates removed are the records read less the papers.
 */
export function prismaOfCorpora(input: PrismaOfCorpora): PrismaFlow {
  const read = input.files.reduce((n, f) => n + f.records, 0);
  return prismaFlow({
    sources: input.files.map((f) => ({ ...sourceNaming(f.label, input.names), records: f.records })),
    duplicatesRemoved: read - input.papers.length,
    papers: input.papers.map((paper) => reviewOf(lookupTriage(input.state, paper))),
    fullTextRecorded: recordsFullText(input.state),
    ...(input.reasonOrder ? { reasonOrder: input.reasonOrder } : {}),
  });
}
