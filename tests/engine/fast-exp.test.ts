import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expNonPositive } from '../../src/engine/index.ts';

/** Relative distance from Math.exp, the reference. */
const error = (z: number) => Math.abs(expNonPositive(z) - Math.exp(z)) / Math.exp(z);

describe('expNonPositive', () => {
  it('is within 1e-15 of Math.exp over the normal range (property)', () => {
    fc.assert(fc.property(fc.double({ min: -708, max: 0, noNaN: true }), (z) => error(z) <= 1e-15), { numRuns: 20000 });
  });

  it('is within 1e-15 on the softmax range and at the table steps', () => {
    let worst = 0;
    for (let i = 0; i <= 300_000; i++) worst = Math.max(worst, error(-i / 10_000));
    // Every step of ln 2 / 32 starts a table entry.
    for (let m = 0; m <= 32 * 1021; m++) worst = Math.max(worst, error((-m * Math.LN2) / 32));
    expect(worst).toBeLessThan(1e-15);
    expect(worst).toBeGreaterThan(0);
  });

  it('gives 1 at 0 and 0 below the normal doubles', () => {
    expect(expNonPositive(0)).toBe(1);
    expect(expNonPositive(-0)).toBe(1);
    expect(expNonPositive(-709)).toBe(0);
    expect(expNonPositive(-Infinity)).toBe(0);
    expect(expNonPositive(1)).toBeNaN();
  });

  it('falls monotonically across table steps', () => {
    let previous = expNonPositive(0);
    for (let i = 1; i <= 100_000; i++) {
      const next = expNonPositive(-i / 3000);
      expect(next).toBeLessThanOrEqual(previous);
      previous = next;
    }
  });
});
