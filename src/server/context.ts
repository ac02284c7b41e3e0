/** What the route plugins share: the results they may read, the Parquet reader and the frames pool. */
import type { CsvCache } from './csv-cache.ts';
import type { FrameStore } from './frame-store.ts';
import type { ParquetQueries } from './parquet-query.ts';
import type { ResultsRoot } from './result-folders.ts';

export interface ServerContext {
  readonly results: ResultsRoot;
  readonly parquet: ParquetQueries;
  readonly frames: FrameStore;
  readonly csv: CsvCache;
  readonly limits: Limits;
}

/** Response bounds (tests lower them to reach them with small fixtures). */
export interface Limits {
  /** Values (series × ticks) per series response. */
  readonly seriesValues: number;
}

export interface RoutesOptions {
  readonly context: ServerContext;
}
