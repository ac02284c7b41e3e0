/**
 * Contract: an executor runs independent tasks and reports each as it finishes, in completion
 * order. Callers (batch, compare, sensitivity) build tasks, store results as they arrive and never
 * depend on the order: stored results are sorted by run key, so any executor and any number of
 * workers give the same bytes. A task that crashes (throws, or its worker dies) is retried up to
 * `attempts` times with exponential backoff; an invalid scenario is reported at once, never
 * retried. Cancelling through the signal stops starting tasks, abandons those running and rejects
 * with an AbortError; what was reported before stays reported.
 *
 * Implementations: `createInlineExecutor` (this thread), `createLocalExecutor` (worker threads);
 * a distributed one (a queue) plugs in behind the same interface.
 */
import type { Task, TaskResult } from './task.ts';

export interface TaskFailure {
  readonly status: 'failed';
  readonly id: string;
  readonly error: string;
}

export interface ExecutorHandlers {
  /** A task's final outcome, with the number of attempts it took. */
  onResult(result: TaskResult | TaskFailure, attempts: number): void | Promise<void>;
  /** A crashed attempt that will be retried. */
  onRetry?(task: Task, error: string, attempt: number): void;
}

export interface Executor {
  readonly name: string;
  /** Parallel slots: how many tasks run at once. */
  readonly slots: number;
  run(tasks: readonly Task[], handlers: ExecutorHandlers, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export interface RetryPolicy {
  /** Attempts per task in all (default 3). */
  readonly attempts: number;
  /** Delay before the first retry, doubled for each further one (default 200 ms). */
  readonly backoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, backoffMs: 200 };

export function abortError(): Error {
  return new DOMException('the batch was cancelled', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `attempt` for every task with at most `slots` at once, retrying crashes per `retry`, and
 * reports each outcome. The scheduling shared by the in-process and worker-thread executors.
 */
export async function runWithRetries(
  tasks: readonly Task[],
  slots: number,
  retry: RetryPolicy,
  attempt: (task: Task, signal: AbortSignal) => Promise<TaskResult>,
  handlers: ExecutorHandlers,
  signal?: AbortSignal,
): Promise<void> {
  const inner = new AbortController();
  const abort = (): void => inner.abort();
  signal?.addEventListener('abort', abort, { once: true });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      if (inner.signal.aborted) throw abortError();
      const task = tasks[next++] as Task;
      for (let k = 1; ; k++) {
        try {
          const result = await attempt(task, inner.signal);
          await handlers.onResult(result, k);
          break;
        } catch (error) {
          if (inner.signal.aborted || isAbortError(error)) throw abortError();
          if (k >= retry.attempts) {
            await handlers.onResult({ status: 'failed', id: task.id, error: errorText(error) }, k);
            break;
          }
          handlers.onRetry?.(task, errorText(error), k);
          await new Promise((resolve) => setTimeout(resolve, retry.backoffMs * 2 ** (k - 1)));
        }
      }
    }
  };
  try {
    const lanes = Array.from({ length: Math.max(1, Math.min(slots, tasks.length)) }, lane);
    const outcomes = await Promise.allSettled(lanes);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    signal?.removeEventListener('abort', abort);
    inner.abort(); // stops the other lanes when one failed
  }
}
