/**
 * Sensitivity indices from the outputs of a sampling design (sampling.ts):
 *
 * - Morris elementary effects: μ, μ* (mean |EE|, Campolongo, Cariboni & Saltelli 2007) and σ
 *   (Morris 1991), with a percentile bootstrap interval for μ* over the trajectories.
 * - Sobol' first-order and total indices from Saltelli's A, B, AB_i design: S1 by the estimator of
 *   Saltelli et al. (2010, table 2 (b)), ST by Jansen's (Jansen 1999, "Analysis of variance designs
 *   for model output", Comput. Phys. Commun. 117:35–43), with percentile bootstrap intervals over
 *   the n rows.
 *
 * outputs[k] is the model output at design.points[k].
 */
import { createRandomStreams } from '../engine/index.ts';
import type { RandomStream } from '../engine/index.ts';
import type { MorrisDesign, SaltelliDesign } from './sampling.ts';

export interface SensitivityOptions {
  /** Bootstrap resamples for the intervals (default 1000; 0 gives NaN intervals). */
  readonly bootstrap?: number;
  /** Seed of the bootstrap resampling (default 0). */
  readonly seed?: number;
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
}

export interface MorrisIndex {
  readonly factor: string;
  /** Mean elementary effect: its sign says the direction of a monotonic effect. */
  readonly mu: number;
  /** Mean absolute elementary effect: the overall importance. */
  readonly muStar: number;
  readonly muStarLow: number;
  readonly muStarHigh: number;
  /** Sample standard deviation of the elementary effects: non-linearity or interactions. */
  readonly sigma: number;
}

export interface SobolIndex {
  readonly factor: string;
  readonly S1: number;
  readonly S1Low: number;
  readonly S1High: number;
  readonly ST: number;
  readonly STLow: number;
  readonly STHigh: number;
}

interface Resolved {
  readonly bootstrap: number;
  readonly random: RandomStream;
  readonly lowP: number;
  readonly highP: number;
}

function resolve(options: SensitivityOptions): Resolved {
  const bootstrap = options.bootstrap ?? 1000;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(bootstrap) || bootstrap < 0) throw new RangeError(`bootstrap must be an integer ≥ 0, got ${bootstrap}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie in (0, 1), got ${level}`);
  return {
    bootstrap,
    random: createRandomStreams(options.seed ?? 0).stream('bootstrap'),
    lowP: (1 - level) / 2,
    highP: 1 - (1 - level) / 2,
  };
}

function checkOutputs(points: number, outputs: ArrayLike<number>): void {
  if (outputs.length !== points) {
    throw new RangeError(`the design has ${points} points but ${outputs.length} outputs were given`);
  }
}

/** The p-quantile of sorted values, interpolated between order statistics (R type 7). */
function sortedQuantile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return below + (h - lo) * (above - below);
}

/** Percentile interval of bootstrap replicates (NaN replicates, from degenerate resamples, dropped). */
function percentileInterval(replicates: Float64Array, options: Resolved): [number, number] {
  const finite = replicates.filter((r) => !Number.isNaN(r)).sort();
  return [sortedQuantile(finite, options.lowP), sortedQuantile(finite, options.highP)];
}

/** n indices drawn uniformly with replacement from 0..n−1. */
function resample(random: RandomStream, n: number, into: Int32Array): Int32Array {
  for (let i = 0; i < n; i++) into[i] = random.int(n);
  return into;
}

// ---------------------------------------------------------------------------------------------
// Morris

/**
 * Morris indices per factor. The elementary effect of a step is EE = (y(to) − y(from)) / Δ with Δ
 * the signed step in unit space (as SALib does), so effects are per whole range of the factor and
 * comparable across factors of different units. Each trajectory gives one effect per factor;
 * the bootstrap resamples trajectories.
 */
