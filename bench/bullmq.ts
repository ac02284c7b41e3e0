/**
 * Distributed batches (issue 6): what the queue costs. The same 200 runs of the 2012 scenario on
 * the local executor with two worker threads, and through BullMQ to two `sahel-sahara worker`
 * processes of one thread each (Redis on loopback, started here), so both have two simulating
 * threads and the difference is the queue: adding jobs, JSON and base64 through Redis, locks,
 * collecting results. Both are warmed up first. Skipped, with a note, without redis-server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createBullmqExecutor } from '../src/experiment/bullmq-executor.ts';
import { createLocalExecutor } from '../src/experiment/index.ts';
import { hasRedisServer, startRedis } from '../tests/redis-server.ts';
import { tasksFor, timeExecutor, type ExperimentFigure } from './executor.ts';

const RUNS = 200;

function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--redis', url, '--concurrency', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('ready: queue')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited (${code}):\n${log}`)));
  });
}

export async function benchBullmq(): Promise<ExperimentFigure[]> {
  if (!hasRedisServer) return [{ case: 'BullMQ executor', value: 'skipped: redis-server is not installed', goal: '' }];
  const warm = tasksFor([9001, 9002, 9003, 9004]);
  const timed = tasksFor(Array.from({ length: RUNS }, (_, k) => k + 1));

  const local = createLocalExecutor({ workers: 2 });
  let localMs: number;
  try {
    await timeExecutor(local, [...warm, ...warm]);
    localMs = await timeExecutor(local, timed);
  } finally {
    await local.close();
  }

  const redis = await startRedis();
  const workers: ChildProcess[] = [];
  const bull = createBullmqExecutor({ redisUrl: redis.url });
  let bullMs: number;
  try {
    workers.push(...(await Promise.all([startWorker(redis.url), startWorker(redis.url)])));
    await bull.ready();
    await timeExecutor(bull, [...warm, ...tasksFor([9005, 9006, 9007, 9008])]);
    bullMs = await timeExecutor(bull, timed);
  } finally {
    await bull.close();
    await Promise.all(workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : (w.once('exit', resolve), w.kill('SIGTERM'))))));
    await redis.stop();
  }
  return [
    { case: `local executor, 2 worker threads: ${RUNS} runs of the 2012 scenario`, value: `${(localMs / 1000).toFixed(1)} s (${(localMs / RUNS).toFixed(1)} ms/run)`, goal: '' },
    { case: `BullMQ, 2 worker processes × 1 thread, Redis on loopback: the same ${RUNS} runs`, value: `${(bullMs / 1000).toFixed(1)} s (${(bullMs / RUNS).toFixed(1)} ms/run)`, goal: '' },
    { case: 'BullMQ overhead vs local', value: `${(((bullMs - localMs) / localMs) * 100).toFixed(1)} %`, goal: '' },
  ];
}
