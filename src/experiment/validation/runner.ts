/**
 * Runs of the regional model for validation: a variant is a resolved scenario plus a change of
 * parameters; each (variant, seed) runs once and is cached, since several patterns share runs.
 * A cached run keeps its series, tables and a few final values, not the world.
 */
import { produce } from 'immer';
import { Recorder, type Table } from '../../engine/index.ts';
import { SAHEL_METRICS, SahelSaharaSimulation, type SahelSaharaParams } from '../../models/index.ts';
import { resolveScenario, type ResolvedScenario } from '../../scenario/index.ts';

/** What patterns read of a run: its series, its end-of-run tables, and a few final values. */
export interface ValidationRun {
  readonly series: (metric: string) => Float64Array;
  readonly tables: Readonly<Record<string, Table>>;
  readonly countries: readonly string[];
  readonly trustFinal: Float64Array;
  readonly groupFunds: ReadonlyMap<string, number>;
  readonly groupRecruits: ReadonlyMap<string, number>;
}

export interface Variant {
  readonly key: string;
  readonly scenario: ResolvedScenario;
}

export class ValidationRunner {
  private readonly cache = new Map<string, ValidationRun>();
  runs = 0;

  /** `set`: `--set` overrides applied to every scenario the patterns read. */
  constructor(
    private readonly root: string,
    private readonly set: readonly string[] = [],
  ) {}

  scenario(file: string): ResolvedScenario {
    return resolveScenario(`${this.root}/${file}`, { set: this.set }).scenario;
  }

  /** A variant of `base` with its parameters changed by `recipe` (immer draft). */
  variant(key: string, base: ResolvedScenario, recipe?: (params: SahelSaharaParams) => void): Variant {
    const params = recipe ? produce(base.params as SahelSaharaParams, recipe) : (base.params as SahelSaharaParams);
    return { key, scenario: { ...base, params } };
  }

  run(variant: Variant, seed: number): ValidationRun {
    const cacheKey = `${variant.key}#${seed}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const sim = new SahelSaharaSimulation(variant.scenario.params as SahelSaharaParams, seed);
    const recorder = new Recorder(SAHEL_METRICS, variant.scenario.ticks + 1);
    sim.measure(recorder.row);
    recorder.commitRow();
    while (sim.tick < variant.scenario.ticks) {
      sim.step();
      sim.measure(recorder.row);
      recorder.commitRow();
    }
    const w = sim.world;
    const run: ValidationRun = {
      series: (m) => recorder.column(m),
      tables: sim.tables(),
      countries: w.countries,
      trustFinal: w.trust.slice(),
      groupFunds: new Map(w.groups.map((g, i) => [g, w.groupFunds[i] as number])),
      groupRecruits: new Map(w.groups.map((g, i) => [g, w.groupRecruits[i] as number])),
    };
    this.cache.set(cacheKey, run);
    this.runs++;
    return run;
  }
}

export function mean(values: ArrayLike<number>, from = 0, to = values.length): number {
  let sum = 0;
  for (let k = from; k < to; k++) sum += values[k] as number;
  return to > from ? sum / (to - from) : 0;
}

export function max(values: ArrayLike<number>, from = 0, to = values.length): number {
  let best = -Infinity;
  for (let k = from; k < to; k++) best = Math.max(best, values[k] as number);
  return best;
}

export function sum(values: ArrayLike<number>, from = 0, to = values.length): number {
  return mean(values, from, to) * (to - from);
}
