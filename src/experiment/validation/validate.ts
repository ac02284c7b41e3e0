/**
 * `validate`: runs every pattern of MODEL.md §6 over a list of seeds and reports, per pattern, the
 * share of seeds where it holds against its threshold, with the mean of each number the verdicts
 * rest on.
 */
import { buildPatterns } from './patterns.ts';
import { ValidationRunner } from './runner.ts';

export interface PatternReport {
  readonly id: number;
  readonly name: string;
  readonly claim: string;
  readonly threshold: number;
  readonly holds: number;
  readonly seeds: number;
  readonly share: number;
  readonly pass: boolean;
  /** Means over seeds of the pattern's numbers. */
  readonly means: Readonly<Record<string, number>>;
}

export interface ValidationReport {
  readonly seeds: readonly number[];
  readonly runs: number;
  readonly patterns: readonly PatternReport[];
  readonly pass: boolean;
}

export function validate(
  root: string,
  seeds: readonly number[],
  options: { set?: readonly string[]; only?: readonly number[]; onPattern?: (report: PatternReport) => void } = {},
): ValidationReport {
  const runner = new ValidationRunner(root, options.set);
  const only = options.only;
  const patterns = buildPatterns(runner).filter((p) => only === undefined || only.includes(p.id));
  const reports: PatternReport[] = [];
  for (const pattern of patterns) {
    let holds = 0;
    const totals: Record<string, number> = {};
    for (const seed of seeds) {
      const outcome = pattern.check(seed);
      if (outcome.holds) holds++;
      for (const [k, v] of Object.entries(outcome.values)) totals[k] = (totals[k] ?? 0) + v;
    }
    const share = seeds.length > 0 ? holds / seeds.length : 0;
    const means = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / seeds.length]));
    const report: PatternReport = { id: pattern.id, name: pattern.name, claim: pattern.claim, threshold: pattern.threshold, holds, seeds: seeds.length, share, pass: share >= pattern.threshold, means };
    reports.push(report);
    options.onPattern?.(report);
  }
  return { seeds, runs: runner.runs, patterns: reports, pass: reports.every((r) => r.pass) };
}
