/**
 * The entry of a worker thread of the local executor (piscina): runs one task. Simulations run
 * here, off the coordinating thread's event loop.
 */
import { executeTask, type Task, type TaskResult } from './task.ts';

export default function runTask(task: Task): TaskResult {
  return executeTask(task);
}
