import { Queue, Worker, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRedis, createBullmqExecutor, EVENTS_KEPT, maskRedisUrl, maskSecret, redisConnection } from '../../src/experiment/bullmq-executor.ts';
import processJob, { decodeResult, encodeResult, type JobData, type WireResult } from '../../src/experiment/bullmq-worker.ts';
import { createInlineExecutor, planTasks, type Task, type TaskFailure, type TaskResult } from '../../src/experiment/index.ts';
import { resolveScenario } from '../../src/scenario/index.ts';
import { hasRedisServer, NO_REDIS_REASON, startRedis, type RedisServer } from '../redis-server.ts';

if (!hasRedisServer) console.warn(NO_REDIS_REASON);

const small = resolveScenario('tests/fixtures/sahel-small.yaml').scenario;
const { tasks } = planTasks([1, 2, 3, 4].map((seed, r) => [{ scenario: small, option: 0, point: 0, replication: r, seed, parameters: {} }]));
const FAST_RETRY = { attempts: 3, backoffMs: 50 };

let redis: RedisServer;
beforeAll(async () => {
  if (hasRedisServer) redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

type Outcome = { result: TaskResult | TaskFailure; attempts: number };

/** A worker in this process, on the processor's code, so executor tests need no child process. */
function inProcessWorker(queueName: string, before?: (job: Job<JobData, WireResult>) => void): Worker<JobData, WireResult> {
  return new Worker<JobData, WireResult>(
    queueName,
    async (job) => {
      before?.(job);
      return processJob(job as never);
    },
    { connection: redisConnection(redis.url), concurrency: 2, lockDuration: 5000 },
  );
}

let queues = 0;
const nextQueue = (): string => `test-${process.pid}-${++queues}`;

function seriesBytes(result: TaskResult | TaskFailure): string {
  if (result.status !== 'done') return result.status;
  return result.runs.map((r) => Buffer.from(r.series.buffer, r.series.byteOffset, r.series.byteLength).toString('hex')).join('|');
}

describe('bullmq wire format', () => {
  it('carries a result through JSON bit for bit, NaN and -0 included', () => {
    const result: TaskResult = {
      status: 'done',
      id: 'k',
      runs: [{ key: 'k', seed: 1, metrics: ['a', 'b'], rows: 2, series: new Float64Array([1.5, Number.NaN, -0, 1e-310]), tables: { t: { columns: ['x'], rows: [[1], ['y']] } }, wallTimeMs: 3 }],
    };
    const back = decodeResult(JSON.parse(JSON.stringify(encodeResult(result))), 'k');
    expect(seriesBytes(back)).toBe(seriesBytes(result));
    expect(back).toMatchObject({ status: 'done', runs: [{ metrics: ['a', 'b'], rows: 2, tables: result.runs[0]!.tables }] });
    expect(() => decodeResult({ status: 'done', id: 'other', runs: [] }, 'k')).toThrow(/no result/);
  });

  it('refuses, unrecoverably, a job planned by other code or malformed', () => {
    const job = (data: unknown) => ({ id: 'j', data }) as never;
    expect(() => processJob(job({ task: tasks[0], code: { package: '0.0.0-other', commit: null } }))).toThrow(expect.objectContaining({ name: 'UnrecoverableError', message: expect.stringMatching(/planned by sahel-sahara 0\.0\.0-other.*update the worker/) }));
    expect(() => processJob(job({ task: { id: 'x', seed: 1.5, runs: [] }, code: { package: '0.1.0', commit: null } }))).toThrow(expect.objectContaining({ name: 'UnrecoverableError' }));
    expect(() => processJob(job('not a job'))).toThrow(/malformed job/);
  });

  it('masks the password of a Redis URL', () => {
    expect(maskRedisUrl('redis://user:s3cr%40t@host:6379/2')).toBe('redis://user:***@host:6379/2');
    expect(maskRedisUrl('rediss://:pw@host:1')).toBe('rediss://:***@host:1');
    expect(maskSecret('auth s3cr@t and s3cr%40t failed', 'redis://user:s3cr%40t@host')).toBe('auth *** and *** failed');
  });
});

describe.skipIf(!hasRedisServer)('createBullmqExecutor() (Redis on a free port)', () => {
  it('adds each task once, however often the batch is added, and cancelling removes waiting jobs', async () => {
    const queueName = nextQueue();
    const a = createBullmqExecutor({ redisUrl: redis.url, queueName });
    const b = createBullmqExecutor({ redisUrl: redis.url, queueName });
    const queue = new Queue(queueName, { connection: redisConnection(redis.url) });
    const stopA = new AbortController();
    const stopB = new AbortController();
    try {
      // No worker: the jobs wait. Two coordinators add the same batch.
      const runA = a.run(tasks, { onResult: () => {} }, stopA.signal).catch((e: unknown) => e);
      const runB = b.run(tasks, { onResult: () => {} }, stopB.signal).catch((e: unknown) => e);
      const counts = async (): Promise<number> => (await queue.getJobCounts('waiting')).waiting ?? 0;
      for (let k = 0; k < 200 && (await counts()) < tasks.length; k++) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 200)); // both have added by now
      expect(await counts()).toBe(tasks.length);
      expect((await queue.getJob(tasks[0]!.id))?.id).toBe(tasks[0]!.id);
      stopA.abort();
      stopB.abort();
      expect(await runA).toMatchObject({ name: 'AbortError' });
      expect(await runB).toMatchObject({ name: 'AbortError' });
      expect(await queue.getJobCountByTypes('waiting', 'delayed', 'active', 'completed', 'failed')).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close(), queue.close()]);
    }
  }, 30_000);

  it('reports every task once, as it finishes, with the inline executor’s bytes, and leaves Redis empty', async () => {
    const queueName = nextQueue();
    const worker = inProcessWorker(queueName);
    const executor = createBullmqExecutor({ redisUrl: redis.url, queueName, retry: FAST_RETRY });
    // skipMetasUpdate: this handle must not reset the executor's queue settings.
    const queue = new Queue(queueName, { connection: redisConnection(redis.url), skipMetasUpdate: true });
    try {
      const seen: Outcome[] = [];
      await executor.run(tasks, { onResult: (result, attempts) => void seen.push({ result, attempts }) });
      // Completion events carry results: the stream keeps a few hundred, not BullMQ's 10,000.
      const client = await queue.client;
      expect(await client.hget(`bull:${queueName}:meta`, 'opts.maxLenEvents')).toBe(String(EVENTS_KEPT));
      const inline: Outcome[] = [];
      await createInlineExecutor().run(tasks, { onResult: (result, attempts) => void inline.push({ result, attempts }) });
      expect(seen.map((o) => o.result.id).sort()).toEqual(tasks.map((t) => t.id).sort());
      expect(seen.every((o) => o.result.status === 'done' && o.attempts === 1)).toBe(true);
      const byId = new Map(inline.map((o) => [o.result.id, o.result]));
      for (const { result } of seen) {
        expect(seriesBytes(result)).toBe(seriesBytes(byId.get(result.id)!));
        if (result.status === 'done') expect(result.runs[0]!.tables).toEqual((byId.get(result.id) as Extract<TaskResult, { status: 'done' }>).runs[0]!.tables);
      }
      expect(await queue.getJobCountByTypes('waiting', 'delayed', 'active', 'completed', 'failed')).toBe(0);
    } finally {
      await Promise.all([worker.close(), executor.close(), queue.close()]);
    }
  }, 30_000);

  it('reports an invalid scenario once, without retrying it; a malformed job fails at once; a crash is retried', async () => {
    const queueName = nextQueue();
    const crashOnce = tasks[1]!.id;
    const worker = inProcessWorker(queueName, (job) => {
      if (job.id === crashOnce && job.attemptsMade === 0) throw new Error('simulated crash');
    });
    const executor = createBullmqExecutor({ redisUrl: redis.url, queueName, retry: FAST_RETRY });
    const invalid: Task = { id: 'invalid-task', seed: 1, runs: [{ key: 'invalid-task', scenario: { ...small, params: { ...(small.params as object), start: 'soon' } } as never }] };
    const malformed: Task = { id: 'malformed-task', seed: 1, runs: [] };
    try {
      const seen = new Map<string, Outcome>();
      await executor.run([invalid, malformed, tasks[1]!], {
        onResult: (result, attempts) => {
          expect(seen.has(result.id)).toBe(false);
          seen.set(result.id, { result, attempts });
        },
      });
      expect(seen.get('invalid-task')).toMatchObject({ result: { status: 'invalid' }, attempts: 1 });
      expect(seen.get('malformed-task')).toMatchObject({ result: { status: 'failed', error: expect.stringMatching(/malformed job/) }, attempts: 1 });
      expect(seen.get(crashOnce)).toMatchObject({ result: { status: 'done' }, attempts: 2 });
    } finally {
      await Promise.all([worker.close(), executor.close()]);
    }
  }, 30_000);

  it('refuses a Redis that may evict keys, and one it cannot reach, without showing the password', async () => {
    const admin = redisConnection(redis.url);
    try {
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      await expect(checkRedis(redis.url)).rejects.toMatchObject({ code: 'SIM_ERR_REDIS_CONFIG', message: expect.stringMatching(/maxmemory-policy allkeys-lru.*noeviction/) });
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      admin.disconnect();
    }
    const secret = 'hunter2-secret';
    const error = await checkRedis(`redis://:${secret}@127.0.0.1:1`, 1000).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SIM_ERR_REDIS_CONFIG', message: expect.stringMatching(/cannot use Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/) });
    expect((error as Error).message).not.toContain(secret);
  }, 30_000);
});
