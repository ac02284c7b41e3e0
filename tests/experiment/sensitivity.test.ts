import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { morrisDesign, saltelliDesign, type Factor } from '../../src/experiment/sampling.ts';
import { morrisIndices, sobolIndices } from '../../src/experiment/sensitivity.ts';

const unitFactors = (k: number): Factor[] => Array.from({ length: k }, (_, j) => ({ name: `x${j + 1}`, min: 0, max: 1 }));

/** Sobol' G function (Saltelli & Sobol' 1995) on [0, 1]^k: the smaller a_i, the more x_i matters. */
const G_A = [0, 1, 4.5, 9, 99, 99];
function gFunction(x: readonly number[]): number {
  return G_A.reduce((product, a, i) => (product * (Math.abs(4 * (x[i] as number) - 2) + a)) / (1 + a), 1);
}
// Analytic indices: V_i = (1/3)/(1 + a_i)², V = Π(1 + V_j) − 1, S1_i = V_i/V, ST_i = V_i Π_{j≠i}(1 + V_j)/V.
const G_VI = G_A.map((a) => 1 / 3 / (1 + a) ** 2);
const G_PRODUCT = G_VI.reduce((p, v) => p * (1 + v), 1);
const G_S1 = G_VI.map((v) => v / (G_PRODUCT - 1));
const G_ST = G_VI.map((v) => (v * G_PRODUCT) / (1 + v) / (G_PRODUCT - 1));

/** Ishigami function (Ishigami & Homma 1990), a = 7, b = 0.1, on [−π, π]³. */
function ishigami(x: readonly number[]): number {
  const [x1, x2, x3] = x as [number, number, number];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}
const ISHIGAMI_FACTORS: Factor[] = ['x1', 'x2', 'x3'].map((name) => ({ name, min: -Math.PI, max: Math.PI }));
// Analytic values (Sobol' & Levitan 1999; Marrel et al. 2009), to 4 decimals.
const ISHIGAMI_S1 = [0.3139, 0.4424, 0];
const ISHIGAMI_ST = [0.5576, 0.4424, 0.2437];

