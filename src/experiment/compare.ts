/**
 * Planning a fair comparison of options (issue 4): every option runs at the same design points
 * over the scenario's uncertain parameters and with the same seeds, a run's seed deriving from
 * (master seed, point, replication), never from the option — so with the model's keyed draws
 * (or named streams) the options share their random numbers, and the run up to the decision is computed once per
 * point and seed and continued for each option (one task per point and replication).
 */
import { SimError } from '../errors.ts';
import { applyPoint, type ResolvedScenario } from '../scenario/index.ts';
import type { RunRequest } from './batch.ts';
import { deriveSeed } from './run-key.ts';
import { gridSample, latinHypercube, type Factor } from './sampling.ts';

export type SampleMethod = 'lhs' | 'grid';

export interface ComparisonDesign {
  /** The options, the baseline first. */
  readonly options: readonly ResolvedScenario[];
  /** The design points (parameter path → value); one empty point when nothing is sampled. */
  readonly points: readonly Readonly<Record<string, number>>[];
  readonly factors: readonly Factor[];
  readonly replications: number;
  readonly masterSeed: number;
  readonly sample: SampleMethod | 'none';
}

/** The uncertain parameters of a scenario (its `params.uncertainties`), sorted by path. */
export function uncertainFactors(scenario: ResolvedScenario): Factor[] {
  const ranges = ((scenario.params as { uncertainties?: Record<string, { min: number; max: number }> }).uncertainties ?? {}) as Record<string, { min: number; max: number }>;
  return Object.entries(ranges)
    .map(([name, r]) => ({ name, min: r.min, max: r.max }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function designPoints(factors: readonly Factor[], count: number, sample: SampleMethod, seed: number): Record<string, number>[] {
  if (count === 0) return [{}];
  if (factors.length === 0) {
    throw new SimError('SIM_ERR_CLI_USAGE', `--points ${count}: the baseline scenario has no uncertainties to sample; use --points 0`);
  }
  let rows: number[][];
  if (sample === 'grid') {
    const levels = Math.floor(count ** (1 / factors.length) + 1e-9);
    if (levels < 2) {
      throw new SimError(
        'SIM_ERR_CLI_USAGE',
        `--sample grid --points ${count}: a grid over ${factors.length} uncertain parameters needs at least 2^${factors.length} points; use --sample lhs`,
      );
    }
    rows = gridSample(factors, levels);
  } else {
    rows = latinHypercube(factors, count, seed);
  }
  return rows.map((row) => Object.fromEntries(factors.map((f, k) => [f.name, row[k] as number])));
}

export function planComparison(
  options: readonly ResolvedScenario[],
  settings: { points: number; sample: SampleMethod; replications: number; masterSeed: number },
): { design: ComparisonDesign; groups: RunRequest[][] } {
  const factors = uncertainFactors(options[0] as ResolvedScenario);
  const points = designPoints(factors, settings.points, settings.sample, settings.masterSeed);
  return {
    design: { options, points, factors, replications: settings.replications, masterSeed: settings.masterSeed, sample: settings.points === 0 ? 'none' : settings.sample },
    groups: comparisonGroups(options, points, settings.replications, settings.masterSeed),
  };
}

/** One group (task) per design point and replication, holding every option at that point. */
export function comparisonGroups(
  options: readonly ResolvedScenario[],
  points: readonly Readonly<Record<string, number>>[],
  replications: number,
  masterSeed: number,
): RunRequest[][] {
  const groups: RunRequest[][] = [];
  points.forEach((point, p) => {
    const pointed = options.map((scenario) => (Object.keys(point).length === 0 ? scenario : applyPoint(scenario, point, `${scenario.name} at design point ${p}`)));
    for (let r = 0; r < replications; r++) {
      const seed = deriveSeed(masterSeed, p, r);
      groups.push(pointed.map((scenario, option) => ({ scenario, option, point: p, replication: r, seed, parameters: point })));
    }
  });
  return groups;
}

/** One group (task) per scenario and seed: unrelated scenarios share nothing, and small tasks resume finely. */
export function batchGroups(scenarios: readonly ResolvedScenario[], seeds: readonly number[]): RunRequest[][] {
  return scenarios.flatMap((scenario, option) => seeds.map((seed, replication) => [{ scenario, option, point: 0, replication, seed, parameters: {} }]));
}
