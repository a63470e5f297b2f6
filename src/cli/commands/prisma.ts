import { readFile } from 'node:fs/promises';
import type { TriageState } from '../../core/triage';
import { excludedReportsTotal, type PrismaFlow } from '../../core/review/prisma';
import { prismaSvg, countText } from '../../core/review/prismaSvg';
import { checkSourceNames } from '../../core/review/prismaSources';
import { prismaOfCorpora } from '../../core/review/prismaInput';
import { CliError, type LoadedCorpora } from '../corpora';
import { field, json, type Io } from '../output';
import { writeAtomically } from '../stateFile';

interface PrismaCommandOptions {
  svg: string | undefined;
  /** A JSON file shaped like the literatureTriage.prismaSources setting. */
  sources: string | undefined;
  json: boolean;
}

/**
 * `litriage prisma`: the PRISMA 2020 counts of the corpora and the state file, as text or JSON, and with
 * --svg the flow diagram written (atomically) to a file.
 */
export async function prismaCommand(
  corpora: LoadedCorpora,
  state: TriageState,
  options: PrismaCommandOptions,
  io: Io,
): Promise<number> {
  const names = checkSourceNames(await readSourceNames(options.sources));
  for (const problem of names.problems) io.err(`warning: ${field(options.sources ?? '')}: ${problem}`);
  const flow = prismaOfCorpora({
    files: corpora.records.map((r) => ({ label: r.label, records: r.count })),
    papers: corpora.papers,
    state,
    names: names.names,
  });
  if (options.svg) await writeAtomically(options.svg, prismaSvg(flow));
  if (options.json) {
    io.data(json(jsonReport(flow)));
    return 0;
  }
  for (const line of textReport(flow)) io.out(line);
  if (options.svg) io.out(`${field(options.svg)}: flow diagram written.`);
  return 0;
}

/** The counts under the keys the issue names, then what is not in the flow and why. */
function jsonReport(flow: PrismaFlow): Record<string, unknown> {
  return {
    ...flow.counts,
    awaiting_screening: flow.awaiting.screening,
    awaiting_full_text: flow.awaiting.fullText,
    unknown: flow.unknown,
    notes: flow.notes,
  };
}

function textReport(flow: PrismaFlow): string[] {
  const c = flow.counts;
  const n = (k: number | null) => countText(k);
  const lines = ['PRISMA 2020 flow (identification of studies via databases and registers)'];
  lines.push(`Records identified (${n(flow.sources.reduce((k, s) => k + s.records, 0))}):`);
  for (const s of flow.sources) lines.push(`  ${field(s.name)}, ${s.type} (${n(s.records)})`);
  lines.push(`Duplicate records removed (${n(c.duplicates_removed)})`);
  lines.push(`Records screened (${n(c.screened)}) → records excluded (${n(c.excluded_screening)})`);
  lines.push(`Reports sought for retrieval (${n(c.sought)}) → reports not retrieved (${n(c.not_retrieved)})`);
  lines.push(
    `Reports assessed for eligibility (${n(c.assessed)}) → reports excluded (${n(excludedReportsTotal(c))})`,
  );
  for (const [reason, k] of Object.entries(c.excluded_reports ?? {}))
    lines.push(`  ${field(reason)} (${n(k)})`);
  lines.push(`Studies included in review (${n(c.included)})`);
  for (const note of flow.notes) lines.push(note);
  for (const u of flow.unknown) lines.push(`n = ? ${u.field}: ${u.why}`);
  return lines;
}

async function readSourceNames(path: string | undefined): Promise<unknown> {
  if (!path) return undefined;
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new CliError(
      `${path}: not a readable JSON file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
