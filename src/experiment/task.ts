/**
 * The unit of work an executor runs: a task is one seed and one or more scenario variants that
 * share it (the options of a comparison at one design point), so the variants can share the run up
 * to their fork (engine `runVariants`). The same function runs a task in this process, in a worker
 * thread and in a queue worker, so every executor gives the same bytes.
 */
import { runVariants, type Table } from '../engine/index.ts';
import { SimError } from '../errors.ts';
import { checkDocument, modelOf, type ResolvedScenario } from '../scenario/index.ts';

export interface RunSpec {
  /** Deterministic key (run-key.ts). */
  readonly key: string;
  readonly scenario: ResolvedScenario;
  /** `scenarioHash(scenario)`, set by the planner; lets a trusting worker reuse a validated scenario. */
  readonly scenarioHash?: string;
}

/**
 * Validated scenarios by hash, kept by a worker whose tasks come from its own coordinator (the
 * local pool): a reused scenario object is already frozen and its memoised derived data (offensive
 * zones) are reused, which saves several milliseconds a run. A queue worker must not use one: a
 * job's hash is input like the rest of it.
 */
export type ScenarioCache = Map<string, ResolvedScenario>;
const CACHE_LIMIT = 64;

export interface Task {
  /** Names the task in progress reports and queues: the first run's key. */
  readonly id: string;
  readonly seed: number;
  readonly runs: readonly RunSpec[];
}

export interface RunOutput {
  readonly key: string;
  readonly seed: number;
  readonly metrics: readonly string[];
  /** Recorded rows (ticks + 1 when the run did not finish early). */
  readonly rows: number;
  /** Metric-major values: `series[m * rows + t]`. */
  readonly series: Float64Array;
  readonly tables: Record<string, Table>;
  /** This run's share of the task's wall time (a forked prefix is shared by its variants). */
  readonly wallTimeMs: number;
}

export type TaskResult =
  | { readonly status: 'done'; readonly id: string; readonly runs: readonly RunOutput[] }
  /** A user error (an invalid scenario): retrying cannot help. */
  | { readonly status: 'invalid'; readonly id: string; readonly error: string };

/** Runs a task. Throws on a bug or crash (the executor may retry); returns `invalid` for bad input. */
export function executeTask(task: Task, options: { now?: () => number; cache?: ScenarioCache } = {}): TaskResult {
  const now = options.now ?? (() => performance.now());
  const { cache } = options;
  const started = now();
  let scenarios: ResolvedScenario[];
  try {
    scenarios = task.runs.map((run) => {
      const cached = cache && run.scenarioHash !== undefined ? cache.get(run.scenarioHash) : undefined;
      if (cached) return cached;
      const checked = checkDocument(run.scenario, `run ${run.key}`);
      if (cache && run.scenarioHash !== undefined) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(run.scenarioHash, checked);
      }
      return checked;
    });
    const models = new Set(scenarios.map((s) => `${s.model}:${s.ticks}`));
    if (models.size > 1) throw new SimError('SIM_ERR_SCENARIO_INVALID', `task ${task.id}: its variants differ in model or ticks (${[...models].join(', ')})`);
  } catch (error) {
    if (error instanceof SimError) return { status: 'invalid', id: task.id, error: describe(error) };
    throw error;
  }
  const first = scenarios[0] as ResolvedScenario;
  const { definition } = modelOf(first);
  const results = runVariants(definition, scenarios.map((s) => s.params as never), task.seed, first.ticks);
  const share = (now() - started) / results.length;
  return {
    status: 'done',
    id: task.id,
    runs: results.map((result, k) => {
      const { recorder } = result;
      const rows = recorder.length;
      const series = new Float64Array(recorder.metrics.length * rows);
      recorder.columns.forEach((column, m) => series.set(column.subarray(0, rows), m * rows));
      return { key: (task.runs[k] as RunSpec).key, seed: task.seed, metrics: recorder.metrics, rows, series, tables: result.tables, wallTimeMs: share };
    }),
  };
}

function describe(error: SimError): string {
  const first = error.issues[0];
  return first ? `${error.message}: ${first.path ?? ''} ${first.message}`.trim() : error.message;
}
