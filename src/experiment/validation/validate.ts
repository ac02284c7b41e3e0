/**
 * `validate`: runs every pattern of MODEL.md §6 over a list of seeds and reports, per pattern, the
 * share of seeds where it holds against its threshold, with the mean of each number the verdicts
 * rest on. The runs come first, on the executor given (in this thread by default), then the
 * patterns read them.
 */
import { wilsonInterval } from '../compare-statistics.ts';
import type { Executor } from '../executor.ts';
import { createInlineExecutor } from '../inline-executor.ts';
import { buildPatterns } from './patterns.ts';
import { ValidationRunner, type Variant } from './runner.ts';

export interface PatternReport {
  readonly id: number;
  readonly name: string;
  readonly claim: string;
  readonly threshold: number;
  readonly holds: number;
  readonly seeds: number;
  readonly share: number;
  /** 95 % Wilson interval of the share: how far another set of seeds could move it. */
  readonly low: number;
  readonly high: number;
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

export interface ValidateOptions {
  readonly set?: readonly string[];
  readonly only?: readonly number[];
  /** Where the runs go (default: this thread). */
  readonly executor?: Executor;
  onRun?(done: number, total: number): void;
  onPattern?(report: PatternReport): void;
}

export async function validate(root: string, seeds: readonly number[], options: ValidateOptions = {}): Promise<ValidationReport> {
  const runner = new ValidationRunner(root, options.set);
  const only = options.only;
  const patterns = buildPatterns(runner).filter((p) => only === undefined || only.includes(p.id));
  const variants = new Map<string, Variant>();
  for (const p of patterns) for (const v of p.variants) variants.set(v.key, v);
  const executor = options.executor ?? createInlineExecutor();
  try {
    await runner.prefetch([...variants.values()], seeds, executor, options.onRun);
  } finally {
    if (!options.executor) await executor.close();
  }
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
    const { low, high } = wilsonInterval(share, seeds.length);
    const report: PatternReport = { id: pattern.id, name: pattern.name, claim: pattern.claim, threshold: pattern.threshold, holds, seeds: seeds.length, share, low, high, pass: share >= pattern.threshold, means };
    reports.push(report);
    options.onPattern?.(report);
  }
  return { seeds, runs: runner.runs, patterns: reports, pass: reports.every((r) => r.pass) };
}
