/**
 * Experiments (issue 4): what running many runs costs.
 *
 * - per-run overhead of the executor: the same 2012-scenario tasks run by the worker's code without
 *   an executor, in a thread of its own (clean-thread.ts), and through the local executor with one
 *   worker thread (goal: ≤ 10 % more). Both run the bundled worker code (worker-bundle.ts);
 *   `runOne` in this thread through tsx, as the sources run without the launcher, is shown too;
 * - batch throughput with one and two worker threads (goal: ≥ 1.8× with two);
 * - a 1,000-run comparison: the eight framework options × 125 seeds through the whole pipeline
 *   (plan, fork at the decision, two workers, journal, Parquet) (goal: ≤ 60 s on 2 cores).
 *
 * Each executor case warms its workers up first (a JIT-cold worker is several times slower),
 * then times `RUNS` runs; medians over `REPEATS`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLocalExecutor, planComparison, runOne, planTasks, runBatch, type Executor, type Task } from '../src/experiment/index.ts';
import runTask from '../src/experiment/worker.ts';
import { inCleanThread } from './clean-thread.ts';
import { BatchStore } from '../src/results/index.ts';
import { resolveScenario } from '../src/scenario/index.ts';
import { median } from './table.ts';

const SCENARIO = 'scenarios/sahel-sahara-2012.yaml';
const OPTIONS = ['status-quo', 'none', 'expanded-pays-du-champ', 'expanded-pays-du-champ-plus', 'ecowas-france', 'african-union', 'cen-sad', 'eu-sahel'];
const RUNS = 24;
const REPEATS = 5;

export interface ExperimentFigure {
  readonly case: string;
  readonly value: string;
  readonly goal: string;
}

/** One task per seed, each a run of the 2012 scenario. */
export function tasksFor(seeds: readonly number[]): Task[] {
  const scenario = resolveScenario(SCENARIO).scenario;
  return planTasks(seeds.map((seed, r) => [{ scenario, option: 0, point: 0, replication: r, seed, parameters: {} }])).tasks;
}

/** Wall time of running `tasks` through `executor`, ms. */
export async function timeExecutor(executor: Executor, tasks: readonly Task[]): Promise<number> {
  const started = performance.now();
  await executor.run(tasks, { onResult: () => {} });
  return performance.now() - started;
}

const WARM_SEEDS = [9001, 9002, 9003, 9004];
const TIMED_SEEDS = Array.from({ length: RUNS }, (_, k) => k + 1);

/**
 * The reference: the worker's code run on the timed tasks without an executor, in whichever thread
 * calls it (`inCleanThread` gives it a thread started as the executor's are), after warming up; ms.
 */
export function timeWorkerCode(): number {
  const timed = tasksFor(TIMED_SEEDS);
  for (const task of [...tasksFor(WARM_SEEDS), ...tasksFor(WARM_SEEDS)]) runTask(task);
  const started = performance.now();
  for (const task of timed) runTask(task);
  return performance.now() - started;
}

export async function benchExperiments(): Promise<ExperimentFigure[]> {
  const warm = tasksFor(WARM_SEEDS);
  const timed = tasksFor(TIMED_SEEDS);

  // `runOne` through tsx in this thread, as the sources run without the launcher (bin/).
  const scenario = resolveScenario(SCENARIO).scenario;
  const timeThroughTsx = () => {
    const started = performance.now();
    for (const task of timed) runOne(scenario, task.seed);
    return performance.now() - started;
  };
  const reference = () => inCleanThread<number>(new URL(import.meta.url), 'timeWorkerCode', []);
  const pools = [createLocalExecutor({ workers: 1 }), createLocalExecutor({ workers: 2 })] as const;
  let times: (readonly [number, number, number, number])[];
  try {
    // Warm every case up, then take them in turn at each repeat, so that a noisy spell of the
    // machine weighs on all alike rather than on whichever case it happens to fall.
    for (const task of [...warm, ...warm]) runOne(scenario, task.seed);
    for (const pool of pools) await timeExecutor(pool, [...warm, ...warm]);
    times = [];
    for (let k = 0; k < REPEATS; k++) times.push([await reference(), timeThroughTsx(), await timeExecutor(pools[0], timed), await timeExecutor(pools[1], timed)]);
  } finally {
    for (const pool of pools) await pool.close();
  }
  const [inProcess, throughTsx, one, two] = [0, 1, 2, 3].map((i) => median(times.map((row) => row[i] as number))) as [number, number, number, number];

  // The 1,000-run comparison, end to end.
  const options = OPTIONS.map((name) => resolveScenario(`scenarios/options/${name}.yaml`).scenario);
  const { groups } = planComparison(options, { points: 0, sample: 'lhs', replications: 125, masterSeed: 1 });
  const { plan, tasks } = planTasks(groups);
  const dir = mkdtempSync(join(tmpdir(), 'sahel-bench-compare-'));
  const executor = createLocalExecutor({ workers: 2 });
  let comparisonMs: number;
  try {
    const started = performance.now();
    const store = BatchStore.open(join(dir, 'out'), { kind: 'compare', design: {}, designHash: 'bench', createdAt: '', command: [] });
    await runBatch(store, tasks, executor);
    await store.finalize(plan, { wallTimeMs: 0 });
    comparisonMs = performance.now() - started;
  } finally {
    await executor.close();
    rmSync(dir, { recursive: true, force: true });
  }

  return [
    { case: `no executor: ${RUNS} runs of the 2012 scenario (0.5°), bundled worker code in a thread`, value: `${(inProcess / RUNS).toFixed(1)} ms/run`, goal: '' },
    { case: 'no executor: the same runs through tsx in this thread (sources without the launcher)', value: `${(throughTsx / RUNS).toFixed(1)} ms/run (${(throughTsx / inProcess).toFixed(2)}× the thread's)`, goal: '' },
    { case: 'local executor, 1 worker: per-run overhead vs in-process', value: `${(((one - inProcess) / inProcess) * 100).toFixed(1)} % (${(one / RUNS).toFixed(1)} ms/run)`, goal: '≤ 10 %' },
    { case: 'local executor, 2 workers: speed-up vs 1 worker', value: `${(one / two).toFixed(2)}× (${(two / RUNS).toFixed(1)} ms/run)`, goal: '≥ 1.8×' },
    { case: `comparison: ${OPTIONS.length} options × 125 seeds = ${tasks.length * OPTIONS.length} runs, 2 workers, forked at the decision, stored`, value: `${(comparisonMs / 1000).toFixed(1)} s`, goal: '≤ 60 s' },
  ];
}

export function formatExperimentFigures(figures: readonly ExperimentFigure[]): string {
  const widths = [0, 1, 2].map((c) => Math.max(...figures.map((f) => [f.case, f.value, f.goal][c]!.length), ['case', 'measured', 'goal'][c]!.length));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c] as number)).join('  ').trimEnd();
  return [line(['case', 'measured', 'goal']), line(widths.map((w) => '─'.repeat(w))), ...figures.map((f) => line([f.case, f.value, f.goal]))].join('\n');
}
