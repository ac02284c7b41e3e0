/**
 * What `batch`, `compare` and `sensitivity` share on the command line: choosing the executor,
 * opening (or resuming) the store, showing progress, stopping cleanly on Ctrl-C, finalising.
 */
import { availableParallelism } from 'node:os';
import { createInlineExecutor, createLocalExecutor, isAbortError, runBatch, type BatchOutcome, type Executor, type Task } from '../experiment/index.ts';
import { BatchStore, codeVersion, type BatchManifest, type PlannedRun, type StoredRun } from '../results/index.ts';
import { canonicalJson, sha256 } from '../scenario/index.ts';
import { createBullmqExecutor } from '../experiment/bullmq-executor.ts';
import { SimError } from '../errors.ts';
import { integerOption } from './args.ts';
import { createProgressDisplay } from './progress.ts';

export interface BatchIo {
  out(text: string): void;
  argv: readonly string[];
}

export interface PlannedBatch {
  readonly kind: BatchManifest['kind'];
  readonly dir: string;
  /** What determines the results (hashed: resuming requires the same). */
  readonly design: unknown;
  readonly plan: readonly PlannedRun[];
  readonly tasks: readonly Task[];
  /** The command's --workers, --executor, --redis, --queue and --format. */
  readonly flags: ExecutorFlags & { readonly format?: string | undefined };
  /** Extra files the caller writes into the folder before the manifest (e.g. compare.json). */
  readonly extraFiles?: readonly string[];
}

/** The options of every command that runs a batch: overrides, where runs execute, how results are stored. */
export const BATCH_OPTIONS = {
  set: { type: 'string', multiple: true },
  workers: { type: 'string' },
  executor: { type: 'string' },
  redis: { type: 'string' },
  queue: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
} as const;

/** Exit code of a batch stopped by Ctrl-C (128 + SIGINT), as shells expect. */
export const INTERRUPTED = 130;

export function parseFormat(format: string | undefined): 'parquet' | 'csv' {
  if (format === undefined || format === 'parquet' || format === 'csv') return format ?? 'parquet';
  throw new SimError('SIM_ERR_CLI_USAGE', `--format ${format}: expected parquet or csv`);
}

/** The command-line flags that choose an executor (as given, unparsed). */
export interface ExecutorFlags {
  /** --workers N: worker threads of the local executor (0: this thread). */
  readonly workers?: string | undefined;
  /** --executor local|bullmq (default local). */
  readonly executor?: string | undefined;
  /** --redis URL, for bullmq. */
  readonly redis?: string | undefined;
  /** --queue NAME, for bullmq. */
  readonly queue?: string | undefined;
}

/** Checks the executor flags without connecting anywhere (a command's argument checks). */
export function checkExecutorFlags(flags: ExecutorFlags): void {
  const kind = flags.executor ?? 'local';
  if (kind !== 'local' && kind !== 'bullmq') throw new SimError('SIM_ERR_CLI_USAGE', `--executor ${kind}: expected local or bullmq`);
  integerOption('workers', flags.workers, 0);
  if (kind === 'bullmq' && flags.redis === undefined) throw new SimError('SIM_ERR_CLI_USAGE', '--executor bullmq needs --redis URL (and workers started with sahel-sahara worker --redis URL)');
  if (kind === 'local' && (flags.redis !== undefined || flags.queue !== undefined)) throw new SimError('SIM_ERR_CLI_USAGE', '--redis and --queue need --executor bullmq');
  if (kind === 'bullmq' && flags.workers !== undefined) throw new SimError('SIM_ERR_CLI_USAGE', '--workers is for the local executor; with bullmq, start workers with sahel-sahara worker --concurrency N');
}

/**
 * The executor the flags ask for. A bullmq executor is checked before it is returned (Redis
 * reachable, noeviction), so a refused Redis stops the command before it writes anything.
 */
export async function createExecutor(flags: ExecutorFlags): Promise<Executor> {
  checkExecutorFlags(flags);
  if (flags.executor === 'bullmq') {
    const executor = createBullmqExecutor({ redisUrl: flags.redis as string, ...(flags.queue !== undefined ? { queueName: flags.queue } : {}) });
    try {
      await executor.ready();
    } catch (error) {
      await executor.close();
      throw error;
    }
    return executor;
  }
  const count = integerOption('workers', flags.workers, 0) ?? availableParallelism();
  return count === 0 ? createInlineExecutor() : createLocalExecutor({ workers: count });
}

/**
 * The identity of a batch: its design and the code that runs it (package version and commit), so a
 * batch is never resumed by other code, which would mix results of two models in one store.
 */
export function designHash(design: unknown): string {
  const { package: version, commit } = codeVersion();
  return sha256(canonicalJson({ design, code: { version, commit } }));
}

/**
 * Runs a planned batch to completion (or until Ctrl-C), finalises the store and returns its runs,
 * or undefined when interrupted. `beforeManifest` writes the caller's own files (a report) from
 * the stored runs before the manifest marks the folder complete.
 */
export async function runPlannedBatch(
  batch: PlannedBatch,
  io: BatchIo,
  beforeManifest?: (runs: ReadonlyMap<string, StoredRun>) => Promise<Record<string, unknown> | undefined> | Record<string, unknown> | undefined,
): Promise<{ runs: Map<string, StoredRun>; outcome: BatchOutcome; manifest: BatchManifest } | undefined> {
  const format = parseFormat(batch.flags.format);
  const executor = await createExecutor(batch.flags);
  let store: BatchStore;
  try {
    store = BatchStore.open(batch.dir, {
      kind: batch.kind,
      design: batch.design,
      designHash: designHash(batch.design),
      createdAt: new Date().toISOString(),
      command: [batch.kind, ...io.argv],
    });
  } catch (error) {
    await executor.close(); // its connections or threads would keep the process alive
    throw error;
  }
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const display = createProgressDisplay(process.stderr);
  const started = performance.now();
  try {
    const outcome = await runBatch(store, batch.tasks, executor, { onProgress: (p) => display.update(p), signal: controller.signal });
    display.end();
    store.close();
    const runs = store.readRuns();
    const extra = await beforeManifest?.(runs);
    const manifest = await store.finalize(batch.plan, {
      csv: format === 'csv',
      wallTimeMs: performance.now() - started,
      files: batch.extraFiles ?? [],
      ...(extra ? { extra } : {}),
    });
    return { runs, outcome, manifest };
  } catch (error) {
    display.end();
    store.close();
    if (isAbortError(error)) {
      process.stderr.write(`stopped: ${store.stored} of ${batch.plan.length} runs are stored in ${batch.dir}; run the same command again to resume\n`);
      return undefined;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
    await executor.close();
  }
}
