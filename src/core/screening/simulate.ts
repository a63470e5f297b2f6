import {
  percentile,
  pooledWorkSavedOverSampling,
  relevantReferencesFound,
  summarize,
  workSavedOverSampling,
  type Summary,
} from './metrics';
import { SeededRandom } from './prng';
import { resolveRankerConfig, type RankerConfigOverrides } from './rankerConfig';
import { RelevanceModel } from './relevanceModel';
import { buildFeatureSpace, type FeatureSpace } from './featureSpace';
import { significanceLevel, stoppingPValue, type StoppingOptions } from './stopping';
import type { FeatureOptions } from './tfidf';

export interface SimulationRecord {
  title: string;
  abstract: string;
  included: boolean;
}

interface SimulationOptions {
  runs: number;
  /** Run r uses seed `seed + r`. */
  seed: number;
  config?: RankerConfigOverrides;
  /** Keep screening after WSS@95 and RRF@10 are known, until every record is screened. */
  screenAll?: boolean;
  /**
   * Apply the stopping test (stopping.ts) after every label, and keep screening until it says stop (or
   * WSS@95 and RRF@10 are known, whichever comes later). Off: no `stop` figures.
   */
  stopping?: StoppingOptions;
  /** Called for each run once all are done. */
  onRun?: (run: RunResult, index: number) => void;
}

interface RunResult {
  seed: number;
  /** Indices (into the input records) of the included and the excluded prior paper. */
  priors: [number, number];
  /** Papers screened after the priors, in order (input indices). */
  screened: number[];
  /** Fractions 0..1 (see metrics.ts). */
  wss95: number;
  rrf10: number;
  /** Time to refit and re-rank after each decision. */
  rerankMs: number[];
  /** Where the stopping test first said stop (when asked for). */
  stop?: StopPoint;
}

/**
 * The moment the stopping test first passed. Unlike WSS, it counts the priors: the rule's promise is about
 * every inclusion, and the priors were screened by a person too.
 */
interface StopPoint {
  /** Records screened, priors included. */
  screened: number;
  /** Share of all inclusions found by then, 0..1. */
  recall: number;
}

export interface SimulationResult {
  records: number;
  included: number;
  runs: RunResult[];
  /** Percentages 0..100 over runs. */
  wss95: Summary;
  /**
   * WSS@95 of the mean recall curve over the runs (metrics.ts), percent: the figure ASReview 0.9 publishes
   * for a simulation, so the one to compare with its tables.
   */
  wss95Pooled: number;
  rrf10: Summary;
  rerankMsP95: number;
  /** Over runs, when the stopping test was applied. */
  stop?: StopSummary;
}

interface StopSummary {
  options: StoppingOptions;
  /** Recall at the stop, percent: mean and smallest over runs. */
  recallMean: number;
  recallMin: number;
  /** Runs whose recall at the stop reached the target. */
  targetMetRuns: number;
  /** Share of the records screened at the stop, percent, mean over runs. */
  screenedPctMean: number;
}

/**
 * ASReview's simulation protocol: per run, one random included and one random excluded paper are the prior
 * knowledge; then the model is refitted and the pool re-ranked after every single label, and the top-ranked
 * paper is screened next (its true label revealed). A run stops once WSS@95 and RRF@10 are determined (recall
 * ≥ 95 % and ≥ 10 % screened): later papers cannot change either figure; with `stopping`, not before the
 * stopping test has said stop too. `screenAll` screens everything. Then every run is screened as far as the
 * slowest run needed to reach 95 % recall, for the WSS of the mean curve (`wss95Pooled`).
 *
 * Independent of the input order: records are put in a canonical order (sorted by content) before anything
 * else, and the run's seed then shuffles them — it picks the priors and breaks score ties.
 */
