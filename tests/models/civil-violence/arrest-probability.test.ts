import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arrestProbability, copActiveRatio } from '../../../src/models/civil-violence/index.ts';
import { createArrestProbabilityTable, largestActiveRatio } from '../../../src/models/civil-violence/arrest-probability.ts';

describe('copActiveRatio()', () => {
  it('rounds C/(A+1) = 0.5 down both ways (C = 1, A = 1)', () => {
    expect(copActiveRatio(1, 1, 'half-even')).toBe(0);
    expect(copActiveRatio(1, 1, 'floor')).toBe(0);
    expect(copActiveRatio(1, 1, 'none')).toBe(0.5);
  });

  it('rounds 1.5 to 2 half-even but to 1 by floor (C = 3, A = 1)', () => {
    expect(copActiveRatio(3, 1, 'half-even')).toBe(2);
    expect(copActiveRatio(3, 1, 'floor')).toBe(1);
  });

  it('rounds halves to the even neighbour, as Python’s round', () => {
    // 2.5 → 2, 3.5 → 4, 4.5 → 4 (A + 1 = 2); 2/3 → 1 and 1/3 → 0 are not ties.
    expect([5, 7, 9].map((c) => copActiveRatio(c, 1, 'half-even'))).toEqual([2, 4, 4]);
    expect(copActiveRatio(2, 2, 'half-even')).toBe(1);
    expect(copActiveRatio(1, 2, 'half-even')).toBe(0);
    expect(copActiveRatio(2, 2, 'floor')).toBe(0);
  });

  it('counts the citizen itself: C cops and no other active give C', () => {
    expect(copActiveRatio(4, 0, 'half-even')).toBe(4);
    expect(copActiveRatio(0, 10, 'floor')).toBe(0);
  });

  it('agrees with rounding the float ratio for every C, A up to 112', () => {
    const pythonRound = (x: number) => {
      const f = Math.floor(x);
      return x - f === 0.5 ? (f % 2 === 0 ? f : f + 1) : Math.round(x);
    };
    for (let c = 0; c <= 112; c++) {
      for (let a = 0; a <= 112; a++) {
        expect(copActiveRatio(c, a, 'half-even')).toBe(pythonRound(c / (a + 1)));
        expect(copActiveRatio(c, a, 'floor')).toBe(Math.floor(c / (a + 1)));
      }
    }
  });
});

describe('arrestProbability()', () => {
  it('is 1 − exp(−k·round(C/(A+1)))', () => {
    expect(arrestProbability(3, 1, 2.3, 'half-even')).toBeCloseTo(1 - Math.exp(-4.6), 15);
    expect(arrestProbability(3, 1, 2.3, 'floor')).toBeCloseTo(1 - Math.exp(-2.3), 15);
    expect(arrestProbability(0, 5, 2.3, 'floor')).toBe(0);
    expect(arrestProbability(1, 0, 2.3, 'half-even')).toBeCloseTo(0.8997411562771962, 15);
  });
});

describe('largestActiveRatio()', () => {
  it('is -1 for a citizen who is never active and the largest n with G − R·P(n) > T otherwise', () => {
    const table = createArrestProbabilityTable(2.3, 112);
    expect(largestActiveRatio(0.05, 0.5, 0.1, table)).toBe(-1);
    expect(largestActiveRatio(0.15, 0.5, 0.1, table)).toBe(0);
    expect(largestActiveRatio(0.2, 0, 0.1, table)).toBe(112);
  });

  it('decides exactly as rule A for any G, R and C/(A+1) (property)', () => {
    const table = createArrestProbabilityTable(2.3, 112);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.integer({ min: 0, max: 112 }),
        (g, r, threshold, n) => {
          expect(n <= largestActiveRatio(g, r, threshold, table)).toBe(g - r * (table[n] as number) > threshold);
        },
      ),
      { seed: 7 },
    );
  });
});
