/**
 * The tables of a run folder, built from recorded metrics: `series.csv` (one row per seed and
 * tick) and `summary.csv` (one row per seed: final, max and mean of each metric).
 */
import type { Recorder, Table } from '../engine/index.ts';
import { csvLine } from './csv.ts';

export interface SeedRun {
  readonly seed: number;
  readonly recorder: Recorder;
  readonly tables?: Readonly<Record<string, Table>>;
}

export interface MetricSummary {
  readonly final: number;
  readonly max: number;
  readonly mean: number;
}

export function summarise(values: Float64Array): MetricSummary {
  let max = -Infinity;
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (v > max) max = v;
    sum += v;
  }
  return { final: values[values.length - 1] ?? Number.NaN, max, mean: values.length > 0 ? sum / values.length : Number.NaN };
}

export function seriesCsv(metrics: readonly string[], runs: readonly SeedRun[]): string {
  let out = csvLine(['seed', 'tick', ...metrics]);
  for (const run of runs) {
    const columns = metrics.map((m) => run.recorder.column(m));
    for (let tick = 0; tick < run.recorder.length; tick++) {
      out += csvLine([run.seed, tick, ...columns.map((c) => c[tick] as number)]);
    }
  }
  return out;
}

export function summaryCsv(metrics: readonly string[], runs: readonly SeedRun[]): string {
  let out = csvLine(['seed', 'ticks', ...metrics.flatMap((m) => [`${m}_final`, `${m}_max`, `${m}_mean`])]);
  for (const run of runs) {
    const cells: number[] = [run.seed, run.recorder.length - 1];
    for (const m of metrics) {
      const s = summarise(run.recorder.column(m));
      cells.push(s.final, s.max, s.mean);
    }
    out += csvLine(cells);
  }
  return out;
}

/** A model's end-of-run table across seeds: `seed,<columns>...`, seeds in run order. */
export function modelTableCsv(name: string, runs: readonly SeedRun[]): string {
  const first = runs.find((r) => r.tables?.[name])?.tables?.[name];
  if (!first) return '';
  let out = csvLine(['seed', ...first.columns]);
  for (const run of runs) for (const row of run.tables?.[name]?.rows ?? []) out += csvLine([run.seed, ...row]);
  return out;
}

/** The names of every model table in the runs, sorted. */
export function modelTableNames(runs: readonly SeedRun[]): string[] {
  return [...new Set(runs.flatMap((r) => Object.keys(r.tables ?? {})))].sort();
}
