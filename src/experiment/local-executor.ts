/**
 * The executor on this machine's cores: a piscina pool of worker threads (one per available core
 * by default), each running tasks with the same `executeTask` as the inline executor. A worker
 * that dies takes its task with it; piscina replaces the worker and the task is retried.
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { DEFAULT_RETRY, runWithRetries, type Executor, type RetryPolicy } from './executor.ts';
import type { Task, TaskResult } from './task.ts';
import { workerBundle } from './worker-bundle.ts';

export interface LocalExecutorOptions {
  /** Worker threads (default: the available cores). */
  readonly workers?: number;
  readonly retry?: RetryPolicy;
}

/**
 * Worker threads run the bundled worker code (worker-bundle.ts), or else the TypeScript through
 * tsx, as the CLI does: reusing this process's loader flags when it has them (the CLI), else
 * registering tsx (tests, the benchmark).
 */
function workerCode(): { filename: string; execArgv: string[] } {
  const bundle = workerBundle();
  if (bundle !== undefined) return { filename: pathToFileURL(bundle).href, execArgv: [...process.execArgv] };
  const hasTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  return { filename: new URL('./worker.ts', import.meta.url).href, execArgv: hasTsx ? [...process.execArgv] : [...process.execArgv, '--import', 'tsx'] };
}

export function createLocalExecutor(options: LocalExecutorOptions = {}): Executor {
  const workers = options.workers ?? availableParallelism();
  const pool = new Piscina<Task, TaskResult>({
    ...workerCode(),
    minThreads: workers,
    maxThreads: workers,
    // Tasks are queued by the executor, not by piscina: one per worker at a time.
    maxQueue: workers,
    idleTimeout: 60_000,
  });
  return {
    name: 'local',
    slots: workers,
    run: (tasks, handlers, signal) =>
      runWithRetries(tasks, workers, options.retry ?? DEFAULT_RETRY, (task: Task, taskSignal) => pool.run(task, { signal: taskSignal }), handlers, signal),
    close: () => pool.destroy(),
  };
}
