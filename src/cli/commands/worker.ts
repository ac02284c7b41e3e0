/**
 * `sahel-sahara worker`: takes tasks of distributed batches from a BullMQ queue in Redis and runs
 * them on this machine's cores, until stopped. The processor runs in worker threads (BullMQ's
 * sandboxed processors), so simulations never block the thread that renews the job locks: a busy
 * worker is not mistaken for a lost one. SIGTERM or SIGINT finishes the jobs in hand, then exits 0;
 * a second signal abandons them (they return to the queue once their locks expire).
 */
import { availableParallelism, hostname } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'bullmq';
import { checkRedis, DEFAULT_QUEUE, maskRedisUrl, maskSecret, redisConnection } from '../../experiment/bullmq-executor.ts';
import type { JobData, WireResult } from '../../experiment/bullmq-worker.ts';
import { errorText } from '../../experiment/executor.ts';
import { withoutTsx, workerBundle } from '../../experiment/worker-bundle.ts';
import { SimError } from '../../errors.ts';
import { sourceUrl } from '../../package-root.ts';
import { integerOption, parseCommandArgs } from '../args.ts';

export const workerHelp = `Usage: sahel-sahara worker --redis URL [--concurrency N] [--queue NAME] [--lock-ms MS]

Runs the tasks of distributed batches (batch, compare or sensitivity with --executor bullmq) that
a coordinator queued in Redis, until stopped with Ctrl-C or SIGTERM, which lets the tasks in hand
finish. Start one per machine; they may come and go while a batch runs. Results go back through
Redis to the coordinator, which alone writes the result folder.

Options:
  --redis URL        redis://[user:password@]host:port[/db], or rediss:// for TLS (required)
  --concurrency N    tasks at once, one worker thread each (default: the available cores)
  --queue NAME       queue name (default ${DEFAULT_QUEUE}); must match the coordinator's
  --lock-ms MS       a task's lock, renewed while it runs; when a machine is lost, its tasks go to
                     other workers within about twice this (default 30000)
  -h, --help         show this help`;

/**
 * The processor for BullMQ's worker threads: bundled into one ES module like the local executor's
 * worker code, and run without tsx's loader (worker-bundle.ts says why both matter). Without a
 * bundle, the TypeScript through tsx: this process's loader flags (or tsx's), plus tsx's ESM hooks
 * registered in the thread itself — BullMQ loads the processor with import(), and on Node 20 tsx
 * registers its ESM hooks only in the main thread; registering twice, on a Node where tsx does it
 * in threads too, is harmless.
 */
function processorThreads(): { processor: URL; execArgv: string[] } {
  const source = sourceUrl('experiment/bullmq-worker.ts');
  const bundle = workerBundle(source);
  if (bundle !== undefined) return { processor: pathToFileURL(bundle), execArgv: withoutTsx(process.execArgv) };
  const hasTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const register = `data:text/javascript,${encodeURIComponent(`import { register } from ${api}; register();`)}`;
  return { processor: source, execArgv: [...process.execArgv, ...(hasTsx ? [] : ['--import', 'tsx']), '--import', register] };
}

export async function worker(argv: string[], io: { out(text: string): void }): Promise<number> {
  const { values } = parseCommandArgs('worker', argv, {
    redis: { type: 'string' },
    concurrency: { type: 'string' },
    queue: { type: 'string' },
    'lock-ms': { type: 'string' },
  });
  if (values.help) return io.out(workerHelp), 0;
  const url = values.redis;
  if (url === undefined) throw new SimError('SIM_ERR_CLI_USAGE', 'worker: --redis URL is required (see sahel-sahara worker --help)');
  const concurrency = integerOption('concurrency', values.concurrency, 1) ?? availableParallelism();
  const lockMs = integerOption('lock-ms', values['lock-ms'], 100) ?? 30_000;
  const queueName = values.queue ?? DEFAULT_QUEUE;
  const where = maskRedisUrl(url);
  const log = (text: string): void => void process.stderr.write(`worker: ${maskSecret(text, url)}\n`);

  await checkRedis(url);
  const connection = redisConnection(url);
  const { processor, execArgv } = processorThreads();
  const bull = new Worker<JobData, WireResult>(queueName, processor, {
    connection,
    concurrency,
    useWorkerThreads: true,
    workerThreadsOptions: { execArgv },
    lockDuration: lockMs,
    stalledInterval: lockMs,
    // A job whose worker vanished is put back twice; a third loss fails it (a job that kills machines).
    maxStalledCount: 2,
    autorun: false,
    // Shown as the job's processedBy: which machine holds a job (see README, watching the queue).
    name: `${hostname()}:${process.pid}`,
  });
  bull.on('error', (error) => log(`error: ${errorText(error)}`));
  bull.on('completed', (job) => log(`done ${job.id ?? '?'} (attempt ${job.attemptsMade})`));
  bull.on('failed', (job, error) => {
    const attempts = job?.opts.attempts ?? 1;
    const final = error.name === 'UnrecoverableError' || (job?.attemptsMade ?? attempts) >= attempts;
    log(`${final ? 'failed' : 'will retry'} ${job?.id ?? '?'} (attempt ${job?.attemptsMade ?? '?'} of ${attempts}): ${error.message}`);
  });
  bull.on('stalled', (jobId) => log(`${jobId}: its worker was lost; the job is back in the queue`));

  const stopped = new Promise<void>((resolve) => {
    let signals = 0;
    const stop = (signal: NodeJS.Signals): void => {
      signals++;
      if (signals === 1) {
        log(`${signal}: finishing the tasks in hand, then stopping (again to abandon them)`);
        void bull.close().then(resolve, resolve);
      } else {
        log(`${signal}: abandoning the tasks in hand`);
        void bull.close(true).then(resolve, resolve);
      }
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  bull.once('ready', () => log(`ready: queue ${queueName} at ${where}, ${concurrency} thread(s)`));
  void bull.run().catch((error: unknown) => log(`error: ${errorText(error)}`));
  await stopped;
  connection.disconnect();
  log('stopped');
  return 0;
}
