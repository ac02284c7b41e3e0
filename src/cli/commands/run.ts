import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sahelAccount } from '../sahel-account.ts';
import { meanInterval, parseSeedList, runSeeds } from '../../experiment/index.ts';
import { summarise, writeRunFolder } from '../../results/index.ts';
import { resolveScenario, scenarioHash, sha256 } from '../../scenario/index.ts';
import { integerOption, onePositional, parseCommandArgs } from '../args.ts';
import { formatTable, short } from '../print.ts';
import { SimError } from '../../errors.ts';

export const runHelp = `Usage: sahel-sahara run <scenario> [--seed N | --seeds LIST] [--ticks N]
                        [--set path=value]... [--out DIR] [--json]

Runs a scenario once per seed, writes a result folder and prints a summary across seeds.

Options:
  --seed N           run one seed
  --seeds LIST       seeds as N, A..B (inclusive) or A,B,C; default: the scenario's seeds
  --ticks N          override the scenario's number of ticks
  --set path=value   override a parameter, e.g. --set legitimacy=0.7 (repeatable)
  --out DIR          result folder (default results/<name>-<hash>/); an existing result
                     folder is replaced atomically
  --json             print the summary as JSON instead of a table
  -h, --help         show this help

Writes manifest.json, series.csv (seed,tick,metrics...) and summary.csv (per seed: final, max
and mean of each metric).`;

export interface RunIo {
  out(text: string): void;
  progress(text: string): void;
  argv: readonly string[];
}

export function run(argv: string[], io: RunIo): number {
  const { values, positionals } = parseCommandArgs('run', argv, {
    seed: { type: 'string' },
    seeds: { type: 'string' },
    ticks: { type: 'string' },
    set: { type: 'string', multiple: true },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return io.out(runHelp), 0;
  const file = onePositional('run', positionals);
  if (values.seed !== undefined && values.seeds !== undefined) {
    throw new SimError('SIM_ERR_CLI_USAGE', 'run: give --seed or --seeds, not both');
  }
  const ticks = integerOption('ticks', values.ticks, 1);
  const seedText = values.seed ?? values.seeds;
  // Parse seeds before reading the scenario: cheap mistakes first.
  const cliSeeds = seedText === undefined ? undefined : parseSeedList(seedText);
  const resolution = resolveScenario(file, { set: values.set ?? [], ticks });
  const { scenario } = resolution;
  const seeds = cliSeeds ?? [...scenario.seeds];
  const hash = scenarioHash(scenario);
  const dir = values.out ?? join('results', `${scenario.name}-${sha256(`${hash}:${seeds.join(',')}`).slice(0, 10)}`);

  const started = performance.now();
  const results = runSeeds(scenario, seeds, (p) =>
    io.progress(`seed ${p.seed} done (${p.done}/${p.total}) in ${p.wallTimeMs.toFixed(0)} ms`),
  );
  const wallTimeMs = performance.now() - started;
  const metrics = results[0]?.recorder.metrics ?? [];
  writeRunFolder({
    dir,
    runs: results,
    manifest: {
      createdAt: new Date().toISOString(),
      command: ['run', ...io.argv],
      scenarioFiles: resolution.files,
      overrides: resolution.overrides,
      scenarioHash: hash,
      scenario,
      model: scenario.model,
      seeds,
      ticks: scenario.ticks,
      metrics,
      wallTimeMs: Math.round(wallTimeMs),
    },
  });

  const summary = metrics.map((metric) => {
    const per = results.map((r) => summarise(r.recorder.column(metric)));
    return {
      metric,
      final: meanInterval(per.map((s) => s.final)),
      max: meanInterval(per.map((s) => s.max)),
      mean: meanInterval(per.map((s) => s.mean)),
    };
  });
  if (values.json) {
    io.out(JSON.stringify({ dir, scenario: scenario.name, scenarioHash: hash, seeds, ticks: scenario.ticks, wallTimeMs, metrics: summary }, null, 2));
    return 0;
  }
  const account = scenario.model === 'sahel-sahara' ? `\n\n${sahelAccount(results, String(scenario.params.start))}` : '';
  const ci = (i: { mean: number; low: number; high: number; n: number }) =>
    i.n > 1 ? `${short(i.mean)} [${short(i.low)}, ${short(i.high)}]` : short(i.mean);
  io.out(
    `${scenario.name} · model ${scenario.model} · ${seeds.length} seed${seeds.length === 1 ? '' : 's'} × ${scenario.ticks} ticks · ${(wallTimeMs / 1000).toFixed(2)} s\n\n` +
      formatTable(
        ['metric', 'final', 'max', 'mean over ticks'],
        summary.map((s) => [s.metric, ci(s.final), ci(s.max), ci(s.mean)]),
      ) +
      `\n\n${seeds.length > 1 ? 'Values are means across seeds with 95 % confidence intervals.\n' : ''}` +
      account +
      `\n\nResults: ${dir}/ (${readdirSync(dir).sort().join(', ')})`,
  );
  return 0;
}