describe('morrisIndices()', () => {
  it('recovers the slopes of a linear function exactly, with no spread: μ* = [3, 1, 0], σ = 0', () => {
    const design = morrisDesign(unitFactors(3), 20, 4, 11);
    const outputs = design.points.map(([x1, x2, x3]) => 3 * (x1 as number) + (x2 as number) + 0 * (x3 as number));
    const indices = morrisIndices(design, outputs, { seed: 1 });
    expect(indices.map((i) => i.factor)).toEqual(['x1', 'x2', 'x3']);
    [3, 1, 0].forEach((slope, j) => {
      const index = indices[j]!;
      expect(index.muStar).toBeCloseTo(slope, 12);
      expect(index.mu).toBeCloseTo(slope, 12);
      expect(index.sigma).toBeCloseTo(0, 12);
      expect(index.muStarLow).toBeCloseTo(slope, 12);
      expect(index.muStarHigh).toBeCloseTo(slope, 12);
    });
  });

  it('measures effects per whole factor range (Δ in unit space, as SALib)', () => {
    // y = 2·u on u ∈ [10, 14]: a step of Δ = 2/3 of the range moves y by 2·(2/3)·4, so EE = 8.
    const design = morrisDesign([{ name: 'u', min: 10, max: 14 }], 10, 4, 2);
    const [index] = morrisIndices(design, design.points.map(([u]) => 2 * (u as number)), { bootstrap: 0 });
    expect(index!.muStar).toBeCloseTo(8, 12);
    expect(index!.muStarLow).toBeNaN(); // no bootstrap, no interval
  });

  it('gives μ* = |slope|·range and σ = 0 for any linear function and any ranges', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            slope: fc.double({ min: -100, max: 100, noNaN: true }),
            min: fc.double({ min: -100, max: 100, noNaN: true }),
            width: fc.double({ min: 0.01, max: 100, noNaN: true }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.integer({ min: 2, max: 8 }),
        fc.integer(),
        (specs, r, seed) => {
          const factors = specs.map((s, j): Factor => ({ name: `f${j}`, min: s.min, max: s.min + s.width }));
          const design = morrisDesign(factors, r, 4, seed);
          const outputs = design.points.map((p) => specs.reduce((y, s, j) => y + s.slope * (p[j] as number), 0));
          const indices = morrisIndices(design, outputs, { bootstrap: 0 });
          specs.forEach((s, j) => {
            const scale = Math.abs(s.slope) * s.width;
            expect(Math.abs(indices[j]!.muStar - scale)).toBeLessThan(1e-6 * (1 + scale) * 100);
            expect(Math.abs(indices[j]!.sigma)).toBeLessThan(1e-6 * (1 + scale) * 100);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('shows an interaction as spread: σ > 0 for both factors of y = x1·x2, σ = 0 for an idle x3', () => {
    const design = morrisDesign(unitFactors(3), 30, 4, 5);
    const indices = morrisIndices(design, design.points.map(([x1, x2]) => (x1 as number) * (x2 as number)), { seed: 2 });
    expect(indices[0]!.sigma).toBeGreaterThan(0.1);
    expect(indices[1]!.sigma).toBeGreaterThan(0.1);
    expect(indices[2]!.sigma).toBe(0);
    expect(indices[2]!.muStar).toBe(0);
    // μ* of x1 lies between the smallest and largest effect, x2 on its grid: mean x2 over the levels.
    expect(indices[0]!.muStar).toBeGreaterThan(0.2);
    expect(indices[0]!.muStar).toBeLessThan(1);
  });

  it('ranks the factors of the G function by their a_i, with μ* inside its bootstrap interval', () => {
    const design = morrisDesign(unitFactors(6), 50, 4, 3);
    const indices = morrisIndices(design, design.points.map(gFunction), { seed: 3 });
    const muStar = indices.map((i) => i.muStar);
    expect(muStar[0]).toBeGreaterThan(muStar[1]!);
    expect(muStar[1]).toBeGreaterThan(muStar[2]!);
    expect(muStar[2]).toBeGreaterThan(muStar[3]!);
    expect(muStar[3]).toBeGreaterThan(5 * Math.max(muStar[4]!, muStar[5]!));
    for (const index of indices) {
      expect(index.muStarLow).toBeLessThanOrEqual(index.muStar);
      expect(index.muStarHigh).toBeGreaterThanOrEqual(index.muStar);
    }
  });

  it('gives the same intervals for the same bootstrap seed', () => {
    const design = morrisDesign(unitFactors(6), 20, 4, 3);
    const outputs = design.points.map(gFunction);
    expect(morrisIndices(design, outputs, { seed: 8 })).toEqual(morrisIndices(design, outputs, { seed: 8 }));
  });

  it('throws a RangeError when there is not one output per point', () => {
    const design = morrisDesign(unitFactors(2), 4, 4, 1);
    expect(() => morrisIndices(design, new Float64Array(design.points.length - 1))).toThrow(RangeError);
  });
});

describe('sobolIndices()', () => {
  it('estimates the Ishigami indices within ±0.03 of the analytic values (n = 4096)', () => {
    const design = saltelliDesign(ISHIGAMI_FACTORS, 4096, 1);
    const indices = sobolIndices(design, design.points.map(ishigami), { seed: 1 });
    let covered = 0;
    indices.forEach((index, j) => {
      expect(Math.abs(index.S1 - ISHIGAMI_S1[j]!)).toBeLessThan(0.03);
      expect(Math.abs(index.ST - ISHIGAMI_ST[j]!)).toBeLessThan(0.03);
      if (index.S1Low <= ISHIGAMI_S1[j]! && ISHIGAMI_S1[j]! <= index.S1High) covered++;
      if (index.STLow <= ISHIGAMI_ST[j]! && ISHIGAMI_ST[j]! <= index.STHigh) covered++;
      expect(index.S1Low).toBeLessThan(index.S1High);
      expect(index.STLow).toBeLessThan(index.STHigh);
    });
    expect(covered).toBeGreaterThanOrEqual(5); // of 6 intervals (95 %)
  });

  it('estimates the G function indices within ±0.02 and ranks the factors', () => {
    const design = saltelliDesign(unitFactors(6), 4096, 2);
    const indices = sobolIndices(design, design.points.map(gFunction), { seed: 2 });
    let covered = 0;
    indices.forEach((index, j) => {
      expect(Math.abs(index.S1 - G_S1[j]!)).toBeLessThan(0.02);
      expect(Math.abs(index.ST - G_ST[j]!)).toBeLessThan(0.02);
      if (index.S1Low <= G_S1[j]! && G_S1[j]! <= index.S1High) covered++;
      if (index.STLow <= G_ST[j]! && G_ST[j]! <= index.STHigh) covered++;
    });
    expect(covered).toBeGreaterThanOrEqual(10); // of 12 intervals
    for (let j = 0; j < 3; j++) expect(indices[j]!.ST).toBeGreaterThan(indices[j + 1]!.ST);
  });

  it('finds S1 = ST for an additive function (y = x1 + 2·x2: S1 = ST = 0.2, 0.8; within ±0.01)', () => {
    const design = saltelliDesign(unitFactors(2), 1024, 3);
    const indices = sobolIndices(design, design.points.map(([x1, x2]) => (x1 as number) + 2 * (x2 as number)), { bootstrap: 0 });
    [0.2, 0.8].forEach((expected, j) => {
      expect(Math.abs(indices[j]!.S1 - expected)).toBeLessThan(0.01);
      expect(Math.abs(indices[j]!.ST - expected)).toBeLessThan(0.01);
    });
    expect(indices[0]!.S1Low).toBeNaN(); // no bootstrap, no interval
  });

  it('does not change when the output is scaled and shifted', () => {
    const design = saltelliDesign(ISHIGAMI_FACTORS, 64, 4);
    const outputs = design.points.map(ishigami);
    const base = sobolIndices(design, outputs, { bootstrap: 20, seed: 5 });
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.boolean(),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (scale, negate, shift) => {
          const transformed = outputs.map((y) => (negate ? -scale : scale) * y + shift);
          const indices = sobolIndices(design, transformed, { bootstrap: 20, seed: 5 });
          indices.forEach((index, j) => {
            const reference = base[j]!;
            for (const key of ['S1', 'ST', 'S1Low', 'S1High', 'STLow', 'STHigh'] as const) {
              expect(index[key]).toBeCloseTo(reference[key], 6);
            }
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('throws a RangeError when there is not one output per point', () => {
    const design = saltelliDesign(unitFactors(2), 8, 1);
    expect(() => sobolIndices(design, new Array<number>(8 * 3).fill(0))).toThrow(RangeError);
  });
});
