import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SOBOL_MAX_DIMENSIONS,
  gridSample,
  latinHypercube,
  morrisDesign,
  saltelliDesign,
  sobolSequence,
  type Factor,
} from '../../src/experiment/sampling.ts';

const unitFactors = (k: number): Factor[] => Array.from({ length: k }, (_, j) => ({ name: `x${j + 1}`, min: 0, max: 1 }));

/** The stratum (0..n−1) of each point's coordinate j, for a factor cut into n equal strata. */
function strata(points: readonly (readonly number[])[], factor: Factor, j: number, n: number): number[] {
  return points.map((p) => Math.floor((((p[j] as number) - factor.min) / (factor.max - factor.min)) * n));
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Factors with arbitrary finite ranges (widths from 1e-3 to 1e3, anywhere in ±1e3). */
const factorsArbitrary = fc.array(
  fc.record({
    min: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    width: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
  }),
  { minLength: 1, maxLength: 5 },
).map((specs) => specs.map((s, j): Factor => ({ name: `f${j}`, min: s.min, max: s.min + s.width })));

describe('latinHypercube()', () => {
  const factors: Factor[] = [
    { name: 'a', min: 0, max: 1 },
    { name: 'b', min: -5, max: 5 },
    { name: 'c', min: 100, max: 300 },
  ];

  it('puts exactly one point in each of the n strata of every factor', () => {
    const points = latinHypercube(factors, 20, 7);
    expect(points).toHaveLength(20);
    factors.forEach((f, j) => {
      expect(strata(points, f, j, 20).sort((x, y) => x - y)).toEqual(range(20));
    });
  });

  it('is stratified for any n and any factor ranges', () => {
    fc.assert(
      fc.property(factorsArbitrary, fc.integer({ min: 1, max: 60 }), fc.integer(), (fs, n, seed) => {
        const points = latinHypercube(fs, n, seed);
        expect(points).toHaveLength(n);
        fs.forEach((f, j) => {
          for (const p of points) {
            expect(p[j]).toBeGreaterThanOrEqual(f.min);
            expect(p[j]).toBeLessThanOrEqual(f.max);
          }
          expect(strata(points, f, j, n).sort((x, y) => x - y)).toEqual(range(n));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same points for the same seed and different points for another seed', () => {
    expect(latinHypercube(factors, 10, 42)).toEqual(latinHypercube(factors, 10, 42));
    expect(latinHypercube(factors, 10, 42)).not.toEqual(latinHypercube(factors, 10, 43));
  });

  it('pairs the strata of different factors differently (independent permutations)', () => {
    const points = latinHypercube(unitFactors(2), 50, 3);
    const first = strata(points, { name: 'x', min: 0, max: 1 }, 0, 50);
    const second = strata(points, { name: 'x', min: 0, max: 1 }, 1, 50);
    expect(first).not.toEqual(second);
  });

  it('rejects an empty range, no factors or a non-integer n', () => {
    expect(() => latinHypercube([{ name: 'a', min: 1, max: 1 }], 5, 1)).toThrow(RangeError);
    expect(() => latinHypercube([], 5, 1)).toThrow(RangeError);
    expect(() => latinHypercube(unitFactors(2), 2.5, 1)).toThrow(RangeError);
  });
});

describe('gridSample()', () => {
  it('crosses evenly spaced levels including both ends, the first factor varying slowest', () => {
    const points = gridSample(
      [
        { name: 'a', min: 0, max: 1 },
        { name: 'b', min: 10, max: 20 },
      ],
      3,
    );
    expect(points).toEqual([
      [0, 10],
      [0, 15],
      [0, 20],
      [0.5, 10],
      [0.5, 15],
      [0.5, 20],
      [1, 10],
      [1, 15],
      [1, 20],
    ]);
  });

  it('uses the midpoint for a single level', () => {
    expect(gridSample([{ name: 'a', min: 2, max: 4 }, { name: 'b', min: -1, max: 0 }], 1)).toEqual([[3, -0.5]]);
  });

  it('has levels^k distinct points, each value on the grid', () => {
    const points = gridSample(unitFactors(3), 4);
    expect(points).toHaveLength(64);
    expect(new Set(points.map((p) => p.join(','))).size).toBe(64);
    for (const p of points) for (const v of p) expect([0, 1 / 3, 2 / 3, 1]).toContain(v);
  });
});

describe('morrisDesign()', () => {
  it('makes trajectories of k+1 points that change each factor once by ±Δ = p/(2(p−1))', () => {
    const factors = unitFactors(4);
    const design = morrisDesign(factors, 10, 4, 5);
    expect(design.points).toHaveLength(10 * 5);
    expect(design.steps).toHaveLength(10 * 4);
    expect(design.levels).toBe(4);
    for (let t = 0; t < 10; t++) {
      const steps = design.steps.filter((s) => s.trajectory === t);
      expect(steps.map((s) => s.factor).sort()).toEqual([0, 1, 2, 3]);
      for (const s of steps) {
        expect(Math.abs(s.delta)).toBeCloseTo(2 / 3, 15);
        const from = design.points[s.from] as number[];
        const to = design.points[s.to] as number[];
        to.forEach((v, j) => {
          if (j === s.factor) expect(v - (from[j] as number)).toBeCloseTo(s.delta, 12);
          else expect(v).toBe(from[j]);
        });
      }
    }
    for (const p of design.points) for (const v of p) expect([0, 1 / 3, 2 / 3, 1]).toContain(v);
  });

  it('keeps every point on the grid of the factor ranges, for any factors, levels and seed', () => {
    fc.assert(
      fc.property(
        factorsArbitrary,
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(2, 4, 6, 8),
        fc.integer(),
        (factors, r, levels, seed) => {
          const design = morrisDesign(factors, r, levels, seed);
          const k = factors.length;
          expect(design.points).toHaveLength(r * (k + 1));
          for (const p of design.points) {
            factors.forEach((f, j) => {
              const level = (((p[j] as number) - f.min) / (f.max - f.min)) * (levels - 1);
              expect(Math.abs(level - Math.round(level))).toBeLessThan(1e-6);
              expect(Math.round(level)).toBeGreaterThanOrEqual(0);
              expect(Math.round(level)).toBeLessThanOrEqual(levels - 1);
            });
          }
          for (const s of design.steps) {
            expect(Math.abs(s.delta)).toBeCloseTo(levels / (2 * (levels - 1)), 12);
            expect(s.to).toBe(s.from + 1);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the same design for the same seed and another for another seed', () => {
    expect(morrisDesign(unitFactors(3), 5, 4, 1)).toEqual(morrisDesign(unitFactors(3), 5, 4, 1));
    expect(morrisDesign(unitFactors(3), 5, 4, 1).points).not.toEqual(morrisDesign(unitFactors(3), 5, 4, 2).points);
  });

  it('rejects an odd number of levels', () => {
    expect(() => morrisDesign(unitFactors(2), 5, 3, 1)).toThrow(RangeError);
  });
});

describe('sobolSequence()', () => {
  it("matches scipy's unscrambled Sobol' sequence (Joe–Kuo 6.21201 direction numbers)", () => {
    // scipy 1.17: qmc.Sobol(d=80, scramble=False, bits=32).random(65536)[i][[0, 1, 2, 9, 39, 40, 79]]
    const reference: Record<number, number[]> = {
      5: [0.875, 0.875, 0.125, 0.125, 0.375, 0.375, 0.375],
      1023: [0.0009765625, 0.7529296875, 0.6123046875, 0.8505859375, 0.6982421875, 0.6318359375, 0.5263671875],
      40000: [
        0.0245819091796875, 0.4809112548828125, 0.2424774169921875, 0.4845428466796875, 0.7976531982421875,
        0.3446502685546875, 0.0053863525390625,
      ],
      65535: [
        1.52587890625e-5, 0.9999847412109375, 0.5637969970703125, 0.1638946533203125, 0.4355621337890625,
        0.4148712158203125, 0.0684051513671875,
      ],
    };
    const points = sobolSequence(65536, 80);
    expect(points[0]).toEqual(new Array(80).fill(0));
    expect(points.slice(1, 8).map((p) => p.slice(0, 2))).toEqual([
      [0.5, 0.5],
      [0.75, 0.25],
      [0.25, 0.75],
      [0.375, 0.375],
      [0.875, 0.875],
      [0.625, 0.125],
      [0.125, 0.625],
    ]);
    for (const [i, values] of Object.entries(reference)) {
      const point = points[Number(i)] as number[];
      expect([0, 1, 2, 9, 39, 40, 79].map((j) => point[j])).toEqual(values);
    }
  });

  it('puts one of the first 2^m points in each interval of width 2^−m, in every dimension', () => {
    const points = sobolSequence(256, SOBOL_MAX_DIMENSIONS);
    for (let j = 0; j < SOBOL_MAX_DIMENSIONS; j++) {
      expect(points.map((p) => Math.floor((p[j] as number) * 256)).sort((a, b) => a - b)).toEqual(range(256));
    }
  });

  it('makes the first two dimensions a (0, m, 2)-net: one point per elementary box of area 2^−m', () => {
    const m = 8;
    const points = sobolSequence(2 ** m, 2);
    for (let a = 0; a <= m; a++) {
      const cells = new Set(points.map((p) => `${Math.floor((p[0] as number) * 2 ** a)},${Math.floor((p[1] as number) * 2 ** (m - a))}`));
      expect(cells.size).toBe(2 ** m);
    }
  });

  it('refuses more dimensions than it has direction numbers for', () => {
    expect(() => sobolSequence(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(RangeError);
  });
});

describe('saltelliDesign()', () => {
  const factors: Factor[] = [
    { name: 'a', min: 0, max: 1 },
    { name: 'b', min: -2, max: 2 },
    { name: 'c', min: 10, max: 11 },
  ];

  it('lays out A, B, then AB_i = A with column i from B', () => {
    const n = 16;
    const design = saltelliDesign(factors, n, 1);
    expect(design.n).toBe(n);
    expect(design.points).toHaveLength(n * (factors.length + 2));
    const a = design.points.slice(0, n);
    const b = design.points.slice(n, 2 * n);
    for (let i = 0; i < factors.length; i++) {
      const ab = design.points.slice((2 + i) * n, (3 + i) * n);
      ab.forEach((row, r) => {
        row.forEach((v, j) => expect(v).toBe(j === i ? (b[r] as number[])[j] : (a[r] as number[])[j]));
      });
    }
    for (const p of design.points) {
      factors.forEach((f, j) => {
        expect(p[j]).toBeGreaterThanOrEqual(f.min);
        expect(p[j]).toBeLessThan(f.max);
      });
    }
  });

  it('keeps the stratification of the Sobol’ points under the seeded digital shift (n = 2^m)', () => {
    const n = 64;
    const design = saltelliDesign(factors, n, 9);
    const ab = design.points.slice(0, 2 * n);
    factors.forEach((f, j) => {
      expect(strata(ab.slice(0, n), f, j, n).sort((x, y) => x - y)).toEqual(range(n)); // A
      expect(strata(ab.slice(n), f, j, n).sort((x, y) => x - y)).toEqual(range(n)); // B
    });
  });

  it('gives the same design for the same seed and a shifted one for another seed', () => {
    expect(saltelliDesign(factors, 8, 3)).toEqual(saltelliDesign(factors, 8, 3));
    expect(saltelliDesign(factors, 8, 3).points).not.toEqual(saltelliDesign(factors, 8, 4).points);
  });

  it('supports up to 40 factors and refuses more', () => {
    expect(saltelliDesign(unitFactors(40), 4, 1).points).toHaveLength(4 * 42);
    expect(() => saltelliDesign(unitFactors(41), 4, 1)).toThrow(RangeError);
  });
});
