import { join } from 'node:path';
import {
  headlineMetrics,
  planTasks,
  sensitivityDesign,
  sensitivityFactors,
  sensitivityGroups,
  sensitivityIndices,
  type OutcomeStat,
  type SensitivityIndices,
} from '../../experiment/index.ts';
import { writeJsonAtomically } from '../../results/index.ts';
import { modelOf, resolveScenario, scenarioHash } from '../../scenario/index.ts';
import { SimError } from '../../errors.ts';
import { integerOption, onePositional, parseCommandArgs } from '../args.ts';
import { BATCH_OPTIONS, checkExecutorFlags, designHash, INTERRUPTED, runPlannedBatch, type BatchIo } from '../batch-runner.ts';
import { formatTable, short } from '../print.ts';

export const sensitivityHelp = `Usage: sahel-sahara sensitivity <scenario> [--method morris|sobol] [--trajectories R | --samples N]
                                [--seeds K] [--factors a,b,...] [--metrics a,b,...] [--stat S]
                                [--bootstrap B] [--master-seed S] [--set path=value]...
                                [--workers N | --executor bullmq --redis URL [--queue NAME]] [--out DIR] [--format parquet|csv] [--json]

Global sensitivity of the outcomes to the scenario's uncertain parameters (its \`uncertainties\`):

  morris  elementary effects (Morris 1991) on R trajectories (default 10) of k+1 points each:
          μ* (mean absolute effect over the factor's whole range: importance) with a bootstrap
          95 % CI, σ (spread: non-linearity or interactions) and μ (signed mean effect)
  sobol   first-order S1 and total ST indices (Saltelli et al. 2010; Jansen 1999) on a Saltelli
          design of N (default 64; a power of two) × (k + 2) points, with bootstrap 95 % CIs

Every point runs with the same K seeds (default 2; common random numbers) and its output is the
mean over them. Like batch, it stores each run as it finishes and resumes when rerun.

Options:
  --factors LIST   only these uncertain parameters (default: all)
  --metrics LIST   outcomes to analyse (default: the model's headline metrics)
  --stat S         a run's outcome per metric: after (default; mean from the decision, or the
                   whole run without one), mean, final, max
  --bootstrap B    bootstrap resamples for the CIs (default 1000)
  --master-seed S  seed of the design and the runs (default 1)
  --workers N, --executor E, --redis URL, --queue NAME, --out DIR, --format F,
  --set path=value: as for batch
  --json           print sensitivity.json instead of tables`;

export async function sensitivity(argv: string[], io: BatchIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('sensitivity', argv, {
    ...BATCH_OPTIONS,
    method: { type: 'string' },
    trajectories: { type: 'string' },
    samples: { type: 'string' },
    seeds: { type: 'string' },
    factors: { type: 'string' },
    metrics: { type: 'string' },
    stat: { type: 'string' },
    bootstrap: { type: 'string' },
    'master-seed': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return io.out(sensitivityHelp), 0;
  const file = onePositional('sensitivity', positionals);
  const method = values.method ?? 'morris';
  if (method !== 'morris' && method !== 'sobol') throw new SimError('SIM_ERR_CLI_USAGE', `--method ${method}: expected morris or sobol`);
  if (method === 'morris' && values.samples !== undefined) throw new SimError('SIM_ERR_CLI_USAGE', '--samples is for --method sobol; morris takes --trajectories');
  if (method === 'sobol' && values.trajectories !== undefined) throw new SimError('SIM_ERR_CLI_USAGE', '--trajectories is for --method morris; sobol takes --samples');
  const size = method === 'morris' ? (integerOption('trajectories', values.trajectories, 2) ?? 10) : (integerOption('samples', values.samples, 2) ?? 64);
  const replications = integerOption('seeds', values.seeds, 1) ?? 2;
  const bootstrap = integerOption('bootstrap', values.bootstrap, 0) ?? 1000;
  const masterSeed = integerOption('master-seed', values['master-seed'], 0) ?? 1;
  checkExecutorFlags(values);
  const stat = (values.stat ?? 'after') as OutcomeStat;
  if (!['after', 'mean', 'final', 'max'].includes(stat)) throw new SimError('SIM_ERR_CLI_USAGE', `--stat ${values.stat}: expected after, mean, final or max`);

  const resolution = resolveScenario(file, { set: values.set ?? [] });
  const scenario = resolution.scenario;
  const known = modelOf(scenario).definition.metrics;
  const metrics = values.metrics ? values.metrics.split(',').map((m) => m.trim()) : [...headlineMetrics(scenario)];
  for (const m of metrics) if (!known.includes(m)) throw new SimError('SIM_ERR_CLI_USAGE', `sensitivity: unknown metric "${m}"; expected one of ${known.join(', ')}`);
  const factors = sensitivityFactors(scenario, values.factors?.split(',').map((f) => f.trim()));
  const design = sensitivityDesign(factors, { method, size, replications, masterSeed });
  const { plan, tasks } = planTasks(sensitivityGroups(scenario, design, replications, masterSeed));
  const identity = { scenario: scenarioHash(scenario), method, size, replications, masterSeed, factors: factors.map((f) => f.name), overrides: values.set ?? [] };
  const dir = values.out ?? join('results', `sensitivity-${designHash(identity).slice(0, 10)}`);
  let results: { metric: string; result: SensitivityIndices }[] = [];
  const outcome = await runPlannedBatch(
    { kind: 'sensitivity', dir, design: { ...identity, factorRanges: factors, scenariosResolved: [scenario] }, plan, tasks, flags: values, extraFiles: ['sensitivity.json'] },
    io,
    (runs) => {
      results = metrics.map((metric) => ({ metric, result: sensitivityIndices(design, plan, runs, metric, stat, { bootstrap, seed: masterSeed }) }));
      const document = { kind: 'sensitivity', scenario: scenario.name, method, size, points: design.design.points.length, replications, stat, factors, metrics: results };
      writeJsonAtomically(join(dir, 'sensitivity.json'), document);
      return { report: 'sensitivity.json' };
    },
  );
  if (!outcome) return INTERRUPTED;
  if (values.json) return io.out(JSON.stringify(results, null, 2)), 0;
  io.out(
    `${method === 'morris' ? `Morris, ${size} trajectories` : `Sobol', N = ${size}`}: ${design.design.points.length} points × ${replications} seeds = ${plan.length} runs over ${factors.length} uncertain parameters. Results in ${dir}\n`,
  );
  const ci = (v: number, lo: number, hi: number) => `${short(v)} [${short(lo)}, ${short(hi)}]`;
  for (const { metric, result } of results) {
    if (result.method === 'morris') {
      const rows = [...result.indices].sort((a, b) => b.muStar - a.muStar).map((i) => [i.factor, ci(i.muStar, i.muStarLow, i.muStarHigh), short(i.sigma), short(i.mu)]);
      io.out(`${metric}: elementary effects over each parameter's whole range\n\n${formatTable(['parameter', 'μ* [95% CI]', 'σ', 'μ'], rows)}\n`);
    } else {
      const rows = [...result.indices].sort((a, b) => b.ST - a.ST).map((i) => [i.factor, ci(i.S1, i.S1Low, i.S1High), ci(i.ST, i.STLow, i.STHigh)]);
      io.out(`${metric}: share of the output variance\n\n${formatTable(['parameter', 'S1 [95% CI]', 'ST [95% CI]'], rows)}\n`);
    }
  }
  return outcome.manifest.runs && outcome.manifest.runs.done === plan.length ? 0 : 1;
}
