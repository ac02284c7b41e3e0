/**
 * Experimental designs for sensitivity analysis, in the factors' real units:
 *
 * - Latin hypercube sampling (McKay, Beckman & Conover 1979): one point per stratum per factor.
 * - Full factorial grid.
 * - Morris elementary-effects trajectories (Morris 1991, "Factorial sampling plans for preliminary
 *   computational experiments", Technometrics 33:161–174), with Δ in unit space as in SALib.
 * - Saltelli's A, B, AB_i matrices for Sobol' indices (Saltelli et al. 2010, "Variance based
 *   sensitivity analysis of model output", Comput. Phys. Commun. 181:259–270), drawn from a Sobol'
 *   sequence (Sobol' 1967; Bratley & Fox 1988, Gray-code construction) with the direction numbers
 *   of Joe & Kuo (2008, new-joe-kuo-6.21201), under a random digital shift.
 *
 * Every random draw comes from a named stream of the seed, so a design is a pure function of its
 * arguments.
 */
import { createRandomStreams } from '../engine/index.ts';

export interface Factor {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

function checkFactors(factors: readonly Factor[]): void {
  if (factors.length === 0) throw new RangeError('a design needs at least one factor');
  for (const f of factors) {
    if (!Number.isFinite(f.min) || !Number.isFinite(f.max) || !(f.min < f.max)) {
      throw new RangeError(`factor ${f.name}: needs finite min < max, got [${f.min}, ${f.max}]`);
    }
  }
}

function checkCount(what: string, value: number, least: number): void {
  if (!Number.isInteger(value) || value < least) throw new RangeError(`${what} must be an integer ≥ ${least}, got ${value}`);
}

/** Maps a point of the unit cube to the factors' real units. */
function toReal(factors: readonly Factor[], unit: readonly number[]): number[] {
  return unit.map((u, j) => {
    const f = factors[j] as Factor;
    return f.min + u * (f.max - f.min);
  });
}

// ---------------------------------------------------------------------------------------------
// Latin hypercube

/**
 * n points: each factor's range is cut into n equal strata, each stratum holds exactly one point
 * (at a uniform position inside it), and the strata are matched across factors by an independent
 * random permutation per factor.
 */
export function latinHypercube(factors: readonly Factor[], n: number, seed: number): number[][] {
  checkFactors(factors);
  checkCount('n', n, 1);
  const random = createRandomStreams(seed).stream('lhs');
  const unit = Array.from({ length: n }, () => new Array<number>(factors.length).fill(0));
  const strata = new Array<number>(n);
  for (let j = 0; j < factors.length; j++) {
    for (let i = 0; i < n; i++) strata[i] = i;
    random.shuffle(strata);
    for (let i = 0; i < n; i++) (unit[i] as number[])[j] = ((strata[i] as number) + random.float()) / n;
  }
  return unit.map((u) => toReal(factors, u));
}

// ---------------------------------------------------------------------------------------------
// Full factorial grid

/**
 * The full factorial grid: `levels` evenly spaced values per factor including both ends (one level
 * is the midpoint), levels^k points, the first factor varying slowest.
 */
export function gridSample(factors: readonly Factor[], levels: number): number[][] {
  checkFactors(factors);
  checkCount('levels', levels, 1);
  const values = factors.map((f) =>
    levels === 1
      ? [(f.min + f.max) / 2]
      : Array.from({ length: levels }, (_, l) => (l === levels - 1 ? f.max : f.min + ((f.max - f.min) * l) / (levels - 1))),
  );
  const k = factors.length;
  const total = levels ** k;
  const points: number[][] = [];
  for (let index = 0; index < total; index++) {
    const point = new Array<number>(k);
    // Mixed-radix digits of the index, last factor least significant, so the first varies slowest.
    let rest = index;
    for (let j = k - 1; j >= 0; j--) {
      point[j] = (values[j] as number[])[rest % levels] as number;
      rest = Math.floor(rest / levels);
    }
    points.push(point);
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// Morris trajectories

export interface MorrisStep {
  readonly trajectory: number;
  /** Index into `points` of the point before the step. */
  readonly from: number;
  /** Index into `points` of the point after the step. */
  readonly to: number;
  /** The factor that changed. */
  readonly factor: number;
  /** The signed step in unit space (±Δ). */
  readonly delta: number;
}

export interface MorrisDesign {
  /** r·(k+1) points in real units, trajectory by trajectory. */
  readonly points: number[][];
  readonly steps: MorrisStep[];
  readonly factors: readonly Factor[];
  readonly levels: number;
}

/**
 * `trajectories` Morris trajectories of k+1 points on the grid {0, 1/(p−1), …, 1} of p = `levels`
 * levels, with step Δ = p/(2(p−1)) (Morris's recommendation for even p, which makes every level
 * equally likely). Each trajectory starts at a random grid point, then moves each factor once, in
 * a random order, by +Δ or −Δ: the construction B* = (J x* + (Δ/2)[(2B − J)D* + J])P* of Morris
 * (1991) written out step by step.
 */
export function morrisDesign(factors: readonly Factor[], trajectories: number, levels = 4, seed = 0): MorrisDesign {
  checkFactors(factors);
  checkCount('trajectories', trajectories, 1);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new RangeError(`levels must be an even integer ≥ 2, got ${levels}`);
  }
  const random = createRandomStreams(seed).stream('morris');
  const k = factors.length;
  const half = levels / 2; // Δ in grid levels
  const delta = half / (levels - 1);
  const points: number[][] = [];
  const steps: MorrisStep[] = [];
  const order = new Array<number>(k);
  for (let t = 0; t < trajectories; t++) {
    // Work in grid levels (integers) so that every point lies exactly on the grid.
    const level = new Array<number>(k);
    const up = new Array<boolean>(k);
    for (let j = 0; j < k; j++) {
      up[j] = random.chance(0.5);
      // x* is uniform on the levels that leave room for a step of Δ; a downward step starts Δ higher.
      level[j] = random.int(half) + (up[j] ? 0 : half);
      order[j] = j;
    }
    random.shuffle(order);
    const first = points.length;
    points.push(level.map((l) => l / (levels - 1)));
    for (let s = 0; s < k; s++) {
      const j = order[s] as number;
      level[j] = (level[j] as number) + (up[j] ? half : -half);
      points.push(level.map((l) => l / (levels - 1)));
      steps.push({ trajectory: t, from: first + s, to: first + s + 1, factor: j, delta: up[j] ? delta : -delta });
    }
  }
  return { points: points.map((u) => toReal(factors, u)), steps, factors, levels };
}

// ---------------------------------------------------------------------------------------------
// Sobol' sequence

/**
 * Joe & Kuo (2008) direction numbers, new-joe-kuo-6.21201, dimensions 2 to 80: per dimension
 * [a, m_1, …, m_s], where s (the degree of the primitive polynomial) is the number of m values and
 * a encodes its inner coefficients. Dimension 1 is the van der Corput sequence (all m = 1).
 */
const JOE_KUO: readonly (readonly number[])[] = [
  [0, 1],
  [1, 1, 3],
  [1, 1, 3, 1],
  [2, 1, 1, 1],
  [1, 1, 1, 3, 3],
  [4, 1, 3, 5, 13],
  [2, 1, 1, 5, 5, 17],
  [4, 1, 1, 5, 5, 5],
  [7, 1, 1, 7, 11, 19],
  [11, 1, 1, 5, 1, 1],
  [13, 1, 1, 1, 3, 11],
  [14, 1, 3, 5, 5, 31],
  [1, 1, 3, 3, 9, 7, 49],
  [13, 1, 1, 1, 15, 21, 21],
  [16, 1, 3, 1, 13, 27, 49],
  [19, 1, 1, 1, 15, 7, 5],
  [22, 1, 3, 1, 15, 13, 25],
  [25, 1, 1, 5, 5, 19, 61],
  [1, 1, 3, 7, 11, 23, 15, 103],
  [4, 1, 3, 7, 13, 13, 15, 69],
  [7, 1, 1, 3, 13, 7, 35, 63],
  [8, 1, 3, 5, 9, 1, 25, 53],
  [14, 1, 3, 1, 13, 9, 35, 107],
  [19, 1, 3, 1, 5, 27, 61, 31],
  [21, 1, 1, 5, 11, 19, 41, 61],
  [28, 1, 3, 5, 3, 3, 13, 69],
  [31, 1, 1, 7, 13, 1, 19, 1],
  [32, 1, 3, 7, 5, 13, 19, 59],
  [37, 1, 1, 3, 9, 25, 29, 41],
  [41, 1, 3, 5, 13, 23, 1, 55],
  [42, 1, 3, 7, 3, 13, 59, 17],
  [50, 1, 3, 1, 3, 5, 53, 69],
  [55, 1, 1, 5, 5, 23, 33, 13],
  [56, 1, 1, 7, 7, 1, 61, 123],
  [59, 1, 1, 7, 9, 13, 61, 49],
  [62, 1, 3, 3, 5, 3, 55, 33],
  [14, 1, 3, 1, 15, 31, 13, 49, 245],
  [21, 1, 3, 5, 15, 31, 59, 63, 97],
  [22, 1, 3, 1, 11, 11, 11, 77, 249],
  [38, 1, 3, 1, 11, 27, 43, 71, 9],
  [47, 1, 1, 7, 15, 21, 11, 81, 45],
  [49, 1, 3, 7, 3, 25, 31, 65, 79],
  [50, 1, 3, 1, 1, 19, 11, 3, 205],
  [52, 1, 1, 5, 9, 19, 21, 29, 157],
  [56, 1, 3, 7, 11, 1, 33, 89, 185],
  [67, 1, 3, 3, 3, 15, 9, 79, 71],
  [70, 1, 3, 7, 11, 15, 39, 119, 27],
  [84, 1, 1, 3, 1, 11, 31, 97, 225],
  [97, 1, 1, 1, 3, 23, 43, 57, 177],
  [103, 1, 3, 7, 7, 17, 17, 37, 71],
  [115, 1, 3, 1, 5, 27, 63, 123, 213],
  [122, 1, 1, 3, 5, 11, 43, 53, 133],
  [8, 1, 3, 5, 5, 29, 17, 47, 173, 479],
  [13, 1, 3, 3, 11, 3, 1, 109, 9, 69],
  [16, 1, 1, 1, 5, 17, 39, 23, 5, 343],
  [22, 1, 3, 1, 5, 25, 15, 31, 103, 499],
  [25, 1, 1, 1, 11, 11, 17, 63, 105, 183],
  [44, 1, 1, 5, 11, 9, 29, 97, 231, 363],
  [47, 1, 1, 5, 15, 19, 45, 41, 7, 383],
  [52, 1, 3, 7, 7, 31, 19, 83, 137, 221],
  [55, 1, 1, 1, 3, 23, 15, 111, 223, 83],
  [59, 1, 1, 5, 13, 31, 15, 55, 25, 161],
  [62, 1, 1, 3, 13, 25, 47, 39, 87, 257],
  [67, 1, 1, 1, 11, 21, 53, 125, 249, 293],
  [74, 1, 1, 7, 11, 11, 7, 57, 79, 323],
  [81, 1, 1, 5, 5, 17, 13, 81, 3, 131],
  [82, 1, 1, 7, 13, 23, 7, 65, 251, 475],
  [87, 1, 3, 5, 1, 9, 43, 3, 149, 11],
  [91, 1, 1, 3, 13, 31, 13, 13, 255, 487],
  [94, 1, 3, 3, 1, 5, 63, 89, 91, 127],
  [103, 1, 1, 3, 3, 1, 19, 123, 127, 237],
  [104, 1, 1, 5, 7, 23, 31, 37, 243, 289],
  [109, 1, 1, 5, 11, 17, 53, 117, 183, 491],
  [122, 1, 1, 1, 5, 1, 13, 13, 209, 345],
  [124, 1, 1, 3, 15, 1, 57, 115, 7, 33],
  [137, 1, 3, 1, 11, 7, 43, 81, 207, 175],
  [138, 1, 3, 1, 1, 15, 27, 63, 255, 49],
  [143, 1, 3, 5, 3, 27, 61, 105, 171, 305],
  [145, 1, 1, 5, 3, 1, 3, 57, 249, 149],
];

/** The largest number of dimensions the stored direction numbers support. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

const BITS = 32;

/** The 32 direction numbers v_1..v_32 (as integers scaled by 2^32) of one dimension (0-based). */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS + 1); // v[0] unused, so indices match the literature
  if (dimension === 0) {
    for (let b = 1; b <= BITS; b++) v[b] = 2 ** (BITS - b);
    return v;
  }
  const row = JOE_KUO[dimension - 1] as readonly number[];
  const a = row[0] as number;
  const s = row.length - 1;
  for (let b = 1; b <= Math.min(s, BITS); b++) v[b] = (row[b] as number) * 2 ** (BITS - b);
  // Bratley & Fox's recurrence: v_b = v_{b−s} ⊕ (v_{b−s} >> s) ⊕ Σ_k a_k v_{b−k}.
  for (let b = s + 1; b <= BITS; b++) {
    let value = (v[b - s] as number) ^ ((v[b - s] as number) >>> s);
    for (let k = 1; k < s; k++) {
      if ((a >>> (s - 1 - k)) & 1) value ^= v[b - k] as number;
    }
    v[b] = value >>> 0;
  }
  return v;
}

