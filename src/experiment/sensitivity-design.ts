/**
 * Planning a global sensitivity analysis over a scenario's uncertain parameters (issue 4): Morris
 * elementary effects for screening many parameters, Sobol' indices for apportioning variance.
 * Every design point runs with the same seeds (replication r has seed (master, 0, r) at every
 * point): common random numbers, so the difference between two points is the parameters' doing,
 * not the draws'. Outputs per point are means over the replications.
 */
import { applyPoint, type ResolvedScenario } from '../scenario/index.ts';
import type { RunRequest } from './batch.ts';
import { uncertainFactors } from './compare.ts';
import type { PlannedRun, StoredRun } from '../results/index.ts';
import { outcomeOf, type OutcomeStat } from './comparison-report.ts';
import { deriveSeed } from './run-key.ts';
import { morrisDesign, saltelliDesign, type Factor, type MorrisDesign, type SaltelliDesign } from './sampling.ts';
import { morrisIndices, sobolIndices, type MorrisIndex, type SobolIndex } from './sensitivity.ts';
import { SimError } from '../errors.ts';

export type SensitivityMethod = 'morris' | 'sobol';

export type SensitivityDesign = { readonly method: 'morris'; readonly design: MorrisDesign } | { readonly method: 'sobol'; readonly design: SaltelliDesign };

export interface SensitivitySettings {
  readonly method: SensitivityMethod;
  /** Morris: trajectories; Sobol': base samples n (a power of two is best). */
  readonly size: number;
  readonly replications: number;
  readonly masterSeed: number;
  /** Only these uncertain parameters (default: all). */
  readonly factors?: readonly string[];
}

export function sensitivityFactors(scenario: ResolvedScenario, only?: readonly string[]): Factor[] {
  const all = uncertainFactors(scenario);
  if (all.length === 0) throw new SimError('SIM_ERR_CLI_USAGE', `${scenario.name} has no uncertainties to analyse`);
  if (!only) return all;
  for (const name of only) {
    if (!all.some((f) => f.name === name)) {
      throw new SimError('SIM_ERR_CLI_USAGE', `--factors: "${name}" is not among ${scenario.name}'s uncertainties (${all.map((f) => f.name).join(', ')})`);
    }
  }
  return all.filter((f) => only.includes(f.name));
}

export function sensitivityDesign(factors: readonly Factor[], settings: SensitivitySettings): SensitivityDesign {
  return settings.method === 'morris'
    ? { method: 'morris', design: morrisDesign(factors, settings.size, 4, settings.masterSeed) }
    : { method: 'sobol', design: saltelliDesign(factors, settings.size, settings.masterSeed) };
}

/** One group (task, one run) per design point and replication. */
export function sensitivityGroups(scenario: ResolvedScenario, design: SensitivityDesign, replications: number, masterSeed: number): RunRequest[][] {
  const { points, factors } = design.design;
  const groups: RunRequest[][] = [];
  points.forEach((row, p) => {
    const parameters = Object.fromEntries(factors.map((f, k) => [f.name, row[k] as number]));
    const pointed = applyPoint(scenario, parameters, `${scenario.name} at design point ${p}`);
    for (let r = 0; r < replications; r++) {
      groups.push([{ scenario: pointed, option: 0, point: p, replication: r, seed: deriveSeed(masterSeed, 0, r), parameters }]);
    }
  });
  return groups;
}

export type SensitivityIndices = { readonly method: 'morris'; readonly indices: MorrisIndex[] } | { readonly method: 'sobol'; readonly indices: SobolIndex[] };

/** The indices of one metric from stored runs (mean outcome over replications at each point). */
export function sensitivityIndices(
  design: SensitivityDesign,
  plan: readonly PlannedRun[],
  runs: ReadonlyMap<string, StoredRun>,
  metric: string,
  stat: OutcomeStat,
  options: { bootstrap: number; seed: number },
): SensitivityIndices {
  const P = design.design.points.length;
  const sums = new Float64Array(P);
  const counts = new Float64Array(P);
  for (const p of plan) {
    const run = runs.get(p.key);
    if (run?.status !== 'done') continue;
    sums[p.point] = (sums[p.point] as number) + outcomeOf(run, metric, stat, p.decisionTick);
    counts[p.point] = (counts[p.point] as number) + 1;
  }
  const missing = [...counts].filter((c) => c === 0).length;
  if (missing > 0) throw new SimError('SIM_ERR_RESULTS_READ', `${missing} of ${P} design points have no completed run; rerun the command to complete them`);
  const outputs = sums.map((s, p) => s / (counts[p] as number));
  return design.method === 'morris'
    ? { method: 'morris', indices: morrisIndices(design.design, outputs, options) }
    : { method: 'sobol', indices: sobolIndices(design.design, outputs, options) };
}
