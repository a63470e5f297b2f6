import { CorpusError } from '../core/model/paper';
import { readScreeningCsv } from '../core/screening/csvReader';
import { simulate, type SimulationResult } from '../core/screening/simulate';
import { DEFAULT_STOPPING_OPTIONS } from '../core/screening/stopping';

interface ScreenSimOptions {
  dataset: string;
  runs: number;
  json: boolean;
  /** Base seed; run r uses seed + r. Default 42 (the benchmark's). */
  seed?: number;
}

interface ScreenSimIo {
  readFile(path: string): Promise<Uint8Array>;
  out(line: string): void;
  /** Error messages; default: `out`. */
  err?(line: string): void;
}

const DEFAULT_SCREEN_SIM_SEED = 42;

/**
 * `litriage screen-sim --dataset FILE.csv [--runs 15] [--json] [--seed N]`: simulates prioritised screening
 * on a labelled CSV (see simulate.ts for the protocol) and prints WSS@95, RRF@10 (percent, mean and sample
 * sd over runs), where the stopping test (95 % recall, 95 % confidence) said stop, and the 95th-percentile
 * re-rank time. Returns the exit code: 0, 1 for unreadable input, 2 for
 * bad options.
 */
export async function runScreenSim(opts: ScreenSimOptions, io: ScreenSimIo): Promise<number> {
  const fail = (message: string, code: number): number => {
    (io.err ?? io.out)(`error: ${message}`);
    return code;
  };
  if (!Number.isInteger(opts.runs) || opts.runs < 1) return fail('--runs must be a positive integer', 2);
  const seed = opts.seed ?? DEFAULT_SCREEN_SIM_SEED;
  if (!Number.isInteger(seed)) return fail('--seed must be an integer', 2);

  let result: SimulationResult;
  try {
    const bytes = await io.readFile(opts.dataset);
    const { records } = readScreeningCsv(bytes, opts.dataset);
    const undecided = records.filter((r) => r.included === undefined).length;
    if (undecided > 0)
      return fail(`${opts.dataset}: ${undecided} records have no 0/1 label to simulate with`, 1);
    const labelled = records.map((r) => ({
      title: r.paper.title,
      abstract: r.paper.abstract,
      included: r.included === true,
    }));
    const included = labelled.filter((r) => r.included).length;
    if (included === 0 || included === labelled.length) {
      return fail(`${opts.dataset}: needs both included and excluded records`, 1);
    }
    result = simulate(labelled, { runs: opts.runs, seed, stopping: DEFAULT_STOPPING_OPTIONS });
  } catch (e) {
    if (e instanceof CorpusError) return fail(e.message, 1);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return fail(`cannot read ${opts.dataset} (${code})`, 1);
    throw e;
  }

  const report = screenSimReport(opts.dataset, result);
  if (opts.json) {
    io.out(JSON.stringify(report, null, 2));
  } else {
    io.out(
      `${opts.dataset}: ${report.records} records, ${report.included} included, ${report.runs} runs (seed ${seed})`,
    );
    io.out(`WSS@95  ${report.wss95.mean.toFixed(1)} % ± ${report.wss95.sd.toFixed(1)} (mean ± sd over runs)`);
    io.out(
      `WSS@95  ${report.wss95_pooled.toFixed(1)} % of the mean recall curve (as ASReview 0.9 publishes it)`,
    );
    io.out(`RRF@10  ${report.rrf10.mean.toFixed(1)} % ± ${report.rrf10.sd.toFixed(1)}`);
    if (report.stop) {
      const { stop } = report;
      io.out(
        `stopping test (recall ≥ ${pct(stop.recall_target)} with ${pct(stop.confidence)} confidence): ` +
          `stops after ${stop.screened_pct_mean.toFixed(1)} % screened (mean), recall there ` +
          `${stop.recall_mean.toFixed(1)} % (mean), ${stop.recall_min.toFixed(1)} % (lowest); ` +
          `target met in ${stop.target_met_runs} of ${report.runs} runs`,
      );
    }
    io.out(`re-rank after a decision: p95 ${report.rerank_ms_p95.toFixed(1)} ms`);
  }
  return 0;
}

export interface ScreenSimReport {
  dataset: string;
  records: number;
  included: number;
  runs: number;
  wss95: { mean: number; sd: number };
  /** WSS@95 of the mean recall curve over the runs: the figure ASReview 0.9's tables report. */
  wss95_pooled: number;
  rrf10: { mean: number; sd: number };
  rerank_ms_p95: number;
  /** Where the stopping test said stop; recall counts every inclusion, priors included (simulate.ts). */
  stop?: {
    recall_target: number;
    confidence: number;
    recall_mean: number;
    recall_min: number;
    target_met_runs: number;
    screened_pct_mean: number;
  };
}

const pct = (fraction: number): string => `${Math.round(fraction * 1000) / 10} %`;

/** The `--json` shape; percentages 0–100 and milliseconds rounded to 2 decimals. */
export function screenSimReport(dataset: string, result: SimulationResult): ScreenSimReport {
  const round = (x: number): number => Math.round(x * 100) / 100;
  return {
    dataset,
    records: result.records,
    included: result.included,
    runs: result.runs.length,
    wss95: { mean: round(result.wss95.mean), sd: round(result.wss95.sd) },
    wss95_pooled: round(result.wss95Pooled),
    rrf10: { mean: round(result.rrf10.mean), sd: round(result.rrf10.sd) },
    rerank_ms_p95: round(result.rerankMsP95),
    ...(result.stop
      ? {
          stop: {
            recall_target: result.stop.options.recallTarget,
            confidence: result.stop.options.confidence,
            recall_mean: round(result.stop.recallMean),
            recall_min: round(result.stop.recallMin),
            target_met_runs: result.stop.targetMetRuns,
            screened_pct_mean: round(result.stop.screenedPctMean),
          },
        }
      : {}),
  };
}
