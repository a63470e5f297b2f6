import { readFile } from 'node:fs/promises';
import { CorpusError } from '../core/model/paper';
import { TRIAGE_STATUSES, type TriageStatus } from '../core/triage';
import { parseArgs, single, UsageError, type OptionSpec } from './args';
import { CliError, loadCorpora } from './corpora';
import { commandIo, processSink, reportWarnings, type Sink } from './output';
import { readState } from './stateFile';
import { searchCommand } from './commands/search';
import { topicsCommand } from './commands/topics';
import { EXPORT_FORMAT_NAMES, exportCommand, isExportFormat } from './commands/export';
import { statsCommand } from './commands/stats';
import { screenSimCommand } from './commands/screenSim';
import { prismaCommand } from './commands/prisma';
import { agreementCommand } from './commands/agreement';

const USAGE = `Usage: litriage <command> [options]

Commands:
  search QUERY     papers ranked like the editor's Search Papers (full text + fuzzy title)
  topics           automatic topics with their papers
  export           the chosen papers as BibTeX (merged into --out FILE), RIS, CSV or CSL-JSON (stdout, or --out FILE)
  stats            corpus size and triage progress
  prisma           PRISMA 2020 flow counts (text or --json); --svg FILE writes the flow diagram
  screen-sim       simulate prioritised screening on a labelled CSV (--dataset FILE.csv)
  agreement        agreement between reviewers (--state A.json --state B.json …): percent, Cohen's and
                   Fleiss' κ, PABAK, the tables; per stage

Options:
  --corpus FILE    a corpus file (.txt listing, .bib, .ris, .nbib, .json, .xml: Atom or EndNote, .csv, .tsv); repeatable; default: the bundled seed
  --state FILE     the triage state file (literature-triage.json); agreement: one per reviewer, repeatable
  --json           machine-readable output
  --limit N        search: number of results (default 20)
  --topics FILE    topics: JSON object of user topics {"Name": "query"}
  --format F       export: bibtex|ris|csv|csljson (default bibtex); csv has ASReview's columns
  --status S       export: include|maybe|exclude|untriaged|all (default include)
  --tag T          export: only papers with this tag
  --out FILE       export: bibtex merges into this .bib (existing entries are kept as they are); the other
                   formats replace the file
  --svg FILE       prisma: write the PRISMA 2020 flow diagram to this .svg
  --sources FILE   prisma: JSON object naming the corpus files {"pubmed.nbib": "PubMed",
                   "trials.ris": {"name": "ClinicalTrials.gov", "type": "register"}}
  --dataset FILE   screen-sim: CSV with id,title,abstract,included columns
  --runs N         screen-sim: number of simulated runs (default 15)
  --seed N         screen-sim: base random seed (default 42, as in npm run bench:screening)
  --verbose        show every reader warning
  --help           this text
`;

const OPTIONS: Record<string, OptionSpec> = {
  corpus: { value: true, repeatable: true },
  state: { value: true, repeatable: true },
  json: { value: false },
  limit: { value: true },
  topics: { value: true },
  format: { value: true },
  status: { value: true },
  tag: { value: true },
  out: { value: true },
  svg: { value: true },
  sources: { value: true },
  dataset: { value: true },
  runs: { value: true },
  seed: { value: true },
  verbose: { value: false },
  help: { value: false },
};

function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer`);
  return n;
}

export async function main(argv: readonly string[], sink: Sink): Promise<number> {
  const io = commandIo(sink);
  try {
    const args = parseArgs(argv, OPTIONS);
    if (args.flags.has('help') || args.command === undefined) {
      (args.command === undefined && !args.flags.has('help') ? io.err : io.out)(USAGE);
      return args.flags.has('help') ? 0 : 2;
    }
    const asJson = args.flags.has('json');
    if (args.command === 'screen-sim') {
      const dataset = single(args, 'dataset');
      if (!dataset) throw new UsageError('screen-sim needs --dataset FILE.csv');
      const seed = single(args, 'seed');
      return await screenSimCommand(
        {
          dataset,
          runs: positiveInt(single(args, 'runs'), 'runs', 15),
          ...(seed !== undefined ? { seed: positiveInt(seed, 'seed', 42) } : {}),
          json: asJson,
        },
        io,
      );
    }
    if (args.command === 'agreement') {
      return await agreementCommand(args.options.get('state') ?? [], { json: asJson }, io);
    }
    if ((args.options.get('state')?.length ?? 0) > 1) {
      throw new UsageError(`--state given twice (only agreement takes one per reviewer)`);
    }
    if (!['search', 'topics', 'export', 'stats', 'prisma'].includes(args.command)) {
      throw new UsageError(`unknown command "${args.command}"`);
    }
    if (args.command === 'search' && args.positionals.length === 0)
      throw new UsageError('search needs a QUERY');
    const status = single(args, 'status') ?? 'include';
    if (status !== 'all' && !TRIAGE_STATUSES.includes(status as TriageStatus)) {
      throw new UsageError(`--status must be one of ${[...TRIAGE_STATUSES, 'all'].join(', ')}`);
    }
    const format = single(args, 'format') ?? 'bibtex';
    if (!isExportFormat(format)) {
      throw new UsageError(`--format must be one of ${EXPORT_FORMAT_NAMES.join(', ')}`);
    }
    const corpora = await loadCorpora(args.options.get('corpus') ?? []);
    reportWarnings(io, corpora.warnings, args.flags.has('verbose'));
    const statePath = single(args, 'state');
    const state = await readState(statePath);
    switch (args.command) {
      case 'search':
        return searchCommand(
          corpora,
          state,
          args.positionals.join(' '),
          {
            json: asJson,
            limit: positiveInt(single(args, 'limit'), 'limit', 20),
          },
          io,
        );
      case 'topics':
        return topicsCommand(corpora, await readUserTopics(single(args, 'topics')), { json: asJson }, io);
      case 'stats':
        return statsCommand(corpora, state, { json: asJson }, io);
      case 'prisma':
        return await prismaCommand(
          corpora,
          state,
          { svg: single(args, 'svg'), sources: single(args, 'sources'), json: asJson },
          io,
        );
      default:
        return await exportCommand(
          corpora,
          state,
          {
            format,
            status: status as TriageStatus | 'all',
            tag: single(args, 'tag'),
            out: single(args, 'out'),
            statePath,
            json: asJson,
          },
          io,
        );
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`litriage: ${error.message}\nRun "litriage --help" for usage.`);
      return 2;
    }
    if (error instanceof CliError || error instanceof CorpusError) {
      io.err(`litriage: ${error.message}`);
      return 1;
    }
    io.err(`litriage: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

async function readUserTopics(path: string | undefined): Promise<Record<string, string>> {
  if (!path) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError(
      `${path}: not a readable JSON file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliError(`${path}: expected a JSON object like {"Topic name": "query"}`);
  }
  const topics: Record<string, string> = {};
  for (const [name, query] of Object.entries(parsed)) {
    if (typeof query !== 'string') throw new CliError(`${path}: the query of "${name}" is not a string`);
    topics[name] = query;
  }
  return topics;
}

if (require.main === module) {
  void main(process.argv.slice(2), processSink).then((code) => {
    process.exitCode = code;
  });
}
