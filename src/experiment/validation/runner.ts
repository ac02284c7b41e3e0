/**
 * Runs of the regional model for validation: a variant is a resolved scenario plus a change of
 * parameters; each (variant, seed) runs once and is cached, since several patterns share runs.
 * Runs go through the executors' `executeTask`, one task per seed holding every variant the
 * patterns need (so the framework options fork at the decision, as in `compare`): `prefetch` runs
 * them on any executor (worker threads with `validate --workers`), and `run` hands them to the
 * patterns. A cached run keeps its series and tables, not the world.
 */
import { produce } from 'immer';
import type { Table } from '../../engine/index.ts';
import type { SahelSaharaParams } from '../../models/index.ts';
import { resolveScenario, type ResolvedScenario } from '../../scenario/index.ts';
import type { Executor } from '../executor.ts';
import type { RunOutput, Task } from '../task.ts';

/** What patterns read of a run: its series, its end-of-run tables, and a few final values. */
export interface ValidationRun {
  readonly series: (metric: string) => Float64Array;
  readonly tables: Readonly<Record<string, Table>>;
  /** Core states, after an empty entry 0 (no country), indexing `trustFinal`. */
  readonly countries: readonly string[];
  /** Final trust of i in j, `[i * countries.length + j]`. */
  readonly trustFinal: Float64Array;
  readonly groupFunds: ReadonlyMap<string, number>;
  readonly groupRecruits: ReadonlyMap<string, number>;
}

export interface Variant {
  readonly key: string;
  readonly scenario: ResolvedScenario;
}

/** A run's output as the patterns read it: trust from the relations table, funds and recruits from the groups table. */
function validationRun(output: RunOutput): ValidationRun {
  const { tables } = output;
  const relations = tables.relations?.rows ?? [];
  const countries = ['', ...new Set(relations.flatMap((r) => [r[0] as string, r[1] as string]))];
  const C = countries.length;
  const trustFinal = new Float64Array(C * C);
  for (const [from, to, , final] of relations) trustFinal[countries.indexOf(from as string) * C + countries.indexOf(to as string)] = final as number;
  const groups = tables.groups?.rows ?? [];
  return {
    series: (metric) => {
      const m = output.metrics.indexOf(metric);
      if (m < 0) throw new Error(`the regional model records no metric ${metric}`);
      return output.series.subarray(m * output.rows, (m + 1) * output.rows);
    },
    tables,
    countries,
    trustFinal,
    groupFunds: new Map(groups.map((r) => [r[0] as string, r[2] as number])),
    groupRecruits: new Map(groups.map((r) => [r[0] as string, r[3] as number])),
  };
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

  /** The task that runs the uncached `variants` for `seed`, or undefined when all are cached. */
  private task(variants: readonly Variant[], seed: number): Task | undefined {
    const runs = variants.filter((v) => !this.cache.has(`${v.key}#${seed}`)).map((v) => ({ key: `${v.key}#${seed}`, scenario: v.scenario }));
    return runs.length > 0 ? { id: runs[0]!.key, seed, runs } : undefined;
  }

  private store(outputs: readonly RunOutput[]): void {
    for (const output of outputs) {
      this.cache.set(output.key, validationRun(output));
      this.runs++;
    }
  }

  /** Runs every (variant, seed) not cached yet on `executor`, one task per seed; `onRun` counts finished runs. */
  async prefetch(variants: readonly Variant[], seeds: readonly number[], executor: Executor, onRun?: (done: number, total: number) => void): Promise<void> {
    const tasks = seeds.map((seed) => this.task(variants, seed)).filter((t): t is Task => t !== undefined);
    const total = tasks.reduce((n, t) => n + t.runs.length, 0);
    let done = 0;
    await executor.run(tasks, {
      onResult: (result) => {
        if (result.status !== 'done') throw new Error(`validation run ${result.id} failed: ${result.error}`);
        this.store(result.runs);
        done += result.runs.length;
        onRun?.(done, total);
      },
    });
  }

  /** A run computed by `prefetch`; a pattern that reads a variant it did not declare is a bug. */
  run(variant: Variant, seed: number): ValidationRun {
    const run = this.cache.get(`${variant.key}#${seed}`);
    if (!run) throw new Error(`validation run ${variant.key} for seed ${seed} was not computed: declare the variant in the pattern's variants`);
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
