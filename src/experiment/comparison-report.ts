/**
 * The report of a comparison (compare.json, and the printed table): per metric, each option's
 * distribution over runs; its paired difference to the baseline with Holm-adjusted inference and
 * its win rate; the variance that common random numbers removed; and, over design points, worst
 * case, regret and the share of points meeting the user's thresholds.
 *
 * A run's outcome for a metric is one number (`stat`): by default its mean from the decision to the
 * end (what an option can change), else its whole-run mean, final or maximum value.
 */
import type { PlannedRun, StoredRun } from '../results/index.ts';
import {
  commonRandomNumbersGain,
  meanSummary,
  pairedDifferences,
  robustnessOverPoints,
  satisficingShare,
  winRate,
  type Satisficing,
} from './compare-statistics.ts';
import { mean } from './statistics.ts';

export type OutcomeStat = 'after' | 'mean' | 'final' | 'max';

export interface ReportInput {
  readonly optionNames: readonly string[];
  readonly plan: readonly PlannedRun[];
  readonly runs: ReadonlyMap<string, StoredRun>;
  readonly metrics: readonly string[];
  readonly better: Readonly<Record<string, 'lower' | 'higher'>>;
  readonly stat: OutcomeStat;
  readonly satisficing: readonly Satisficing[];
  readonly points: number;
}

/** A run's outcome for one metric. */
export function outcomeOf(run: StoredRun, metric: string, stat: OutcomeStat, decisionTick: number | undefined): number {
  const m = (run.metrics ?? []).indexOf(metric);
  const rows = run.rows ?? 0;
  if (m < 0 || !run.series || rows === 0) return Number.NaN;
  const values = run.series.subarray(m * rows, (m + 1) * rows);
  switch (stat) {
    case 'final':
      return values[rows - 1] as number;
    case 'max':
      return values.reduce((a, b) => Math.max(a, b), -Infinity);
    case 'mean':
      return mean(values);
    case 'after':
      return mean(decisionTick !== undefined && decisionTick < rows ? values.subarray(decisionTick) : values);
  }
}

/** Outcomes by option and pair (point, replication), keeping only pairs every option completed. */
function pairedOutcomes(input: ReportInput, metric: string): { values: number[][]; pointOfPair: number[] } {
  const K = input.optionNames.length;
  const byPair = new Map<string, (PlannedRun | undefined)[]>();
  for (const p of input.plan) {
    const id = `${p.point}:${p.replication}`;
    if (!byPair.has(id)) byPair.set(id, new Array<PlannedRun | undefined>(K));
    (byPair.get(id) as (PlannedRun | undefined)[])[p.option] = p;
  }
  const values: number[][] = Array.from({ length: K }, () => []);
  const pointOfPair: number[] = [];
  for (const planned of byPair.values()) {
    const runs = planned.map((p) => (p ? input.runs.get(p.key) : undefined));
    if (runs.some((r) => r?.status !== 'done')) continue;
    runs.forEach((run, k) => (values[k] as number[]).push(outcomeOf(run as StoredRun, metric, input.stat, (planned[k] as PlannedRun).decisionTick)));
    pointOfPair.push((planned[0] as PlannedRun).point);
  }
  return { values, pointOfPair };
}

export function comparisonReport(input: ReportInput) {
  const [baselineName] = input.optionNames;
  const metrics = input.metrics.map((metric) => {
    const direction = input.better[metric];
    const { values, pointOfPair } = pairedOutcomes(input, metric);
    const baseline = values[0] as number[];
    const others = values.slice(1);
    const differences = pairedDifferences(baseline, others, { direction: direction ?? 'lower' });
    // Mean over replications at each point, for robustness across the uncertain parameters; a
    // point is kept only where every option has an outcome, so points stay aligned across options.
    const counts = new Array<number>(input.points).fill(0);
    for (const p of pointOfPair) counts[p] = (counts[p] as number) + 1;
    const kept = counts.flatMap((c, p) => (c > 0 ? [p] : []));
    const byPoint = values.map((v) => {
      const sums = new Array<number>(input.points).fill(0);
      v.forEach((x, j) => {
        const p = pointOfPair[j] as number;
        sums[p] = (sums[p] as number) + x;
      });
      return kept.map((p) => (sums[p] as number) / (counts[p] as number));
    });
    const robustness = direction ? robustnessOverPoints(byPoint, direction) : undefined;
    const constraints = input.satisficing.filter((s) => s.metric === metric);
    return {
      metric,
      better: direction ?? null,
      pairs: baseline.length,
      options: input.optionNames.map((name, k) => {
        const v = values[k] as number[];
        const vsBaseline = k === 0 ? undefined : differences[k - 1];
        return {
          option: name,
          summary: meanSummary(v),
          difference: vsBaseline ?? null,
          win: k === 0 || !direction ? null : winRate(baseline, v, direction),
          crn: k === 0 ? null : commonRandomNumbersGain(baseline, v),
          robustness: robustness?.[k] ?? null,
          satisficing: constraints.map((c) => ({ constraint: `${c.metric}${c.op}${c.value}`, share: satisficingShare(byPoint[k] as number[], c) })),
        };
      }),
    };
  });
  return { baseline: baselineName, stat: input.stat, metrics };
}

export type ComparisonReport = ReturnType<typeof comparisonReport>;
