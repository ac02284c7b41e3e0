import { join } from 'node:path';
import {
  comparisonReport,
  headlineMetrics,
  metricDirections,
  parseSatisficing,
  planComparison,
  planTasks,
  sharesCheckpoint,
  type ComparisonReport,
  type OutcomeStat,
  type Satisficing,
} from '../../experiment/index.ts';
import { writeJsonAtomically } from '../../results/index.ts';
import { modelOf, resolveScenario, scenarioHash, type ResolvedScenario } from '../../scenario/index.ts';
import { SimError } from '../../errors.ts';
import { integerOption, parseCommandArgs } from '../args.ts';
import { BATCH_OPTIONS, checkExecutorFlags, designHash, INTERRUPTED, runPlannedBatch, type BatchIo } from '../batch-runner.ts';
import { formatTable, short } from '../print.ts';

export const compareHelp = `Usage: sahel-sahara compare <baseline> <option>... [--seeds N] [--points M] [--sample lhs|grid]
                            [--master-seed S] [--metrics a,b,...] [--stat after|mean|final|max]
                            [--satisfice metric<=value]... [--set path=value]... [--workers N]
                            [--executor bullmq --redis URL [--queue NAME]]
                            [--out DIR] [--format parquet|csv] [--json]

Compares framework options fairly. Every option runs at the same design points over the baseline's
uncertain parameters (its \`uncertainties\`) and with the same seeds: a run's seed derives from
(master seed, point, replication), never from the option, so options share their random numbers;
and the run up to the decision is computed once per point and seed and continued for each option.

Options:
  --seeds N          replications per design point (default 10)
  --points M         design points sampled over the uncertainties (default 0: the scenario's
                     own values only)
  --sample lhs|grid  Latin hypercube (default) or a full grid (needs at least 2^k points)
  --master-seed S    seed of the design: points and run seeds derive from it (default 1)
  --metrics LIST     metrics to report (default: the model's headline metrics)
  --stat S           a run's outcome per metric: after (default; mean from the decision to the
                     end), mean (whole run), final, max
  --satisfice C      a threshold such as attacks<=10 (repeatable): the share of design points
                     where each option meets it
  --set path=value   override a parameter in every option (repeatable)
  --workers N        worker threads (default: the available cores; 0: this thread)
  --executor E       local (default) or bullmq: run on sahel-sahara worker processes through Redis
  --redis URL        Redis for bullmq; --queue NAME its queue (see batch --help)
  --out DIR          result folder (default results/compare-<hash>/); rerun to resume
  --format F         parquet (default) or csv
  --json             print compare.json instead of tables
  -h, --help         show this help

Reports per metric: each option's mean with a 95 % CI, median, 10th and 90th percentiles; the
paired difference to the baseline with a 95 % CI adjusted for the number of options (Holm), and
the win rate with a Wilson interval; the variance reduction common random numbers achieved; over
design points, worst case, regret and satisficing shares. Writes compare.json beside the batch
store (see \`batch --help\`).`;

const STATS: readonly OutcomeStat[] = ['after', 'mean', 'final', 'max'];

