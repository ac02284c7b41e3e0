/**
 * The distributed executor: tasks go to a BullMQ queue in Redis, `sahel-sahara worker` processes
 * on any number of machines run them, and this process (the coordinator) collects the results and
 * hands them to the batch, which alone writes the store. Same contract as the other executors.
 *
 * Why it is safe to lose anything but the store:
 * - A job's id is its task's id (a deterministic run key), so adding a batch twice adds nothing,
 *   and a restarted coordinator finds the jobs of its previous life: waiting ones run, finished
 *   ones are collected. Jobs are removed once their result is handed over, so Redis holds only
 *   what is not yet stored (and a rerun, which skips stored runs, adds only what is missing).
 * - A worker that crashes or throws is retried by BullMQ (3 attempts, exponential backoff); a
 *   machine that vanishes leaves its job locked until the lock expires, then another worker's
 *   stalled-job check puts it back in the queue. A run can thus complete twice; BullMQ keeps one
 *   completion (the lost worker no longer holds the lock) and each task is reported once.
 * - An invalid scenario is a result, not an error: reported at once, never retried. A malformed job
 *   fails at once (UnrecoverableError, bullmq-worker.ts).
 * Completion is followed by scanning the queue's completed and failed sets, woken by QueueEvents
 * and by a timer, so a missed event only delays a result. Redis must never evict keys (a queue
 * that loses keys loses jobs silently): a `maxmemory-policy` other than `noeviction` is refused.
 */
import { Queue, QueueEvents, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { SimError } from '../errors.ts';
import { codeVersion } from '../results/code-version.ts';
import { abortError, DEFAULT_RETRY, errorText, type Executor, type RetryPolicy } from './executor.ts';
import { decodeResult, type JobData, type WireResult } from './bullmq-worker.ts';
import type { Task } from './task.ts';

export const DEFAULT_QUEUE = 'sahel-sahara';
/** Events kept in the queue's stream (BullMQ's default is 10,000). */
export const EVENTS_KEPT = 500;

export interface BullmqExecutorOptions {
  /** redis://[user:password@]host:port[/db] or rediss:// (TLS). */
  readonly redisUrl: string;
  readonly queueName?: string;
  /** Attempts per job and the first retry's delay (doubled each time); default 3 and 1 s. */
  readonly retry?: RetryPolicy;
  /** How often the queue is scanned for results when no event wakes the coordinator (ms). */
  readonly pollMs?: number;
  /** Reported as the executor's slots (the workers are elsewhere; only for display). */
  readonly slots?: number;
}

export interface BullmqExecutor extends Executor {
  /** Connects and checks Redis (reachable, `noeviction`); throws SIM_ERR_REDIS_CONFIG. */
  ready(): Promise<void>;
  readonly queueName: string;
}

/** Finished jobs linger this long when no coordinator collects them (an abandoned batch). */
const KEEP_FINISHED_S = 7 * 24 * 3600;

/** The URL with its password replaced, for messages. */
export function maskRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^/@]*)@/, '//***@');
  }
}

/** `text` with any password of `url` masked (an error message that echoes the URL). */
export function maskSecret(text: string, url: string): string {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    password = /\/\/[^/@:]*:([^/@]*)@/.exec(url)?.[1] ?? '';
  }
  if (password === '') return text;
  let masked = text;
  for (const form of new Set([password, safeDecode(password)])) masked = masked.split(form).join('***');
  return masked;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A connection for BullMQ (blocking commands need unlimited retries per request). */
export function redisConnection(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null });
  // Without a listener ioredis prints every reconnection error; the caller's errors surface anyway.
  client.on('error', () => {});
  return client;
}

