/**
 * The statistics of a fair comparison of options. Every option runs on the same uncertainty points
 * and the same seeds (common random numbers), so option k's outcome in run j is paired with the
 * baseline's outcome in run j, and the comparison works on the paired differences.
 *
 * - Quantiles: linear interpolation between order statistics (Hyndman & Fan 1996, type 7; R's and
 *   numpy's default).
 * - Student's t: student-t.ts (exact cdf and quantile), shared with `meanInterval`.
 * - Paired t-test with Holm's step-down adjustment over the options (Holm 1979, "A simple
 *   sequentially rejective multiple test procedure", Scand. J. Statist. 6:65–70).
 * - Win rate with the Wilson score interval (Wilson 1927, JASA 22:209–212); normal quantile by
 *   Acklam's rational approximation (relative error < 1.2e-9).
 * - Robustness over uncertainty points: worst case, bad tail and regret (Savage's minimax regret),
 *   and satisficing shares (the share of points meeting a threshold), as in robust decision making
 *   (Lempert, Popper & Bankes 2003).
 *
 * `direction` says which way a metric is better: 'lower' (attacks, destabilisation) or 'higher'
 * (joint_ops, trust_mean).
 */
import { mean, meanInterval, standardDeviation } from './statistics.ts';
import { studentTCdf, studentTQuantile, studentTUpperTail } from './student-t.ts';

export { studentTCdf, studentTQuantile };

export type Direction = 'lower' | 'higher';

// ---------------------------------------------------------------------------------------------
// Quantiles

/** The p-quantile by linear interpolation between order statistics (R type 7); NaN when empty or p ∉ [0, 1]. Values must not be NaN. */
export function quantile(values: ArrayLike<number>, p: number): number {
  const n = values.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const sorted = Array.from(values).sort((a, b) => a - b);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, n - 1)] as number;
  return below + (h - lo) * (above - below);
}

// ---------------------------------------------------------------------------------------------
// One option's distribution over runs

export interface MeanSummary {
  readonly n: number;
  readonly mean: number;
  /** 95 % Student-t confidence interval for the mean (collapses to the mean for n = 1). */
  readonly low: number;
  readonly high: number;
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly sd: number;
}

/** Mean with a 95 % t interval, median, 10th and 90th percentiles and standard deviation (n − 1). */
export function meanSummary(values: ArrayLike<number>): MeanSummary {
  const interval = meanInterval(values);
  return {
    ...interval,
    median: quantile(values, 0.5),
    p10: quantile(values, 0.1),
    p90: quantile(values, 0.9),
    sd: interval.n > 0 ? interval.sd : Number.NaN,
  };
}

// ---------------------------------------------------------------------------------------------
// Paired differences to the baseline

/**
 * Holm's step-down adjusted p-values: sorted ascending, p_(i) becomes max_{j ≤ i} (m − j + 1)·p_(j),
 * capped at 1; rejecting where adjusted < α is Holm's test at family-wise level α. NaN entries
 * (no test possible) still count among the m hypotheses, which is conservative, sort last and stay NaN.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues
    .map((p, i) => ({ p: Number.isNaN(p) ? Infinity : p, i }))
    .sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m).fill(Number.NaN);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    if (p === Infinity) return;
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

export interface PairedDifference {
  /** Mean of option − baseline over the pairs. */
  readonly mean: number;
  /** Simultaneous interval for the mean difference, at level 1 − α/m (Bonferroni) for m options. */
  readonly low: number;
  readonly high: number;
  /** Two-sided paired t-test of a zero mean difference. */
  readonly pValue: number;
  /** Holm-adjusted over the m options compared. */
  readonly pAdjusted: number;
  /** pAdjusted < α. */
  readonly significant: boolean;
  /** Significant, and the sign of the mean says whether the option is better or worse than the baseline. */
  readonly verdict: 'better' | 'worse' | 'inconclusive';
  readonly n: number;
  /** Standard deviation (n − 1) of the differences. */
  readonly sd: number;
}

export interface PairedOptions {
  /** Family-wise confidence level: α = 1 − level. Default 0.95. */
  readonly level?: number;
  readonly direction: Direction;
}

/**
 * Each option against the baseline, pair by pair (difference = option − baseline in the same
 * uncertainty point and seed). Throws a RangeError if an option has not as many runs as the baseline.
 *
 * Multiplicity: the m options are m hypotheses, adjusted by Holm's step-down (Holm 1979), which
 * controls the family-wise error rate without assumptions on how the tests depend on each other
 * (they do: all share the baseline). The intervals are Bonferroni's simultaneous intervals, each at
 * level 1 − α/m. They agree with Holm in one direction only: an interval excluding 0 is always a Holm
 * rejection, but once Holm has rejected the smallest p-value it tests the next at α/(m − 1), …, so an
 * option can be `significant` with an interval that just touches 0. Intervals fully compatible with
 * Holm exist (Strassburger & Bretz 2008, Stat. Med. 27:4914–4927), but they are one-sided and stop at
 * 0 for the rejected hypotheses (unless all are rejected), so say little about the size of the effect,
 * which is what the report is for.
 * Reading the direction of a significant difference from the sign of its mean is safe at the same level
 * for Bonferroni; for Holm it is (Shaffer 1980) under independence, and is the usual practice beyond.
 */
