/**
 * The entry of a worker thread of the local executor (piscina): runs one task. Simulations run
 * here, off the coordinating thread's event loop.
 */
import { executeTask, type ScenarioCache, type Task, type TaskResult } from './task.ts';

// Tasks come from this process's own coordinator, so their scenario hashes can be trusted.
const cache: ScenarioCache = new Map();

export default function runTask(task: Task): TaskResult {
  return executeTask(task, { cache });
}