export function simulate(
  input: readonly SimulationRecord[],
  options: SimulationOptions,
  prepared: PreparedCorpus = prepareCorpus(input, resolveRankerConfig(options.config).features),
): SimulationResult {
  const config = resolveRankerConfig(options.config);
  const { order, space, relevant } = prepared;
  const included = relevant.filter(Boolean).length;
  if (included === 0 || included === relevant.length) {
    throw new Error('simulation needs at least one included and one excluded record');
  }

  const live: SimulationRun[] = [];
  for (let r = 0; r < options.runs; r++) {
    const seed = options.seed + r;
    const run = new SimulationRun(
      new RelevanceModel(space, config.model, seed),
      relevant,
      seed,
      options.stopping,
    );
    run.screenWhile(() => options.screenAll === true || !run.determined);
    live.push(run);
  }
  // The mean recall curve reaches 95 % at the latest where the slowest run does: screen every run that far.
  const slowest = Math.max(...live.map((run) => run.recall95At ?? run.totalRecords));
  for (const run of live) run.screenWhile(() => run.screened.length < slowest);
  const toInput = (i: number): number => order[i]!;
  const runs: RunResult[] = live.map((run, r) => {
    const own = run.result();
    const result = { ...own, priors: [toInput(own.priors[0]), toInput(own.priors[1])] as [number, number] };
    result.screened = own.screened.map(toInput);
    options.onRun?.(result, r);
    return result;
  });
  const wss95Pooled = pooledWorkSavedOverSampling(
    live.map((run) => run.screenedRelevant),
    live[0]!.totalRecords,
    included - 1,
    0.95,
  )!;
  return {
    records: relevant.length,
    included,
    runs,
    wss95: summarize(runs.map((r) => 100 * r.wss95)),
    wss95Pooled: 100 * wss95Pooled,
    rrf10: summarize(runs.map((r) => 100 * r.rrf10)),
    rerankMsP95: percentile(
      runs.flatMap((r) => r.rerankMs),
      95,
    ),
    ...(options.stopping ? { stop: summarizeStops(runs, options.stopping, relevant.length) } : {}),
  };
}

function summarizeStops(runs: readonly RunResult[], options: StoppingOptions, records: number): StopSummary {
  const stops = runs.map((r) => r.stop!);
  const recalls = stops.map((s) => 100 * s.recall);
  return {
    options,
    recallMean: summarize(recalls).mean,
    recallMin: Math.min(...recalls),
    targetMetRuns: stops.filter((s) => s.recall >= options.recallTarget - 1e-9).length,
    screenedPctMean: summarize(stops.map((s) => (100 * s.screened) / records)).mean,
  };
}

/**
 * One run, screened a paper at a time: `screenWhile` goes on while its condition holds, and can be called
 * again later to screen further (the pooled WSS needs every run as long as the slowest one).
 */
class SimulationRun {
  readonly priors: [number, number];
  readonly screened: number[] = [];
  readonly screenedRelevant: boolean[] = [];
  readonly rerankMs: number[] = [];
  stop: StopPoint | undefined;
  found = 0;
  private readonly tieRank: Int32Array;
  private readonly totalRelevant: number;
  private readonly includes: number;
  // Every decision in order, priors first, for the stopping test.
  private readonly decisions = [true, false];
  private readonly alpha: number;

  constructor(
    private readonly model: RelevanceModel,
    private readonly relevant: boolean[],
    readonly seed: number,
    private readonly stopping: StoppingOptions | undefined,
  ) {
    const n = relevant.length;
    const random = new SeededRandom(seed);
    this.tieRank = new Int32Array(n);
    random.shuffle(Array.from({ length: n }, (_, i) => i)).forEach((doc, rank) => (this.tieRank[doc] = rank));
    const includes = relevant.flatMap((rel, i) => (rel ? [i] : []));
    const excludes = relevant.flatMap((rel, i) => (rel ? [] : [i]));
    this.priors = [includes[random.nextInt(includes.length)]!, excludes[random.nextInt(excludes.length)]!];
    model.setLabel(this.priors[0], 1);
    model.setLabel(this.priors[1], 0);
    this.includes = includes.length;
    this.totalRelevant = includes.length - 1;
    this.alpha = stopping ? significanceLevel(stopping.confidence) : 0;
  }