/**
 * The first n points of the d-dimensional Sobol' sequence, in Gray-code order, starting with the
 * origin, XOR-ed with `shift` (one 32-bit integer per dimension; none = unshifted). The first 2^m
 * points form a (t, m, d)-net: in every dimension each interval [i/2^m, (i+1)/2^m) holds one point.
 */
export function sobolSequence(n: number, dimensions: number, shift?: readonly number[]): number[][] {
  checkCount('n', n, 0);
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`the Sobol' sequence has 1 to ${SOBOL_MAX_DIMENSIONS} dimensions here, asked for ${dimensions}`);
  }
  if (n > 2 ** BITS) throw new RangeError(`at most 2^${BITS} Sobol' points, asked for ${n}`);
  const directions = Array.from({ length: dimensions }, (_, j) => directionNumbers(j));
  const state = new Uint32Array(dimensions);
  for (let j = 0; j < dimensions; j++) state[j] = shift?.[j] ?? 0;
  const scale = 2 ** -BITS;
  const points: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // Gray code: point i differs from point i−1 by the direction of the lowest zero bit of i−1.
      let c = 1;
      for (let value = i - 1; value % 2 === 1; value = Math.floor(value / 2)) c++;
      for (let j = 0; j < dimensions; j++) state[j] = (state[j] as number) ^ ((directions[j] as Uint32Array)[c] as number);
    }
    const point = new Array<number>(dimensions);
    for (let j = 0; j < dimensions; j++) point[j] = (state[j] as number) * scale;
    points.push(point);
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// Saltelli design

