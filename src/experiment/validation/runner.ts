/**
 * Runs of the regional model for validation: a variant is a resolved scenario plus a change of
 * parameters; each (variant, seed) runs once and is cached, since several patterns share runs.
 * Runs keep the simulation so patterns can read the world at chosen ticks (e.g. crossings before
 * and after an offensive).
 */
import { produce } from 'immer';
import { Recorder } from '../../engine/index.ts';
import {
  SAHEL_METRICS,
  SahelSaharaSimulation,
  cohortDestinations,
  markCohort,
  type CohortDestinations,
  type SahelSaharaParams,
} from '../../models/index.ts';
import { resolveScenario, type ResolvedScenario } from '../../scenario/index.ts';

/** What patterns read of a run: the series, and matrices at the mark and at the end. */
export interface ValidationRun {
  readonly series: (metric: string) => Float64Array;
  readonly countries: readonly string[];
  /** Border crossings of fighters, `[from * C + to]`: all, foreign to `from`, and going home to `to`. */
  readonly crossings: { readonly mark: Float64Array; readonly final: Float64Array };
  readonly foreign: { readonly mark: Float64Array; readonly final: Float64Array };
  readonly home: { readonly mark: Float64Array; readonly final: Float64Array };
  readonly trustFinal: Float64Array;
  readonly groupFunds: ReadonlyMap<string, number>;
  readonly groupRecruits: ReadonlyMap<string, number>;
  /** Where the foreign fighters marked in `cohort.country` at the mark were `cohort.weeks` later. */
  readonly destinations?: CohortDestinations;
}

export interface Variant {
  readonly key: string;
  readonly scenario: ResolvedScenario;
  /** Tick at which to snapshot the crossing matrices (e.g. the offensive). */
  readonly markTick?: number;
  /** Trace the foreign fighters standing in this country at the mark, for this many weeks. */
  readonly cohort?: { readonly country: string; readonly weeks: number };
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
  variant(key: string, base: ResolvedScenario, recipe?: (params: SahelSaharaParams) => void, options: Omit<Variant, 'key' | 'scenario'> = {}): Variant {
    const params = recipe ? produce(base.params as SahelSaharaParams, recipe) : (base.params as SahelSaharaParams);
    return { key, scenario: { ...base, params }, ...options };
  }

  run(variant: Variant, seed: number): ValidationRun {
    const cacheKey = `${variant.key}#${seed}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const sim = new SahelSaharaSimulation(variant.scenario.params as SahelSaharaParams, seed);
    const metrics = SAHEL_METRICS;
    const recorder = new Recorder(metrics, variant.scenario.ticks + 1);
    sim.measure(recorder.row);
    recorder.commitRow();
    const C = sim.world.countryCount;
    let crossingsAtMark = new Float64Array(C * C);
    let foreignAtMark = new Float64Array(C * C);
    let homeAtMark = new Float64Array(C * C);
    const cohortCountry = variant.cohort ? sim.world.countries.indexOf(variant.cohort.country) : -1;
    let destinations: CohortDestinations | undefined;
    while (sim.tick < variant.scenario.ticks) {
      if (sim.tick === variant.markTick) {
        crossingsAtMark = sim.world.crossings.slice();
        foreignAtMark = sim.world.foreignCrossings.slice();
        homeAtMark = sim.world.homeCrossings.slice();
        if (cohortCountry > 0) markCohort(sim.world, cohortCountry);
      }
      if (variant.cohort && variant.markTick !== undefined && sim.tick === variant.markTick + variant.cohort.weeks) {
        destinations = cohortDestinations(sim.world, cohortCountry);
      }
      sim.step();
      sim.measure(recorder.row);
      recorder.commitRow();
    }
    const w = sim.world;
    const run: ValidationRun = {
      series: (m) => recorder.column(m),
      countries: w.countries,
      crossings: { mark: crossingsAtMark, final: w.crossings.slice() },
      foreign: { mark: foreignAtMark, final: w.foreignCrossings.slice() },
      home: { mark: homeAtMark, final: w.homeCrossings.slice() },
      trustFinal: w.trust.slice(),
      groupFunds: new Map(w.groups.map((g, i) => [g, w.groupFunds[i] as number])),
      groupRecruits: new Map(w.groups.map((g, i) => [g, w.groupRecruits[i] as number])),
      destinations,
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
