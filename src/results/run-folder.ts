/**
 * The folder of a `run`: `manifest.json` (what was run, by which code, with which seeds, so it can
 * be reproduced), `series.csv` and `summary.csv`, plus any extra tables a model provides.
 */
import { join } from 'node:path';
import { codeVersion, type CodeVersion } from './code-version.ts';
import { writeFolderAtomically } from './atomic-folder.ts';
import { modelTableCsv, modelTableNames, seriesCsv, summaryCsv, type SeedRun } from './tables.ts';

export interface RunManifest {
  readonly kind: 'run';
  readonly tool: 'sahel-sahara';
  readonly code: CodeVersion;
  readonly createdAt: string;
  readonly command: readonly string[];
  readonly scenarioFiles: readonly string[];
  readonly overrides: readonly string[];
  readonly scenarioHash: string;
  readonly scenario: unknown;
  readonly model: string;
  readonly seeds: readonly number[];
  readonly ticks: number;
  readonly metrics: readonly string[];
  readonly wallTimeMs: number;
  readonly files: readonly string[];
}

export interface RunFolderInput {
  readonly dir: string;
  readonly manifest: Omit<RunManifest, 'kind' | 'tool' | 'code' | 'files'>;
  readonly runs: readonly SeedRun[];
}

export function writeRunFolder(input: RunFolderInput): string {
  const { dir, runs, manifest } = input;
  const files: Record<string, string> = {
    'series.csv': seriesCsv(manifest.metrics, runs),
    'summary.csv': summaryCsv(manifest.metrics, runs),
  };
  for (const name of modelTableNames(runs)) files[`${name}.csv`] = modelTableCsv(name, runs);
  const full: RunManifest = { kind: 'run', tool: 'sahel-sahara', code: codeVersion(), ...manifest, files: Object.keys(files).sort() };
  files['manifest.json'] = JSON.stringify(full, null, 2) + '\n';
  writeFolderAtomically(dir, files);
  return join(dir, 'manifest.json');
}
