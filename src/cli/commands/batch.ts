import { join } from 'node:path';
import { batchGroups, meanInterval, metricDirections, outcomeOf, parseSeedList, planTasks } from '../../experiment/index.ts';
import type { StoredRun } from '../../results/index.ts';
import { resolveScenario, scenarioHash, type ResolvedScenario } from '../../scenario/index.ts';
import { SimError } from '../../errors.ts';
import { integerOption, parseCommandArgs } from '../args.ts';
import { BATCH_OPTIONS, checkExecutorFlags, designHash, INTERRUPTED, runPlannedBatch, type BatchIo } from '../batch-runner.ts';
import { formatTable, short } from '../print.ts';

export const batchHelp = `Usage: sahel-sahara batch <scenario>... [--seeds LIST] [--set path=value]... [--ticks N]
                          [--workers N | --executor bullmq --redis URL [--queue NAME]]
                          [--out DIR] [--format parquet|csv]

Runs every scenario with every seed on all cores, storing each run as it finishes. Killed or
stopped with Ctrl-C, it resumes when run again with the same arguments: stored runs are skipped,
and the results are the same as those of an uninterrupted batch.

Options:
  --seeds LIST       seeds as N, A..B (inclusive) or A,B,C; default: the first scenario's seeds
  --set path=value   override a parameter in every scenario (repeatable)
  --ticks N          override the scenarios' number of ticks
  --workers N        worker threads (default: the available cores; 0: run in this thread)
  --executor E       local (default: worker threads here) or bullmq (tasks go to a Redis queue,
                     run by sahel-sahara worker processes on any machines; see README)
  --redis URL        Redis for --executor bullmq: redis://[user:password@]host:port, rediss:// (TLS)
  --queue NAME       BullMQ queue name (default sahel-sahara)
  --out DIR          result folder (default results/batch-<hash>/)
  --format F         parquet (default) or csv: also write every table as CSV
  -h, --help         show this help

Writes manifest.json (the design, seeds, scenario hashes, code version), runs.parquet (key,
scenario, seed, status, attempts, wall time), summary.parquet (per run and metric: final, max,
mean, mean from the decision), series.parquet (per run and tick), one Parquet file per model table,
and journal.ndjson (the runs as they finished, for resuming).`;

export async function batch(argv: string[], io: BatchIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('batch', argv, {
    ...BATCH_OPTIONS,
    seeds: { type: 'string' },
    ticks: { type: 'string' },
  });
  if (values.help) return io.out(batchHelp), 0;
  if (positionals.length === 0) throw new SimError('SIM_ERR_CLI_USAGE', 'batch: expected one or more scenario files (see sahel-sahara batch --help)');
  const cliSeeds = values.seeds === undefined ? undefined : parseSeedList(values.seeds);
  checkExecutorFlags(values);
  const ticks = integerOption('ticks', values.ticks, 1);
  const resolutions = positionals.map((file) => resolveScenario(file, { set: values.set ?? [], ticks }));
  const scenarios = resolutions.map((r) => r.scenario);
  const seeds = cliSeeds ?? [...(scenarios[0] as ResolvedScenario).seeds];
  const names = scenarios.map((s) => s.name);
  if (new Set(names).size !== names.length) throw new SimError('SIM_ERR_CLI_USAGE', `batch: two scenarios have the same name (${names.join(', ')}); results are tabled by name`);

  const design = { scenarios: scenarios.map((s) => scenarioHash(s)), seeds, overrides: values.set ?? [] };
  const dir = values.out ?? join('results', `batch-${designHash(design).slice(0, 10)}`);
  const { plan, tasks } = planTasks(batchGroups(scenarios, seeds));
  const outcome = await runPlannedBatch(
    {
      kind: 'batch',
      dir,
      design: { ...design, scenarioFiles: resolutions.map((r) => r.files), scenariosResolved: scenarios },
      plan,
      tasks,
      flags: values,
    },
    io,
  );
  if (!outcome) return INTERRUPTED;
  const { runs, manifest } = outcome;
  io.out(`${manifest.runs?.done ?? 0} of ${plan.length} runs done${outcome.outcome.skipped > 0 ? ` (${outcome.outcome.skipped} were already stored)` : ''}; results in ${dir}`);
  io.out('');
  io.out(batchSummary(scenarios, plan, runs));
  const bad = (manifest.runs?.failed ?? 0) + (manifest.runs?.invalid ?? 0);
  if (bad > 0) {
    const examples = plan.map((p) => runs.get(p.key)).filter((r): r is StoredRun => r !== undefined && r.status !== 'done');
    io.out(`\n${bad} runs did not complete; first error: ${examples[0]?.error ?? 'unknown'}`);
    return 1;
  }
  return 0;
}

/** Per scenario, the mean over seeds of each headline metric's whole-run mean, with its 95 % CI. */
function batchSummary(scenarios: readonly ResolvedScenario[], plan: readonly { key: string; option: number }[], runs: ReadonlyMap<string, StoredRun>): string {
  const better = metricDirections(scenarios[0] as ResolvedScenario);
  const sample = [...runs.values()].find((r) => r.status === 'done');
  const metrics = (sample?.metrics ?? []).filter((m) => better[m] !== undefined || Object.keys(better).length === 0).slice(0, 6);
  const rows = scenarios.map((scenario, option) => {
    const done = plan.filter((p) => p.option === option).map((p) => runs.get(p.key)).filter((r): r is StoredRun => r?.status === 'done');
    return [
      scenario.name,
      String(done.length),
      ...metrics.map((metric) => {
        const values = done.map((r) => outcomeOf(r, metric, 'mean', undefined));
        const ci = meanInterval(values);
        return values.length > 1 ? `${short(ci.mean)} ± ${short(ci.high - ci.mean)}` : short(ci.mean);
      }),
    ];
  });
  return `Mean over the run, across seeds (± half-width of the 95 % CI):\n\n${formatTable(['scenario', 'runs', ...metrics], rows)}`;
}
