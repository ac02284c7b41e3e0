/**
 * The executor that runs tasks one after another on this thread: no worker start-up, used for
 * single runs, tests and as the reference the parallel executors must match byte for byte.
 */
import { DEFAULT_RETRY, runWithRetries, type Executor, type RetryPolicy } from './executor.ts';
import { executeTask, type ScenarioCache } from './task.ts';

export function createInlineExecutor(retry: RetryPolicy = DEFAULT_RETRY): Executor {
  const cache: ScenarioCache = new Map();
  return {
    name: 'inline',
    slots: 1,
    run: (tasks, handlers, signal) =>
      runWithRetries(
        tasks,
        1,
        retry,
        // Yield to the event loop first, so that Ctrl-C and progress output get their turn.
        (task) => new Promise((resolve) => setImmediate(resolve)).then(() => executeTask(task, { cache })),
        handlers,
        signal,
      ),
    close: async () => {},
  };
}