export function pairedDifferences(
  baseline: readonly number[],
  options: readonly (readonly number[])[],
  { level = 0.95, direction }: PairedOptions,
): PairedDifference[] {
  const m = options.length;
  const alpha = 1 - level;
  const tests = options.map((option, k) => {
    if (option.length !== baseline.length) {
      throw new RangeError(`option ${k + 1} has ${option.length} runs, the baseline ${baseline.length}: the runs must be paired`);
    }
    const differences = option.map((y, j) => y - (baseline[j] as number));
    const n = differences.length;
    const d = mean(differences);
    const sd = standardDeviation(differences);
    if (n < 2) return { mean: d, low: Number.NaN, high: Number.NaN, pValue: Number.NaN, n, sd: n === 1 ? 0 : Number.NaN };
    if (sd === 0) {
      // Every pair differs by the same amount: no sampling noise, so the difference is certain.
      return { mean: d, low: d, high: d, pValue: d === 0 ? 1 : 0, n, sd };
    }
    const se = sd / Math.sqrt(n);
    const half = studentTQuantile(1 - alpha / (2 * m), n - 1) * se;
    const pValue = Math.min(1, 2 * studentTUpperTail(Math.abs(d / se), n - 1));
    return { mean: d, low: d - half, high: d + half, pValue, n, sd };
  });
  const adjusted = holmAdjust(tests.map((t) => t.pValue));
  return tests.map((t, k) => {
    const pAdjusted = adjusted[k] as number;
    const significant = pAdjusted < alpha;
    const better = direction === 'lower' ? t.mean < 0 : t.mean > 0;
    return { ...t, pAdjusted, significant, verdict: significant ? (better ? 'better' : 'worse') : 'inconclusive' };
  });
}

// ---------------------------------------------------------------------------------------------
// Win rate

/** The p-quantile of the standard normal (Acklam's algorithm, relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239] as const;
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572] as const;
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416] as const;
  const tail = (q: number): number => {
    const r = Math.sqrt(-2 * Math.log(q));
    return (
      (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) /
      ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1)
    );
  };
  if (p < 0.02425) return tail(p);
  if (p > 1 - 0.02425) return -tail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

export interface WinRate {
  /** Pairs where the option is strictly better than the baseline. */
  readonly wins: number;
  readonly ties: number;
  readonly n: number;
  /** (wins + ties/2) / n. */
  readonly rate: number;
  /** Wilson score interval for the rate. */
  readonly low: number;
  readonly high: number;
}

/**
 * The share of pairs (same point, same seed) in which the option beats the baseline, ties counting
 * half, with a Wilson score interval. The half-counted ties make the count not quite binomial; the
 * Wilson interval then errs on the wide side, since a tie varies less than a win-or-loss. Throws a
 * RangeError if the runs are not paired. NaN for everything when there are no pairs.
 */
export function winRate(baseline: readonly number[], option: readonly number[], direction: Direction, level = 0.95): WinRate {
  if (option.length !== baseline.length) {
    throw new RangeError(`the option has ${option.length} runs, the baseline ${baseline.length}: the runs must be paired`);
  }
  const n = option.length;
  let wins = 0;
  let ties = 0;
  option.forEach((y, j) => {
    const x = baseline[j] as number;
    if (y === x) ties++;
    else if (direction === 'lower' ? y < x : y > x) wins++;
  });
  if (n === 0) return { wins, ties, n, rate: Number.NaN, low: Number.NaN, high: Number.NaN };
  const rate = (wins + ties / 2) / n;
  return { wins, ties, n, rate, ...wilsonInterval(rate, n, level) };
}

