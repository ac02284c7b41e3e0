/**
 * Map frames of runs, computed on a piscina worker thread (the server's event loop never runs a
 * simulation) and kept in a small cache per (folder, manifest stamp, seed): replaying a run takes
 * from a fraction of a second to several seconds, and a user scrubbing the slider or reloading
 * asks for the same run again. Concurrent requests for one run share one computation; a failure
 * is not cached.
 */
import { Piscina } from 'piscina';
import type { EncodedFrames, FramesOutcome, FramesTask } from './frames-worker.ts';
import { piscinaWorkerAsync } from '../experiment/worker-bundle.ts';
import { sourceUrl } from '../package-root.ts';

export interface FrameStoreOptions {
  /** Worker threads replaying runs (default 1: a local viewer, and the batch commands may be busy). */
  readonly workers?: number;
  /** Runs kept (default 12). */
  readonly cacheEntries?: number;
  /** Refuse runs whose layers exceed this many bytes (default 64 MB). */
  readonly maxBytes?: number;
}

export class FrameStore {
  /** Started on the first request; the worker bundle is built off the event loop meanwhile. */
  private pool: Promise<Piscina<FramesTask, FramesOutcome>> | undefined;
  private readonly cache = new Map<string, Promise<FramesOutcome>>();
  private readonly workers: number;
  private readonly cacheEntries: number;
  readonly maxBytes: number;

  constructor(options: FrameStoreOptions = {}) {
    this.workers = options.workers ?? 1;
    this.cacheEntries = options.cacheEntries ?? 12;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  /** The frames of one run; `key` identifies (folder, manifest version, seed). */
  get(key: string, scenario: unknown, seed: number): Promise<FramesOutcome> {
    const cached = this.cache.get(key);
    if (cached) {
      // Most recently used last: Map keeps insertion order, so re-insert.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    this.pool ??= piscinaWorkerAsync(sourceUrl('server/frames-worker.ts')).then(
      // Bundled, as the local executor's workers (worker-bundle.ts).
      (worker) => new Piscina<FramesTask, FramesOutcome>({ ...worker, minThreads: 0, maxThreads: this.workers, idleTimeout: 30_000 }),
    );
    const pending = this.pool.then((pool) => pool.run({ scenario, seed, maxBytes: this.maxBytes }));
    this.cache.set(key, pending);
    pending.then(
      (outcome) => {
        if (!outcome.ok) this.cache.delete(key);
      },
      () => this.cache.delete(key),
    );
    while (this.cache.size > this.cacheEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return pending;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.cache.clear();
    if (pool) await (await pool).destroy();
  }
}

export type { EncodedFrames, FramesOutcome };
