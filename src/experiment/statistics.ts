/** Descriptive statistics across seeds: mean, standard deviation, Student-t confidence intervals. */
import { studentTQuantile } from './student-t.ts';

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k] as number;
  return values.length > 0 ? sum / values.length : Number.NaN;
}

/** Sample standard deviation (n − 1); 0 for a single value. */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let ss = 0;
  for (let k = 0; k < n; k++) ss += ((values[k] as number) - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

export interface Interval {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly sd: number;
  readonly n: number;
}

/** Mean with a 95 % Student-t confidence interval (the interval collapses to the value for n = 1). */
export function meanInterval(values: ArrayLike<number>): Interval {
  const n = values.length;
  const m = mean(values);
  const sd = standardDeviation(values);
  const half = n > 1 ? (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n) : 0;
  return { mean: m, low: m - half, high: m + half, sd, n };
}