/**
 * Checks that Redis answers and will not evict queue keys. Uses INFO (allowed where CONFIG is not,
 * as on managed Redis). Throws SIM_ERR_REDIS_CONFIG with the URL's password masked.
 */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<void> {
  const where = maskRedisUrl(url);
  let client: Redis;
  try {
    client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  } catch (error) {
    throw new SimError('SIM_ERR_REDIS_CONFIG', `--redis ${where}: ${maskSecret(errorText(error), url)}`);
  }
  client.on('error', () => {});
  try {
    await client.connect();
    const info = await client.info('memory');
    const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
    if (policy !== undefined && policy !== 'noeviction') {
      throw new SimError(
        'SIM_ERR_REDIS_CONFIG',
        `Redis at ${where} has maxmemory-policy ${policy}: it may evict queued jobs and lose runs; set it to noeviction (redis-cli CONFIG SET maxmemory-policy noeviction, or maxmemory-policy noeviction in redis.conf)`,
      );
    }
  } catch (error) {
    if (error instanceof SimError) throw error;
    throw new SimError('SIM_ERR_REDIS_CONFIG', `cannot use Redis at ${where}: ${maskSecret(errorText(error), url)}`);
  } finally {
    client.disconnect();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createBullmqExecutor(options: BullmqExecutorOptions): BullmqExecutor {
  const queueName = options.queueName ?? DEFAULT_QUEUE;
  const retry = options.retry ?? { attempts: DEFAULT_RETRY.attempts, backoffMs: 1000 };
  const pollMs = options.pollMs ?? 1000;
  const url = options.redisUrl;
  let connection: Redis | undefined;
  let queue: Queue<JobData, WireResult> | undefined;
  let checked: Promise<void> | undefined;

  const ready = (): Promise<void> => {
    checked ??= checkRedis(url).then(() => {
      connection = redisConnection(url);
      // Each completion event carries the job's result (~70 kB for a run of the regional model);
      // BullMQ keeps 10,000 events by default, which could hold most of a gigabyte of Redis
      // memory. Events only wake the collector (a timer backs them up), so a short stream will do.
      queue = new Queue<JobData, WireResult>(queueName, { connection, streams: { events: { maxLen: EVENTS_KEPT } } });
      queue.on('error', () => {});
    });
    return checked;
  };

  return {
    name: 'bullmq',
    slots: options.slots ?? 1,
    queueName,
    ready,
    async run(tasks, handlers, signal) {
      if (signal?.aborted) throw abortError();
      await ready();
      const q = queue as Queue<JobData, WireResult>;
      const pending = new Map<string, Task>(tasks.map((t) => [t.id, t]));
      if (pending.size === 0) return;

      // Listen before adding, so no completion falls between the two.
      const events = new QueueEvents(queueName, { connection: connection as Redis });
      events.on('error', () => {});
      let wake: (() => void) | undefined;
      let woken = false;
      const poke = ({ jobId }: { jobId: string }): void => {
        if (!pending.has(jobId)) return;
        woken = true;
        wake?.();
      };
      events.on('completed', poke);
      events.on('failed', poke);
      const onAbort = (): void => wake?.();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        await events.waitUntilReady();
        await addJobs(q, [...pending.values()], retry);
        while (pending.size > 0) {
          if (signal?.aborted) {
            await removeWaiting(q, pending);
            throw abortError();
          }
          woken = false;
          await collect(q, pending, handlers.onResult);
          if (pending.size === 0 || woken) continue;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
        }
      } finally {
        signal?.removeEventListener('abort', onAbort);
        await events.close().catch(() => {});
      }
    },
    async close() {
      await queue?.close().catch(() => {});
      connection?.disconnect();
    },
  };
}

/**
 * Adds a job per task; an id already in the queue is left as it is (BullMQ ignores the add), except
 * a failed job of an earlier coordinator, which is replaced: a rerun tries failed runs again.
 */
async function addJobs(queue: Queue<JobData, WireResult>, tasks: readonly Task[], retry: RetryPolicy): Promise<void> {
  const { package: version, commit } = codeVersion();
  const failed = new Set(await queue.getRanges(['failed'], 0, -1));
  for (const task of tasks) if (failed.has(task.id)) await queue.remove(task.id);
  const CHUNK = 200;
  for (let start = 0; start < tasks.length; start += CHUNK) {
    await queue.addBulk(
      tasks.slice(start, start + CHUNK).map((task) => ({
        name: 'task',
        data: { task, code: { package: version, commit } },
        opts: {
          jobId: task.id,
          attempts: retry.attempts,
          backoff: { type: 'exponential', delay: retry.backoffMs },
          removeOnComplete: { age: KEEP_FINISHED_S },
          removeOnFail: { age: KEEP_FINISHED_S },
        },
      })),
    );
  }
}

/** Hands every finished job of this batch to `onResult` once, then removes it from Redis. */
async function collect(
  queue: Queue<JobData, WireResult>,
  pending: Map<string, Task>,
  onResult: Parameters<Executor['run']>[1]['onResult'],
): Promise<void> {
  const ids = (await queue.getRanges(['completed', 'failed'], 0, -1)).filter((id) => pending.has(id));
  for (const id of ids) {
    const job: Job<JobData, WireResult> | undefined = await queue.getJob(id);
    if (!job || !pending.has(id)) continue;
    const state = await job.getState();
    const attempts = Math.max(1, job.attemptsMade);
    if (state === 'completed') {
      let result;
      try {
        result = decodeResult(job.returnvalue, id);
      } catch (error) {
        result = { status: 'failed' as const, id, error: errorText(error) };
      }
      pending.delete(id);
      await onResult(result, attempts);
    } else if (state === 'failed') {
      pending.delete(id);
      await onResult({ status: 'failed', id, error: job.failedReason || 'the job failed' }, attempts);
    } else {
      continue; // moved on since the scan (a retry of a failed job)
    }
    await job.remove().catch(() => {});
  }
}

/** Cancelling: removes this batch's jobs that no worker has started; running ones finish. */
async function removeWaiting(queue: Queue<JobData, WireResult>, pending: ReadonlyMap<string, Task>): Promise<void> {
  const waiting = await Promise.race([queue.getRanges(['wait', 'paused', 'prioritized', 'delayed'], 0, -1), sleep(5000).then(() => [] as string[])]);
  await Promise.all(waiting.filter((id) => pending.has(id)).map((id) => queue.remove(id).catch(() => 0)));
}
