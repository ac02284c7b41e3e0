import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineKeys, copyState, KeyedDraws } from '../../src/engine/index.ts';

const take = (d: KeyedDraws, n: number) => Array.from({ length: n }, () => d.float());
const u32 = fc.nat({ max: 0xffffffff });

describe('KeyedDraws', () => {
  it('gives a position the same draws whatever was drawn before, at any position', () => {
    const fresh = take(new KeyedDraws(7, 'movement').at(12, 42), 6);
    const busy = new KeyedDraws(7, 'movement');
    for (let key = 0; key < 50; key++) take(busy.at(12, key), 3);
    take(busy.at(11, 42), 9);
    busy.normal();
    expect(take(busy.at(12, 42), 6)).toEqual(fresh);
  });

  it('gives another sequence for another seed, name, tick, key or salt (property)', () => {
    fc.assert(
      fc.property(fc.nat(1000), u32, u32, fc.nat(3), (seed, tick, key, salt) => {
        const base = new KeyedDraws(seed, 'a').at(tick, key, salt).float();
        expect(new KeyedDraws(seed + 1, 'a').at(tick, key, salt).float()).not.toBe(base);
        expect(new KeyedDraws(seed, 'b').at(tick, key, salt).float()).not.toBe(base);
        expect(new KeyedDraws(seed, 'a').at(tick + 1, key, salt).float()).not.toBe(base);
        expect(new KeyedDraws(seed, 'a').at(tick, (key + 1) >>> 0, salt).float()).not.toBe(base);
        expect(new KeyedDraws(seed, 'a').at(tick, key, salt + 1).float()).not.toBe(base);
      }),
    );
  });

  it('copies for a checkpoint: the copy draws what the original does', () => {
    const d = new KeyedDraws(3, 'x').at(5, 9);
    d.float();
    const copy = copyState(d);
    expect(take(copy, 4)).toEqual(take(d, 4));
    expect(take(copy.at(6, 1), 3)).toEqual(take(d.at(6, 1), 3));
  });

  // Consecutive keys (bands 0, 1, 2, …) must give independent-looking uniforms.
  it('spreads the first draws of consecutive keys uniformly and without serial correlation', () => {
    const d = new KeyedDraws(1, 'attacks');
    const n = 100_000;
    const bins = new Array<number>(20).fill(0);
    let sx = 0;
    let sxy = 0;
    let prev = 0;
    let lo = 1;
    let hi = 0;
    for (let key = 0; key < n; key++) {
      const u = d.at(4, key).float();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      bins[Math.floor(u * 20)]!++;
      sx += u;
      if (key > 0) sxy += (u - 0.5) * (prev - 0.5);
      prev = u;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    const expected = n / 20;
    const chi2 = bins.reduce((acc, b) => acc + (b - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(43.8); // χ²(19) at p = 0.001
    expect(Math.abs(sx / n - 0.5)).toBeLessThan(0.005);
    // Lag-1 correlation: its standard error is 1/√n ≈ 0.003.
    expect(Math.abs(sxy / (n - 1) / (1 / 12))).toBeLessThan(0.015);
  });

  it('flips about half the bits of the first draw when one bit of the key flips', () => {
    const d = new KeyedDraws(2, 'operations');
    let flipped = 0;
    let total = 0;
    for (let key = 0; key < 2000; key++) {
      const a = Math.floor(d.at(9, key).float() * 2 ** 32);
      for (let bit = 0; bit < 32; bit++) {
        const b = Math.floor(d.at(9, (key ^ (1 << bit)) >>> 0).float() * 2 ** 32);
        let x = (a ^ b) >>> 0;
        while (x) {
          flipped += x & 1;
          x >>>= 1;
        }
        total += 32;
      }
    }
    expect(flipped / total).toBeGreaterThan(0.49);
    expect(flipped / total).toBeLessThan(0.51);
  });

  it('draws Poisson and binomial deviates with the right means from positions', () => {
    const d = new KeyedDraws(5, 'recruitment');
    let p = 0;
    let b = 0;
    const n = 20_000;
    for (let key = 0; key < n; key++) {
      p += d.at(1, key).poisson(3);
      b += d.at(1, key, 1).binomial(20, 0.25);
    }
    expect(p / n).toBeCloseTo(3, 1);
    expect(b / n).toBeCloseTo(5, 1);
  });

  it('combines keys so that the order of the parts matters and no part is lost', () => {
    expect(combineKeys(1, 2)).not.toBe(combineKeys(2, 1));
    fc.assert(
      fc.property(u32, u32, (a, b) => {
        expect(combineKeys(a, b)).not.toBe(combineKeys((a + 1) >>> 0, b));
        expect(combineKeys(a, b)).not.toBe(combineKeys(a, (b + 1) >>> 0));
      }),
    );
  });
});
