/**
 * The executor on this machine's cores: a piscina pool of worker threads (one per available core
 * by default), each running tasks with the same `executeTask` as the inline executor. A worker
 * that dies takes its task with it; piscina replaces the worker and the task is retried.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { DEFAULT_RETRY, runWithRetries, type Executor, type RetryPolicy } from './executor.ts';
import type { Task, TaskResult } from './task.ts';
import { piscinaWorker } from './worker-bundle.ts';
import { sourceUrl } from '../package-root.ts';

export interface LocalExecutorOptions {
  /** Worker threads (default: the available cores). */
  readonly workers?: number;
  readonly retry?: RetryPolicy;
}

export function createLocalExecutor(options: LocalExecutorOptions = {}): Executor {
  const workers = options.workers ?? availableParallelism();
  const pool = new Piscina<Task, TaskResult>({
    // The bundled worker code (worker-bundle.ts).
    ...piscinaWorker(sourceUrl('experiment/worker.ts')),
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
