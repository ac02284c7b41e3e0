/**
 * Running a planned set of runs through an executor into a batch store: skip what the store
 * holds, run the rest, store each run as it finishes, report progress. `batch`, `compare` and
 * `sensitivity` differ only in how they plan; this is where they run.
 */
import type { BatchStore, PlannedRun, StoredRun } from '../results/index.ts';
import type { ResolvedScenario } from '../scenario/index.ts';
import type { Executor, TaskFailure } from './executor.ts';
import { runKeyOf } from './run-key.ts';
import { scenarioHash } from '../scenario/index.ts';
import type { Task, TaskResult } from './task.ts';
import { forkTickOf } from './model-info.ts';

export interface BatchProgress {
  /** Runs stored, including those found stored at the start. */
  readonly done: number;
  readonly total: number;
  /** Runs found stored at the start (skipped). */
  readonly skipped: number;
  readonly failed: number;
  readonly elapsedMs: number;
  /** Estimated time to completion from the rate since the start (undefined before a run ends). */
  readonly etaMs: number | undefined;
}

export interface BatchOutcome {
  readonly total: number;
  readonly skipped: number;
  readonly ran: number;
  readonly failed: number;
  readonly invalid: number;
}

/** A run to plan: a scenario variant (option) at a design point, with its seed. */
export interface RunRequest {
  readonly scenario: ResolvedScenario;
  readonly option: number;
  readonly point: number;
  readonly replication: number;
  readonly seed: number;
  readonly parameters: Readonly<Record<string, number>>;
}

/**
 * The plan and tasks for runs grouped into tasks: each group shares a seed and becomes one task
 * (so its variants can share the run up to their fork).
 */
export function planTasks(groups: readonly (readonly RunRequest[])[]): { plan: PlannedRun[]; tasks: Task[] } {
  const plan: PlannedRun[] = [];
  const tasks: Task[] = [];
  // Hashing a scenario costs milliseconds; the same scenario object recurs across seeds.
  const hashes = new Map<ResolvedScenario, string>();
  for (const group of groups) {
    const runs = group.map((r) => {
      const hash = hashes.get(r.scenario) ?? scenarioHash(r.scenario);
      hashes.set(r.scenario, hash);
      return { key: runKeyOf(hash, r.seed), scenario: r.scenario, scenarioHash: hash };
    });
    group.forEach((r, k) => {
      plan.push({
        key: (runs[k] as { key: string }).key,
        scenario: r.scenario.name,
        option: r.option,
        point: r.point,
        replication: r.replication,
        seed: r.seed,
        parameters: r.parameters,
        decisionTick: forkTickOf(r.scenario),
      });
    });
    const first = group[0];
    if (first) tasks.push({ id: (runs[0] as { key: string }).key, seed: first.seed, runs });
  }
  // Plan order: option, then point, then replication — the order of every stored table.
  plan.sort((a, b) => a.option - b.option || a.point - b.point || a.replication - b.replication);
  return { plan, tasks };
}

export async function runBatch(
  store: BatchStore,
  tasks: readonly Task[],
  executor: Executor,
  options: { onProgress?: (progress: BatchProgress) => void; signal?: AbortSignal; now?: () => number } = {},
): Promise<BatchOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const total = tasks.reduce((n, t) => n + t.runs.length, 0);
  const pending = tasks.filter((t) => t.runs.some((r) => !store.has(r.key)));
  const skipped = total - pending.reduce((n, t) => n + t.runs.length, 0);
  let done = skipped;
  let failed = 0;
  let invalid = 0;
  const report = (): void => {
    const elapsedMs = now() - started;
    const ran = done - skipped;
    const etaMs = ran > 0 ? ((total - done) * elapsedMs) / ran : undefined;
    options.onProgress?.({ done, total, skipped, failed, elapsedMs, etaMs });
  };
  report();
  const byId = new Map(pending.map((t) => [t.id, t]));
  const onResult = (result: TaskResult | TaskFailure, attempts: number): void => {
    const task = byId.get(result.id) as Task;
    for (const [k, planned] of task.runs.entries()) {
      let run: StoredRun;
      if (result.status === 'done') {
        const out = result.runs[k];
        if (!out) throw new Error(`task ${task.id} returned ${result.runs.length} runs for ${task.runs.length}`);
        run = { key: planned.key, status: 'done', attempts, wallTimeMs: out.wallTimeMs, metrics: out.metrics, rows: out.rows, series: out.series, tables: out.tables };
      } else {
        run = { key: planned.key, status: result.status, attempts, wallTimeMs: 0, error: result.error };
        if (result.status === 'failed') failed++;
        else invalid++;
      }
      store.record(run);
      done++;
    }
    report();
  };
  await executor.run(pending, { onResult }, options.signal);
  return { total, skipped, ran: done - skipped, failed, invalid };
}
