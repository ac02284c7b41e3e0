import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisConnection } from '../../src/experiment/bullmq-executor.ts';
import { hasRedisServer, NO_REDIS_REASON, startRedis, type RedisServer } from '../redis-server.ts';
import { temporaryDir, type CliResult } from './helpers.ts';

if (!hasRedisServer) console.warn(NO_REDIS_REASON);

const root = temporaryDir();
const RESULTS = ['summary.parquet', 'series.parquet', 'relations.parquet', 'groups.parquet'];
const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

/** The CLI in a child process, without blocking this process (whose workers' pipes must drain). */
function cliAsync(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

interface WorkerProcess {
  readonly child: ChildProcess;
  readonly name: string;
  log: string;
  readonly exited: Promise<number | null>;
}

/** Starts `sahel-sahara worker` and resolves once it says it is ready. */
function startWorker(url: string, args: string[] = []): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [...CLI, 'worker', '--redis', url, '--concurrency', '1', '--lock-ms', '2000', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const worker: WorkerProcess = {
    child,
    name: `${hostname()}:${child.pid}`,
    log: '',
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      worker.log += d.toString();
      if (/ready: queue/.test(worker.log)) resolve(worker);
    });
    void worker.exited.then((code) => reject(new Error(`worker exited (${code}) before it was ready:\n${worker.log}`)));
  });
}

const bytes = (dir: string, file: string): Buffer => readFileSync(join(dir, file));