export function morrisIndices(design: MorrisDesign, outputs: ArrayLike<number>, options: SensitivityOptions = {}): MorrisIndex[] {
  checkOutputs(design.points.length, outputs);
  const resolved = resolve(options);
  const k = design.factors.length;
  const r = design.steps.length / k;
  // effects[j][t]: factor j's elementary effect in trajectory t.
  const effects = Array.from({ length: k }, () => new Float64Array(r));
  for (const step of design.steps) {
    const effect = ((outputs[step.to] as number) - (outputs[step.from] as number)) / step.delta;
    (effects[step.factor] as Float64Array)[step.trajectory] = effect;
  }

  const replicates = Array.from({ length: k }, () => new Float64Array(resolved.bootstrap));
  const picks = new Int32Array(r);
  for (let b = 0; b < resolved.bootstrap; b++) {
    resample(resolved.random, r, picks);
    for (let j = 0; j < k; j++) {
      const ee = effects[j] as Float64Array;
      let sum = 0;
      for (let t = 0; t < r; t++) sum += Math.abs(ee[picks[t] as number] as number);
      (replicates[j] as Float64Array)[b] = sum / r;
    }
  }

  return design.factors.map((factor, j) => {
    const ee = effects[j] as Float64Array;
    let sum = 0;
    let sumAbs = 0;
    for (const e of ee) {
      sum += e;
      sumAbs += Math.abs(e);
    }
    const mu = sum / r;
    let ss = 0;
    for (const e of ee) ss += (e - mu) ** 2;
    const [muStarLow, muStarHigh] = percentileInterval(replicates[j] as Float64Array, resolved);
    return { factor: factor.name, mu, muStar: sumAbs / r, muStarLow, muStarHigh, sigma: Math.sqrt(ss / (r - 1)) };
  });
}

// ---------------------------------------------------------------------------------------------
// Sobol'

/**
 * S1 and ST of each factor over the rows `rows` of the design (all rows, or a bootstrap resample).
 * The variance is over the A and B outputs together (population variance, as SALib), which uses
 * 2n independent outputs instead of n. f(B) is centred on the mean of those outputs, as SALib
 * normalises the output: the uncentred estimator is not invariant to a shift of the output, and
 * its error grows with the output's mean (Saltelli et al. 2010 warn of the same).
 */
function sobolEstimates(
  fA: Float64Array,
  fB: Float64Array,
  fAB: readonly Float64Array[],
  rows: Int32Array | null,
  s1: Float64Array,
  st: Float64Array,
): void {
  const n = fA.length;
  const row = (i: number): number => (rows ? (rows[i] as number) : i);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (fA[row(i)] as number) + (fB[row(i)] as number);
  const mean = sum / (2 * n);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((fA[row(i)] as number) - mean) ** 2 + ((fB[row(i)] as number) - mean) ** 2;
  const variance = ss / (2 * n);
  for (let j = 0; j < fAB.length; j++) {
    const ab = fAB[j] as Float64Array;
    let first = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const r = row(i);
      const a = fA[r] as number;
      const d = (ab[r] as number) - a;
      first += ((fB[r] as number) - mean) * d;
      total += d * d;
    }
    s1[j] = first / n / variance;
    st[j] = total / (2 * n) / variance;
  }
}

/**
 * First-order (S1) and total (ST) Sobol' indices per factor. S1_i = mean((f(B) − f̄)·(f(AB_i) − f(A))) / V
 * (Saltelli et al. 2010) and ST_i = mean((f(A) − f(AB_i))²) / 2V (Jansen 1999), V the variance of
 * the A and B outputs; NaN when the output does not vary. Intervals resample the n rows (a row of A,
 * the same row of B and of every AB_i together, since they share their coordinates).
 */
export function sobolIndices(design: SaltelliDesign, outputs: ArrayLike<number>, options: SensitivityOptions = {}): SobolIndex[] {
  const k = design.factors.length;
  const n = design.n;
  checkOutputs(design.points.length, outputs);
  const resolved = resolve(options);
  const block = (b: number): Float64Array => Float64Array.from({ length: n }, (_, i) => outputs[b * n + i] as number);
  const fA = block(0);
  const fB = block(1);
  const fAB = Array.from({ length: k }, (_, j) => block(j + 2));

  const s1 = new Float64Array(k);
  const st = new Float64Array(k);
  sobolEstimates(fA, fB, fAB, null, s1, st);

  const s1Replicates = Array.from({ length: k }, () => new Float64Array(resolved.bootstrap));
  const stReplicates = Array.from({ length: k }, () => new Float64Array(resolved.bootstrap));
  const rows = new Int32Array(n);
  const s1b = new Float64Array(k);
  const stb = new Float64Array(k);
  for (let b = 0; b < resolved.bootstrap; b++) {
    sobolEstimates(fA, fB, fAB, resample(resolved.random, n, rows), s1b, stb);
    for (let j = 0; j < k; j++) {
      (s1Replicates[j] as Float64Array)[b] = s1b[j] as number;
      (stReplicates[j] as Float64Array)[b] = stb[j] as number;
    }
  }

  return design.factors.map((factor, j) => {
    const [S1Low, S1High] = percentileInterval(s1Replicates[j] as Float64Array, resolved);
    const [STLow, STHigh] = percentileInterval(stReplicates[j] as Float64Array, resolved);
    return { factor: factor.name, S1: s1[j] as number, S1Low, S1High, ST: st[j] as number, STLow, STHigh };
  });
}
