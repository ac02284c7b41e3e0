/**
 * The processor of a distributed batch: BullMQ loads this file in each worker thread of
 * `sahel-sahara worker` (a sandboxed processor) and calls its default export once per job. It also
 * holds the wire format that the coordinator (bullmq-executor.ts) shares with it, so both ends
 * read and write one shape.
 *
 * A job crosses Redis as JSON, and what comes off the queue is input like any file a user gives:
 * the job data is checked here (a malformed job fails at once with an UnrecoverableError, as does
 * a job queued by another version of the code, whose results would not belong in the batch), and
 * every scenario is validated again by `executeTask` (an invalid one is a result, not a crash, so
 * it is never retried). Series travel as base64 of their float64 bytes, as in the batch journal:
 * JSON numbers would lose NaN and -0, and the stored bytes must equal the local executor's.
 */
import { UnrecoverableError, type SandboxedJob } from 'bullmq';
import { codeVersion } from '../results/code-version.ts';
import { executeTask, type RunOutput, type Task, type TaskResult } from './task.ts';

/** The code that planned a job: a worker with other code refuses it. */
export interface JobCode {
  readonly package: string;
  readonly commit: string | null;
}

export interface JobData {
  readonly task: Task;
  readonly code: JobCode;
}

export interface WireRun extends Omit<RunOutput, 'series'> {
  /** Little-endian float64 bytes, base64. */
  readonly series: string;
}

export type WireResult =
  | { readonly status: 'done'; readonly id: string; readonly runs: readonly WireRun[] }
  | { readonly status: 'invalid'; readonly id: string; readonly error: string };

export function encodeResult(result: TaskResult): WireResult {
  if (result.status === 'invalid') return result;
  return {
    status: 'done',
    id: result.id,
    runs: result.runs.map((run) => ({ ...run, series: Buffer.from(run.series.buffer, run.series.byteOffset, run.series.byteLength).toString('base64') })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeSeries(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 8 !== 0) throw new Error('series is not a whole number of float64 values');
  // Copy into an aligned buffer: a Buffer may sit at any offset of Node's pool.
  const series = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(series.buffer).set(bytes);
  return series;
}

/** A worker's return value back to a TaskResult; throws when it is not one (for task `id`). */
export function decodeResult(value: unknown, id: string): TaskResult {
  if (!isRecord(value) || value.id !== id) throw new Error(`job ${id}: the worker returned no result for it`);
  if (value.status === 'invalid' && typeof value.error === 'string') return { status: 'invalid', id, error: value.error };
  if (value.status !== 'done' || !Array.isArray(value.runs)) throw new Error(`job ${id}: the worker's result is malformed`);
  const runs = value.runs.map((run: unknown): RunOutput => {
    if (
      !isRecord(run) ||
      typeof run.key !== 'string' ||
      typeof run.seed !== 'number' ||
      !Array.isArray(run.metrics) ||
      typeof run.rows !== 'number' ||
      typeof run.series !== 'string' ||
      !isRecord(run.tables) ||
      typeof run.wallTimeMs !== 'number'
    ) {
      throw new Error(`job ${id}: a run in the worker's result is malformed`);
    }
    const series = decodeSeries(run.series);
    if (series.length !== run.metrics.length * run.rows) throw new Error(`job ${id}: run ${run.key} has ${series.length} values for ${run.metrics.length} metrics × ${run.rows} rows`);
    return { key: run.key, seed: run.seed, metrics: run.metrics as string[], rows: run.rows, series, tables: run.tables as RunOutput['tables'], wallTimeMs: run.wallTimeMs };
  });
  return { status: 'done', id, runs };
}

/** The job's data as a task, or an UnrecoverableError: retrying a malformed job cannot help. */
export function parseJobData(data: unknown, jobId: string | undefined): JobData {
  const fail = (why: string): never => {
    throw new UnrecoverableError(`job ${jobId ?? '?'}: malformed job (${why})`);
  };
  if (!isRecord(data)) return fail('no data');
  const { task, code } = data;
  if (!isRecord(code) || typeof code.package !== 'string' || !(typeof code.commit === 'string' || code.commit === null)) return fail('no code version');
  if (!isRecord(task) || typeof task.id !== 'string' || typeof task.seed !== 'number' || !Number.isInteger(task.seed)) return fail('no task id or seed');
  if (!Array.isArray(task.runs) || task.runs.length === 0) return fail('no runs');
  for (const run of task.runs as unknown[]) {
    if (!isRecord(run) || typeof run.key !== 'string' || !isRecord(run.scenario)) fail('a run without key or scenario');
  }
  // The scenarios themselves are validated by executeTask (an invalid one is a result).
  return { task: task as unknown as Task, code: { package: code.package, commit: code.commit as string | null } };
}

/** Throws an UnrecoverableError when this worker's code differs from the coordinator's. */
export function checkCode(code: JobCode, jobId: string | undefined): void {
  const mine = codeVersion();
  if (mine.package !== code.package || (mine.commit !== null && code.commit !== null && mine.commit !== code.commit)) {
    const describe = (c: JobCode): string => `${c.package}${c.commit ? ` at ${c.commit.slice(0, 10)}` : ''}`;
    throw new UnrecoverableError(`job ${jobId ?? '?'}: planned by sahel-sahara ${describe(code)}, but this worker runs ${describe(mine)}; update the worker`);
  }
}

export default function processJob(job: SandboxedJob<unknown, WireResult>): WireResult {
  const { task, code } = parseJobData(job.data, job.id);
  checkCode(code, job.id);
  return encodeResult(executeTask(task));
}
