/** Result folders: atomic writing, deterministic CSV, manifests. */
export { writeFolderAtomically, isReplaceable } from './atomic-folder.ts';
export { writeRunFolder } from './run-folder.ts';
export { seriesCsv, summaryCsv, summarise } from './tables.ts';
export { csvLine, formatNumber } from './csv.ts';
export { codeVersion } from './code-version.ts';
export { BatchStore, batchTables, writeFileAtomically, writeJsonAtomically } from './batch-store.ts';
export { writeParquet, writeParquetFiles, readParquet, parquetToCsv } from './parquet.ts';

export type { RunManifest, RunFolderInput } from './run-folder.ts';
export type { SeedRun, MetricSummary } from './tables.ts';
export type { CodeVersion } from './code-version.ts';
export type { BatchManifest, PlannedRun, StoredRun } from './batch-store.ts';
export type { ParquetColumn, ParquetTable } from './parquet.ts';
