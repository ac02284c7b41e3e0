/** Result folders: atomic writing, deterministic CSV, manifests. */
export { writeFolderAtomically, isReplaceable } from './atomic-folder.ts';
export { writeRunFolder } from './run-folder.ts';
export { seriesCsv, summaryCsv, summarise } from './tables.ts';
export { csvLine, formatNumber } from './csv.ts';
export { codeVersion } from './code-version.ts';

export type { RunManifest, RunFolderInput } from './run-folder.ts';
export type { SeedRun, MetricSummary } from './tables.ts';
export type { CodeVersion } from './code-version.ts';