export interface SaltelliDesign {
  /** n·(k+2) points in real units: the n rows of A, the n rows of B, then AB_0, AB_1, … */
  readonly points: number[][];
  readonly n: number;
  readonly factors: readonly Factor[];
}

/**
 * Saltelli's design for first-order and total Sobol' indices: A and B are n × k, row i of A is the
 * first k coordinates of Sobol' point i and row i of B the next k (as SALib does); AB_i is A with
 * column i taken from B. k ≤ 40 (2k Sobol' dimensions).
 *
 * The seed draws a random digital shift (each coordinate's 32 bits XOR-ed with a per-dimension
 * random word; Dick & Pillichshammer 2010, §4.4), so that different seeds give independent
 * replicates of the design while keeping its net structure. The shift also moves the first point
 * off the origin, so it is kept: skipping it would spoil the balance of the first 2^m points
 * (Owen 2022, "On dropping the first Sobol' point"). n a power of two gives the best balance.
 */
export function saltelliDesign(factors: readonly Factor[], n: number, seed: number): SaltelliDesign {
  checkFactors(factors);
  checkCount('n', n, 1);
  const k = factors.length;
  if (2 * k > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`saltelliDesign supports at most ${Math.floor(SOBOL_MAX_DIMENSIONS / 2)} factors, got ${k}`);
  }
  const random = createRandomStreams(seed).stream('saltelli');
  const shift = Array.from({ length: 2 * k }, () => random.int(2 ** BITS));
  const sobol = sobolSequence(n, 2 * k, shift);
  const a = sobol.map((p) => p.slice(0, k));
  const b = sobol.map((p) => p.slice(k));
  const unit: number[][] = [...a, ...b];
  for (let i = 0; i < k; i++) {
    for (let r = 0; r < n; r++) {
      const row = (a[r] as number[]).slice();
      row[i] = (b[r] as number[])[i] as number;
      unit.push(row);
    }
  }
  return { points: unit.map((u) => toReal(factors, u)), n, factors };
}
