import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metricDirections, prim, type OutcomeStat, type PrimResult } from '../../experiment/index.ts';
import { readParquet, type BatchManifest } from '../../results/index.ts';
import { checkDocument } from '../../scenario/index.ts';
import { SimError } from '../../errors.ts';
import { integerOption, onePositional, parseCommandArgs } from '../args.ts';
import { formatTable, short } from '../print.ts';

export const discoverHelp = `Usage: sahel-sahara discover <compare-dir> --metric M --delta D [--option NAME] [--stat S]
                             [--threshold T] [--peel A] [--min-mass M] [--boxes N] [--json]

Scenario discovery (PRIM; Friedman & Fisher 1999, as in the EMA Workbench) on a comparison made
with --points: over its design points, where in the space of uncertain parameters does an option
beat the baseline by at least D on metric M (mean over the seeds at each point)? Prints, per
option, the boxes found: the parameters they restrict and to which ranges, their coverage (share
of the points where the option wins that fall in the box) and density (share of the box's points
where it wins), and the peeling trajectory.

Options:
  --metric M       the outcome (as reported by compare; which way is better is the model's)
  --delta D        the margin: "beats" means better than the baseline by at least D (default 0)
  --option NAME    only this option (default: every option against the baseline)
  --stat S         after (default), mean, final or max — as compare's --stat
  --threshold T    density a box should reach (default 0.8)
  --peel A         share of points removed per peel (default 0.05)
  --min-mass M     smallest box, as a share of all points (default 0.05)
  --boxes N        boxes to search, each on the points outside the previous ones (default 1)
  --json           print the result as JSON`;

function fail(path: string, message: string): never {
  throw new SimError('SIM_ERR_RESULTS_READ', `${path}: ${message}`, [{ file: path, message }]);
}

function numberOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < min || x > max) throw new SimError('SIM_ERR_CLI_USAGE', `--${name} ${value}: expected a number in [${min}, ${max}]`);
  return x;
}

export async function discover(argv: string[], io: { out(text: string): void }): Promise<number> {
  const { values, positionals } = parseCommandArgs('discover', argv, {
    metric: { type: 'string' },
    delta: { type: 'string' },
    option: { type: 'string' },
    stat: { type: 'string' },
    threshold: { type: 'string' },
    peel: { type: 'string' },
    'min-mass': { type: 'string' },
    boxes: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return io.out(discoverHelp), 0;
  const dir = onePositional('discover', positionals);
  if (!values.metric) throw new SimError('SIM_ERR_CLI_USAGE', 'discover: --metric is required (see sahel-sahara discover --help)');
  const delta = numberOption('delta', values.delta, 0, -Infinity, Infinity);
  const threshold = numberOption('threshold', values.threshold, 0.8, 0, 1);
  const peelAlpha = numberOption('peel', values.peel, 0.05, 0.001, 0.5);
  const minMass = numberOption('min-mass', values['min-mass'], 0.05, 0, 1);
  const maxBoxes = Math.min(10, integerOption('boxes', values.boxes, 1) ?? 1);
  const stat = (values.stat ?? 'after') as OutcomeStat;
  if (!['after', 'mean', 'final', 'max'].includes(stat)) throw new SimError('SIM_ERR_CLI_USAGE', `--stat ${values.stat}: expected after, mean, final or max`);

  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) fail(dir, 'not a result folder (no manifest.json)');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BatchManifest;
  if (manifest.kind !== 'compare') fail(manifestPath, `a ${manifest.kind} folder; discover reads a comparison (made by compare --points M)`);
  if (manifest.status !== 'complete') fail(manifestPath, 'the comparison is not complete; rerun its compare command first');
  const design = manifest.design as { optionNames: string[]; factors: { name: string }[]; pointValues: Record<string, number>[]; scenariosResolved: unknown[] };
  const names = design.factors.map((f) => f.name);
  if (names.length === 0 || design.pointValues.length < 2) fail(manifestPath, 'the comparison has no design points over uncertain parameters (run compare with --points M)');
  const better = metricDirections(checkDocument(design.scenariosResolved[0], manifestPath))[values.metric];
  if (!better) throw new SimError('SIM_ERR_CLI_USAGE', `discover: "${values.metric}" has no better direction; expected an outcome metric the comparison reports`);
  const baseline = design.optionNames[0] as string;
  const options = values.option ? [values.option] : design.optionNames.slice(1);
  for (const o of options) if (!design.optionNames.slice(1).includes(o)) throw new SimError('SIM_ERR_CLI_USAGE', `--option ${o}: expected one of ${design.optionNames.slice(1).join(', ')}`);

  // Mean outcome per option and point, from summary.parquet.
  const { columns, rows } = await readParquet(join(dir, 'summary.parquet'));
  const col = (name: string) => columns.findIndex((c) => c.name === name);
  const [cOption, cPoint, cMetric, cStat] = [col('option'), col('point'), col('metric'), col(stat)];
  const P = design.pointValues.length;
  const sums = design.optionNames.map(() => new Float64Array(P));
  const counts = design.optionNames.map(() => new Float64Array(P));
  for (const row of rows) {
    if (row[cMetric] !== values.metric) continue;
    const k = row[cOption] as number;
    const p = row[cPoint] as number;
    (sums[k] as Float64Array)[p] = ((sums[k] as Float64Array)[p] as number) + (row[cStat] as number);
    (counts[k] as Float64Array)[p] = ((counts[k] as Float64Array)[p] as number) + 1;
  }
  const meanAt = (k: number, p: number) => ((sums[k] as Float64Array)[p] as number) / ((counts[k] as Float64Array)[p] as number);
  const x = design.pointValues.map((point) => names.map((n) => point[n] as number));

  const found: { option: string; wins: number; points: number; result: PrimResult }[] = options.map((option) => {
    const k = design.optionNames.indexOf(option);
    const y = design.pointValues.map((_pt, p) => {
      const gain = better === 'lower' ? meanAt(0, p) - meanAt(k, p) : meanAt(k, p) - meanAt(0, p);
      return gain >= delta;
    });
    return { option, wins: y.filter(Boolean).length, points: P, result: prim(x, y, names, { threshold, peelAlpha, minMass, maxBoxes }) };
  });
  if (values.json) return io.out(JSON.stringify({ metric: values.metric, delta, stat, baseline, better, results: found }, null, 2)), 0;
  io.out(`Where does an option beat ${baseline} on ${values.metric} (${better} is better, ${stat}) by at least ${delta}? PRIM over ${P} design points.${P < 30 ? ` Few points: boxes are rough; run compare with more --points.` : ''}\n`);
  for (const f of found) {
    io.out(`${f.option}: beats the baseline at ${f.wins} of ${f.points} points (${Math.round((100 * f.wins) / f.points)} %)`);
    if (f.wins === 0 || f.wins === f.points) {
      io.out(`  ${f.wins === 0 ? 'nowhere' : 'everywhere'}: no box to find\n`);
      continue;
    }
    f.result.boxes.forEach((box, b) => {
      const rows = box.limits.map((l) => [l.name, short(l.min), short(l.max)]);
      io.out(`  box ${b + 1}: coverage ${Math.round(box.coverage * 100)} %, density ${Math.round(box.density * 100)} %, mass ${Math.round(box.mass * 100)} %`);
      io.out(rows.length > 0 ? formatTable(['parameter', 'from', 'to'], rows).replace(/^/gm, '    ') : '    (no restriction)');
    });
    io.out('');
  }
  return 0;
}