  get totalRecords(): number {
    return this.relevant.length - 2;
  }

  /** WSS@95 and RRF@10 are known (recall ≥ 95 % and ≥ 10 % screened), and the stopping point if asked for. */
  get determined(): boolean {
    const done =
      this.found >= 0.95 * this.totalRelevant - 1e-9 &&
      this.screened.length >= 0.1 * this.totalRecords - 1e-9;
    return done && (!this.stopping || this.stop !== undefined);
  }

  /** Screened papers until recall first reached 95 % (priors excluded), or undefined. */
  get recall95At(): number | undefined {
    let found = 0;
    for (let i = 0; i < this.screenedRelevant.length; i++) {
      if (this.screenedRelevant[i]) found++;
      if (found >= 0.95 * this.totalRelevant - 1e-9) return i + 1;
    }
    return undefined;
  }

  screenWhile(condition: () => boolean): void {
    const { model, relevant, stopping } = this;
    const n = relevant.length;
    while (this.screened.length < this.totalRecords && condition()) {
      const start = globalThis.performance.now();
      const next = bestUnlabelled(model.scores(), model.labels, this.tieRank);
      this.rerankMs.push(globalThis.performance.now() - start);
      model.setLabel(next, relevant[next] ? 1 : 0);
      this.screened.push(next);
      this.screenedRelevant.push(relevant[next]!);
      if (relevant[next]) this.found++;
      this.decisions.push(relevant[next]!);
      if (stopping && !this.stop) {
        const everything = this.decisions.length === n;
        if (everything || stoppingPValue(this.decisions, n, stopping.recallTarget).pValue < this.alpha) {
          this.stop = { screened: this.decisions.length, recall: (this.found + 1) / this.includes };
        }
      }
    }
  }

  result(): RunResult {
    return {
      seed: this.seed,
      priors: this.priors,
      screened: this.screened,
      wss95: workSavedOverSampling(this.screenedRelevant, this.totalRecords, this.totalRelevant, 0.95)!,
      rrf10: relevantReferencesFound(this.screenedRelevant, this.totalRecords, this.totalRelevant, 0.1)!,
      rerankMs: this.rerankMs,
      ...(this.stop ? { stop: this.stop } : {}),
    };
  }
}

/** The records in canonical order with their feature space, reusable across simulations with other models. */
export interface PreparedCorpus {
  /** order[i] = input index of the i-th canonical record. */
  order: number[];
  relevant: boolean[];
  space: FeatureSpace;
}

export function prepareCorpus(input: readonly SimulationRecord[], features: FeatureOptions): PreparedCorpus {
  const order = canonicalOrder(input);
  const records = order.map((i) => input[i]!);
  return { order, relevant: records.map((r) => r.included), space: buildFeatureSpace(records, features) };
}

/** The highest-scoring undecided document; equal scores go to the lower tie rank. */
function bestUnlabelled(scores: Float64Array, labels: Int8Array, tieRank: Int32Array): number {
  let best = -1;
  for (let d = 0; d < scores.length; d++) {
    if (labels[d] !== -1) continue;
    if (
      best === -1 ||
      scores[d]! > scores[best]! ||
      (scores[d] === scores[best] && tieRank[d]! < tieRank[best]!)
    ) {
      best = d;
    }
  }
  return best;
}

/** Indices of the records sorted by content, so that the file's row order cannot influence anything. */
function canonicalOrder(records: readonly SimulationRecord[]): number[] {
  const key = (r: SimulationRecord): string => `${r.title}\u0000${r.abstract}\u0000${r.included ? 1 : 0}`;
  const keys = records.map(key);
  return records.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
}