let redis: RedisServer;
let workers: WorkerProcess[] = [];
beforeAll(async () => {
  if (!hasRedisServer) return;
  redis = await startRedis();
  workers = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
}, 60_000);
afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  await redis?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!hasRedisServer)('sahel-sahara batch --executor bullmq, with sahel-sahara worker processes', () => {
  it('stores the bytes of the local executor, with two worker processes', async () => {
    const args = ['tests/fixtures/sahel-small.yaml', '--seeds', '1..6'];
    const [bull, local] = await Promise.all([
      cliAsync('batch', ...args, '--executor', 'bullmq', '--redis', redis.url, '--out', join(root, 'bullmq')),
      cliAsync('batch', ...args, '--workers', '1', '--out', join(root, 'local')),
    ]);
    expect(bull.stderr).not.toMatch(/error/i);
    expect(bull.status).toBe(0);
    expect(local.status).toBe(0);
    expect(bull.stdout).toMatch(/6 of 6 runs done/);
    for (const file of RESULTS) expect(bytes(join(root, 'bullmq'), file).equals(bytes(join(root, 'local'), file)), file).toBe(true);
  }, 60_000);

  it('completes a batch whose worker is killed with SIGKILL mid-run: the other takes its job over, one result per run', async () => {
    const [victim, survivor] = workers as [WorkerProcess, WorkerProcess];
    const dir = join(root, 'killed');
    // ~1 s per run, so the victim is caught inside one.
    const batch = cliAsync('batch', 'tests/fixtures/sahel-small.yaml', '--seeds', '11..14', '--ticks', '300', '--executor', 'bullmq', '--redis', redis.url, '--out', dir);
    const queue = new Queue('sahel-sahara', { connection: redisConnection(redis.url) });
    try {
      let killed: string | undefined;
      for (let k = 0; k < 600 && killed === undefined; k++) {
        const held = (await queue.getJobs(['active'])).find((job) => job.processedBy === victim.name);
        if (held) {
          victim.child.kill('SIGKILL');
          killed = held.id;
        } else await new Promise((r) => setTimeout(r, 20));
      }
      expect(killed, 'the victim never took a job').toBeDefined();
      const result = await batch;
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/4 of 4 runs done/);
      const lines = readFileSync(join(dir, 'journal.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { key: string; status: string });
      expect(lines).toHaveLength(4);
      expect(new Set(lines.map((l) => l.key)).size).toBe(4);
      expect(lines.every((l) => l.status === 'done')).toBe(true);
      // The survivor's stalled-job check found the lost job and then ran it.
      expect(survivor.log).toContain(`${killed}: its worker was lost`);
      expect(survivor.log).toContain(`done ${killed}`);
      expect(await queue.getJobCountByTypes('waiting', 'delayed', 'active', 'completed', 'failed')).toBe(0);
    } finally {
      await queue.close();
    }
  }, 60_000);

  it('resumes after the coordinator is killed: stored runs are skipped, runs finished meanwhile are collected', async () => {
    const dir = join(root, 'coordinator-killed');
    const args = ['batch', 'tests/fixtures/sahel-small.yaml', '--seeds', '21..24', '--ticks', '300', '--executor', 'bullmq', '--redis', redis.url, '--out', dir];
    const coordinator = spawn(process.execPath, [...CLI, ...args], { stdio: 'ignore' });
    const journal = join(dir, 'journal.ndjson');
    const exited = new Promise((resolve) => coordinator.on('exit', resolve));
    for (let k = 0; k < 1000; k++) {
      if (existsSync(journal) && readFileSync(journal, 'utf8').includes('\n')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    coordinator.kill('SIGKILL');
    await exited;
    const stored = readFileSync(journal, 'utf8').trim().split('\n').length;
    expect(stored).toBeLessThan(4);
    // With no coordinator, the worker finishes the queued runs; their results wait in Redis.
    const queue = new Queue('sahel-sahara', { connection: redisConnection(redis.url) });
    try {
      for (let k = 0; k < 1000 && (await queue.getJobCountByTypes('waiting', 'active', 'delayed')) > 0; k++) await new Promise((r) => setTimeout(r, 20));
      expect(await queue.getJobCountByTypes('waiting', 'active', 'delayed')).toBe(0);
      // (the coordinator may have died between storing a run and deleting its job: then 4 - stored + 1)
      expect(await queue.getJobCountByTypes('completed')).toBeGreaterThanOrEqual(4 - stored);
    } finally {
      await queue.close();
    }
    const again = await cliAsync(...args);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`4 of 4 runs done \\(${stored} were already stored\\)`));
    const keys = readFileSync(journal, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { key: string }).key);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
  }, 60_000);

  it('stops a worker on SIGTERM after it finishes the run in hand, with exit code 0', async () => {
    const survivor = workers[1] as WorkerProcess;
    const dir = join(root, 'sigterm');
    const batch = cliAsync('batch', 'tests/fixtures/sahel-small.yaml', '--seeds', '31', '--ticks', '300', '--executor', 'bullmq', '--redis', redis.url, '--out', dir);
    const queue = new Queue('sahel-sahara', { connection: redisConnection(redis.url) });
    try {
      let held: string | undefined;
      for (let k = 0; k < 1000 && held === undefined; k++) {
        held = (await queue.getJobs(['active'])).find((job) => job.processedBy === survivor.name)?.id;
        if (held === undefined) await new Promise((r) => setTimeout(r, 20));
      }
      expect(held).toBeDefined();
      survivor.child.kill('SIGTERM');
      expect(await survivor.exited).toBe(0);
      expect(survivor.log).toMatch(new RegExp(`finishing the tasks in hand[\\s\\S]*done ${held}[\\s\\S]*stopped`));
      const result = await batch; // no worker is left: the run was finished before the exit
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/1 of 1 runs done/);
    } finally {
      await queue.close();
    }
  }, 60_000);

  it('refuses a Redis that may evict keys (exit 2, nothing written) and never prints the password', async () => {
    const secret = 'pa55-w0rd-never-shown';
    const lru = await startRedis(['--maxmemory-policy', 'allkeys-lru', '--requirepass', secret], secret);
    try {
      const dir = join(root, 'refused');
      const [batch, worker, wrong] = await Promise.all([
        cliAsync('batch', 'tests/fixtures/sahel-small.yaml', '--seeds', '1', '--executor', 'bullmq', '--redis', lru.url, '--out', dir),
        cliAsync('worker', '--redis', lru.url),
        cliAsync('batch', 'tests/fixtures/sahel-small.yaml', '--seeds', '1', '--executor', 'bullmq', '--redis', `redis://:wrong-${secret}@127.0.0.1:${lru.port}`, '--out', dir),
      ]);
      for (const r of [batch, worker]) {
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/SIM_ERR_REDIS_CONFIG|maxmemory-policy allkeys-lru/);
        expect(r.stderr).toMatch(/noeviction/);
      }
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toMatch(/cannot use Redis at redis:\/\/:\*\*\*@127\.0\.0\.1/);
      for (const r of [batch, worker, wrong]) expect(r.stdout + r.stderr).not.toContain(secret);
      expect(existsSync(dir)).toBe(false);
    } finally {
      await lru.stop();
    }
  }, 60_000);
});
