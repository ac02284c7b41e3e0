/**
 * Running a resolved scenario for a list of seeds, in this process, one seed after another. The
 * batch executor (worker threads, a queue) builds on the same `runOne`.
 */
import { runSimulation, type Recorder, type Table } from '../engine/index.ts';
import { modelOf, type ResolvedScenario } from '../scenario/index.ts';

export interface SeedResult {
  readonly seed: number;
  readonly recorder: Recorder;
  readonly tables: Record<string, Table>;
  readonly wallTimeMs: number;
}

export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly seed: number;
  readonly wallTimeMs: number;
}

export function runOne(scenario: ResolvedScenario, seed: number): SeedResult {
  const started = performance.now();
  const { definition } = modelOf(scenario);
  const result = runSimulation(definition, scenario.params as never, seed, scenario.ticks);
  return { seed, recorder: result.recorder, tables: result.tables, wallTimeMs: performance.now() - started };
}

export function runSeeds(
  scenario: ResolvedScenario,
  seeds: readonly number[],
  onProgress?: (progress: RunProgress) => void,
): SeedResult[] {
  const results: SeedResult[] = [];
  for (const seed of seeds) {
    const result = runOne(scenario, seed);
    results.push(result);
    onProgress?.({ done: results.length, total: seeds.length, seed, wallTimeMs: result.wallTimeMs });
  }
  return results;
}