export async function compare(argv: string[], io: BatchIo & { json?: boolean }): Promise<number> {
  const { values, positionals } = parseCommandArgs('compare', argv, {
    ...BATCH_OPTIONS,
    seeds: { type: 'string' },
    points: { type: 'string' },
    sample: { type: 'string' },
    'master-seed': { type: 'string' },
    metrics: { type: 'string' },
    stat: { type: 'string' },
    satisfice: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (values.help) return io.out(compareHelp), 0;
  if (positionals.length < 2) {
    throw new SimError('SIM_ERR_CLI_USAGE', `compare: expected a baseline and at least one option, got ${positionals.length} scenario file(s) (see sahel-sahara compare --help)`);
  }
  const replications = integerOption('seeds', values.seeds, 1) ?? 10;
  const points = integerOption('points', values.points, 0) ?? 0;
  const masterSeed = integerOption('master-seed', values['master-seed'], 0) ?? 1;
  checkExecutorFlags(values);
  const sample = values.sample ?? 'lhs';
  if (sample !== 'lhs' && sample !== 'grid') throw new SimError('SIM_ERR_CLI_USAGE', `--sample ${sample}: expected lhs or grid`);
  const stat = (values.stat ?? 'after') as OutcomeStat;
  if (!STATS.includes(stat)) throw new SimError('SIM_ERR_CLI_USAGE', `--stat ${values.stat}: expected one of ${STATS.join(', ')}`);
  const satisficing: Satisficing[] = (values.satisfice ?? []).map((text) => {
    try {
      return parseSatisficing(text);
    } catch (error) {
      throw new SimError('SIM_ERR_CLI_USAGE', `--satisfice ${text}: ${(error as Error).message}`);
    }
  });

  const resolutions = positionals.map((file) => resolveScenario(file, { set: values.set ?? [] }));
  const options = resolutions.map((r) => r.scenario);
  const baseline = options[0] as ResolvedScenario;
  const names = options.map((s) => s.name);
  if (new Set(names).size !== names.length) throw new SimError('SIM_ERR_CLI_USAGE', `compare: two options have the same name (${names.join(', ')})`);
  if (new Set(options.map((o) => `${o.model}:${o.ticks}`)).size > 1) {
    throw new SimError('SIM_ERR_CLI_USAGE', 'compare: the options must use the same model and number of ticks');
  }
  const known = new Set(modelOf(baseline).definition.metrics);
  const metrics = values.metrics ? values.metrics.split(',').map((m) => m.trim()) : [...headlineMetrics(baseline)];
  for (const m of [...metrics, ...satisficing.map((s) => s.metric)]) {
    if (!known.has(m)) throw new SimError('SIM_ERR_CLI_USAGE', `compare: unknown metric "${m}"; expected one of ${[...known].join(', ')}`);
  }
  for (const s of satisficing) if (!metrics.includes(s.metric)) metrics.push(s.metric);

  const { design, groups } = planComparison(options, { points, sample, replications, masterSeed });
  const { plan, tasks } = planTasks(groups);
  const identity = {
    options: options.map((o) => scenarioHash(o)),
    points,
    sample: design.sample,
    replications,
    masterSeed,
    overrides: values.set ?? [],
  };
  const dir = values.out ?? join('results', `compare-${designHash(identity).slice(0, 10)}`);
  const shared = sharesCheckpoint(options);
  const better = metricDirections(baseline);
  let report: ComparisonReport | undefined;
  const outcome = await runPlannedBatch(
    {
      kind: 'compare',
      dir,
      design: { ...identity, optionNames: names, optionFiles: resolutions.map((r) => r.files), factors: design.factors, pointValues: design.points, scenariosResolved: options },
      plan,
      tasks,
      flags: values,
      extraFiles: ['compare.json'],
    },
    io,
    (runs) => {
      report = comparisonReport({ optionNames: names, plan, runs, metrics, better, stat, satisficing, points: design.points.length });
      const document = {
        kind: 'comparison',
        options: names,
        optionFiles: positionals,
        design: { points: design.points, factors: design.factors, sample: design.sample, replications, masterSeed, seeds: [...new Set(plan.map((p) => p.seed))] },
        sharedCheckpoint: shared,
        ...report,
      };
      writeJsonAtomically(join(dir, 'compare.json'), document);
      return { report: 'compare.json' };
    },
  );
  if (!outcome || !report) return INTERRUPTED;
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  io.out(
    `${names.length} options × ${design.points.length} design point(s) × ${replications} seeds = ${plan.length} runs` +
      `${outcome.outcome.skipped > 0 ? ` (${outcome.outcome.skipped} already stored)` : ''}; ` +
      `${shared ? 'runs up to the decision computed once per point and seed' : 'options do not share a decision checkpoint: each ran from the start'}. Results in ${dir}\n`,
  );
  io.out(formatComparison(report, design.points.length));
  return outcome.manifest.runs && outcome.manifest.runs.done === plan.length ? 0 : 1;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Float noise (a difference of 1e-18 between equal means) printed as the zero it is. */
const clean = (x: number) => (Math.abs(x) < 1e-12 ? 0 : x);
const signed = (x: number) => `${clean(x) > 0 ? '+' : ''}${short(clean(x))}`;

/** Options × metrics: the difference to the baseline, marked where significant and better or worse. */
function overview(report: ComparisonReport): string {
  const options = report.metrics[0]?.options.slice(1).map((o) => o.option) ?? [];
  const rows = options.map((option, k) => [
    option,
    ...report.metrics.map((m) => {
      const o = m.options[k + 1];
      const d = o?.difference;
      if (!d) return '—';
      const better = m.better === 'lower' ? d.mean < 0 : m.better === 'higher' ? d.mean > 0 : undefined;
      const mark = d.significant && better !== undefined ? (better ? ' +' : ' −') : '';
      return `${signed(d.mean)}${mark}`;
    }),
  ]);
  return `Difference to ${report.baseline} (option − baseline; "+" significantly better, "−" significantly worse after Holm's adjustment):\n\n${formatTable(['option', ...report.metrics.map((m) => m.metric)], rows)}`;
}

export function formatComparison(report: ComparisonReport, points: number): string {
  const blocks: string[] = [];
  const statText = { after: 'mean from the decision to the end', mean: 'mean over the run', final: 'final value', max: 'maximum' }[report.stat];
  blocks.push(`Outcome per run: ${statText}. Δ = option − baseline (${report.baseline}), paired by seed and point; CI 95 % simultaneous over the ${report.metrics[0] ? report.metrics[0].options.length - 1 : 0} option(s) compared, p-values adjusted by Holm's method. CRN: share of the variance of Δ removed by common random numbers.`);
  blocks.push(overview(report));
  for (const m of report.metrics) {
    const rows = m.options.map((o) => {
      const s = o.summary;
      const d = o.difference;
      return [
        o.option,
        `${short(s.mean)} [${short(s.low)}, ${short(s.high)}]`,
        short(s.median),
        `${short(s.p10)} … ${short(s.p90)}`,
        d ? `${signed(d.mean)} [${short(clean(d.low))}, ${short(clean(d.high))}]${d.significant ? ' *' : ''}` : '—',
        d ? (d.pAdjusted < 0.001 ? '<0.001' : d.pAdjusted.toFixed(3)) : '—',
        o.win ? `${pct(o.win.rate)} [${pct(o.win.low)}, ${pct(o.win.high)}]` : '—',
        o.crn ? (Number.isFinite(o.crn.reduction) ? pct(o.crn.reduction) : '—') : '—',
      ];
    });
    blocks.push(
      `${m.metric} (${m.better ? `${m.better} is better` : 'descriptive'}; ${m.pairs} paired runs)\n\n` +
        formatTable(['option', 'mean [95% CI]', 'median', 'p10 … p90', 'Δ vs baseline [CI]', 'p (Holm)', 'win rate [Wilson]', 'CRN'], rows),
    );
    if (points > 1 && m.better) {
      const robust = m.options.map((o) => [
        o.option,
        o.robustness ? short(o.robustness.worst) : '—',
        o.robustness ? short(o.robustness.badTail) : '—',
        o.robustness ? short(o.robustness.maxRegret) : '—',
        o.robustness ? short(o.robustness.p90Regret) : '—',
        ...o.satisficing.map((s) => pct(s.share)),
      ]);
      const constraintNames = m.options[0]?.satisficing.map((s) => s.constraint) ?? [];
      blocks.push(
        `${m.metric} over ${points} design points (outcome averaged over seeds at each point)\n\n` +
          formatTable(['option', 'worst', m.better === 'lower' ? 'p90' : 'p10', 'max regret', 'p90 regret', ...constraintNames], robust),
      );
    }
  }
  blocks.push('* the difference is significant at 5 % after Holm’s adjustment.');
  return blocks.join('\n\n');
}