/** The Wilson score interval (Wilson 1927) for a share `rate` observed in n trials; NaN bounds when n is 0. */
export function wilsonInterval(rate: number, n: number, level = 0.95): { low: number; high: number } {
  if (n === 0) return { low: Number.NaN, high: Number.NaN };
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2n = (z * z) / n;
  const centre = (rate + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((rate * (1 - rate)) / n + z2n / (4 * n));
  // The Wilson interval always holds the rate and lies in [0, 1] (at rate 0 its low bound is exactly 0):
  // the clamps only absorb rounding.
  return { low: Math.max(0, Math.min(rate, centre - half)), high: Math.min(1, Math.max(rate, centre + half)) };
}

// ---------------------------------------------------------------------------------------------
// What common random numbers bought

export interface CrnGain {
  /** Variance (n − 1) of option − baseline over the pairs. */
  readonly pairedVariance: number;
  /** var(option) + var(baseline): the variance of a difference of independent draws. */
  readonly independentVariance: number;
  /**
   * 1 − paired/independent (= 2·cov/(var₁ + var₂), in [−1, 1]): 0.8 means common random numbers removed
   * 80 % of the variance of the difference, i.e. independent runs would need 1/(1 − 0.8) = 5 times as
   * many for the same interval width. Negative if the pairs are anti-correlated (CRN hurt); 0 when
   * there is no variance at all to remove.
   */
  readonly reduction: number;
}

/** How much pairing runs by point and seed narrowed the comparison, against independent runs. Throws a RangeError if not paired. */
export function commonRandomNumbersGain(baseline: readonly number[], option: readonly number[]): CrnGain {
  if (option.length !== baseline.length) {
    throw new RangeError(`the option has ${option.length} runs, the baseline ${baseline.length}: the runs must be paired`);
  }
  const pairedVariance = standardDeviation(option.map((y, j) => y - (baseline[j] as number))) ** 2;
  const independentVariance = standardDeviation(option) ** 2 + standardDeviation(baseline) ** 2;
  const reduction = independentVariance > 0 ? 1 - pairedVariance / independentVariance : 0;
  return { pairedVariance, independentVariance, reduction };
}

// ---------------------------------------------------------------------------------------------
// Robustness over uncertainty points

export interface Robustness {
  /** Mean over points. */
  readonly mean: number;
  /** The worst point: the maximum when lower is better, the minimum when higher is better. */
  readonly worst: number;
  /**
   * The edge of the bad 10 % tail over points: the 90th percentile when lower is better, the 10th
   * when higher is better. Less hostage to one extreme point than `worst`.
   */
  readonly badTail: number;
  /** Largest regret over points, regret = |outcome − best outcome of any option at that point|. */
  readonly maxRegret: number;
  /** 90th percentile of the regret over points. */
  readonly p90Regret: number;
}

/**
 * How each option fares across the uncertainty points: byPoint[k][p] is option k's outcome at point p
 * (averaged over replications). Regret compares options point by point, so it is ≥ 0 and 0 for the
 * best option at each point. Throws a RangeError if the options do not have the same points.
 */
export function robustnessOverPoints(byPoint: readonly (readonly number[])[], direction: Direction): Robustness[] {
  const points = byPoint[0]?.length ?? 0;
  byPoint.forEach((values, k) => {
    if (values.length !== points) {
      throw new RangeError(`option ${k} has outcomes at ${values.length} points, option 0 at ${points}: regret needs the same points`);
    }
  });
  const pick = direction === 'lower' ? Math.min : Math.max;
  const best = Array.from({ length: points }, (_, p) => pick(...byPoint.map((values) => values[p] as number)));
  return byPoint.map((values) => {
    const regret = values.map((y, p) => Math.abs(y - (best[p] as number)));
    return {
      mean: mean(values),
      worst: points === 0 ? Number.NaN : direction === 'lower' ? Math.max(...values) : Math.min(...values),
      badTail: quantile(values, direction === 'lower' ? 0.9 : 0.1),
      maxRegret: points === 0 ? Number.NaN : Math.max(...regret),
      p90Regret: quantile(regret, 0.9),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Satisficing: the share of points meeting a threshold

export type ComparisonOperator = '<=' | '>=' | '<' | '>';

export interface Satisficing {
  readonly metric: string;
  readonly op: ComparisonOperator;
  readonly value: number;
}

/** The share of values meeting the constraint (NaN values do not meet it); NaN when there are none. */
export function satisficingShare(values: ArrayLike<number>, constraint: Pick<Satisficing, 'op' | 'value'>): number {
  const { op, value } = constraint;
  let met = 0;
  for (let k = 0; k < values.length; k++) {
    const y = values[k] as number;
    if (op === '<=' ? y <= value : op === '>=' ? y >= value : op === '<' ? y < value : y > value) met++;
  }
  return values.length > 0 ? met / values.length : Number.NaN;
}

const SATISFICING = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(<=|>=|<|>)\s*(.*?)\s*$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a threshold such as `attacks<=12.5` or `trust_mean >= 0.3`. Throws an Error saying what was
 * expected, for the caller to turn into a usage error.
 */
export function parseSatisficing(text: string): Satisficing {
  const match = SATISFICING.exec(text);
  if (!match) {
    throw new Error(`expected <metric><op><number> with <op> one of <=, >=, <, > (e.g. attacks<=12.5), got "${text}"`);
  }
  const metric = match[1] as string;
  const op = match[2] as ComparisonOperator;
  const valueText = match[3] as string;
  if (!NUMBER.test(valueText)) {
    throw new Error(`expected a number after "${metric}${op}" (e.g. attacks<=12.5), got "${valueText}"`);
  }
  return { metric, op, value: Number(valueText) };
}
