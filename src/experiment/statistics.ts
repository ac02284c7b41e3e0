/** Descriptive statistics across seeds: mean, standard deviation, Student-t confidence intervals. */

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

// Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 97.5 % quantile of Student's t with `df` degrees of freedom (normal limit beyond 30, interpolated in 1/df). */
export function tQuantile975(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= 30) return T975[Math.floor(df) - 1] as number;
  // Linear in 1/df between df = 30 (2.042) and df = ∞ (1.96): accurate to 0.002.
  return 1.96 + (2.042 - 1.96) * (30 / df);
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
  const half = n > 1 ? (tQuantile975(n - 1) * sd) / Math.sqrt(n) : 0;
  return { mean: m, low: m - half, high: m + half, sd, n };
}
