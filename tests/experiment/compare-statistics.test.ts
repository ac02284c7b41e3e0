import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  commonRandomNumbersGain,
  holmAdjust,
  meanSummary,
  pairedDifferences,
  parseSatisficing,
  quantile,
  robustnessOverPoints,
  satisficingShare,
  studentTCdf,
  studentTQuantile,
  winRate,
  wilsonInterval,
} from '../../src/experiment/compare-statistics.ts';

// Reference values: published t tables (to 7 digits) and, where marked, scipy 1.17 (stats.t, stats.ttest_rel, numpy.quantile).

/** A small seeded generator (mulberry32), so the sampling tests are deterministic. */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller. */
function normals(seed: number, n: number): number[] {
  const u = uniforms(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u()));
}

describe('quantile()', () => {
  it('interpolates linearly between order statistics (R type 7, numpy default)', () => {
    const values = [4, 1, 3, 2];
    expect(quantile(values, 0.1)).toBeCloseTo(1.3, 12);
    expect(quantile(values, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile(values, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile(values, 0)).toBe(1);
    expect(quantile(values, 1)).toBe(4);
    expect(values).toEqual([4, 1, 3, 2]); // the input is not sorted in place
  });

  it('is NaN for no values or p outside [0, 1]', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([1, 2], 1.5)).toBeNaN();
  });

  it('lies between the minimum and maximum and rises with p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p, r) => {
          const [lo, hi] = p <= r ? [p, r] : [r, p];
          expect(quantile(values, lo)).toBeGreaterThanOrEqual(Math.min(...values));
          expect(quantile(values, hi)).toBeLessThanOrEqual(Math.max(...values));
          expect(quantile(values, lo)).toBeLessThanOrEqual(quantile(values, hi));
        },
      ),
    );
  });
});

describe('studentTQuantile()', () => {
  it('matches the published t table to 1e-6', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062047, 6);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281389, 6);
    expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.032143, 6);
    expect(studentTQuantile(0.9875, 20)).toBeCloseTo(2.4231165, 6); // scipy: 2.423116539873409
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623391, 6); // scipy: 1.9623390808264083
  });

  it('is odd about p = 0.5 and reaches far tails (scipy: t_{1e-6, 1} = −318309.886)', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.2281389, 6);
    expect(studentTQuantile(1e-6, 1) / -318309.88617359026).toBeCloseTo(1, 9);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
    expect(studentTQuantile(1.2, 3)).toBeNaN();
    expect(studentTQuantile(0.9, 0)).toBeNaN();
  });

  it('inverts studentTCdf()', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 500 }), (p, df) => {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
      }),
    );
  });
});

describe('studentTCdf()', () => {
  it('matches known values to 1e-7', () => {
    expect(studentTCdf(2, 3)).toBeCloseTo(0.930337, 7);
    expect(studentTCdf(-2, 3)).toBeCloseTo(0.069663, 6);
    expect(studentTCdf(0, 5)).toBe(0.5);
    // Cauchy (df = 1): 1/2 + atan(t)/π.
    expect(studentTCdf(50, 1)).toBeCloseTo(0.5 + Math.atan(50) / Math.PI, 12);
  });

  it('keeps the relative precision of small tails (scipy: P(T ≤ −7; 100) = 1.49178330e-10)', () => {
    expect(studentTCdf(-7, 100) / 1.4917833018045896e-10).toBeCloseTo(1, 9);
  });
});

describe('meanSummary()', () => {
  it('gives the mean with its 95 % t interval, quartiles and sd (scipy: t.interval, numpy.quantile)', () => {
    const s = meanSummary([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2.1380899, 6);
    expect(s.low).toBeCloseTo(3.2125121, 6);
    expect(s.high).toBeCloseTo(6.7874879, 6);
    expect(s.median).toBeCloseTo(4.5, 12);
    expect(s.p10).toBeCloseTo(3.4, 12);
    expect(s.p90).toBeCloseTo(7.6, 12);
  });

  it('collapses the interval to the value for a single run', () => {
    expect(meanSummary([3])).toMatchObject({ n: 1, mean: 3, low: 3, high: 3, sd: 0 });
  });
});

describe('holmAdjust()', () => {
  it('multiplies the i-th smallest of m p-values by m − i + 1 and keeps the order (hand-computed)', () => {
    // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → raised to 0.06 to stay monotone.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((p, i) => expect(adjusted[i]).toBeCloseTo(p, 12));
  });

  it('caps at 1 and keeps NaN (no test) as NaN while counting it among the m', () => {
    expect(holmAdjust([0.6, 0.3])).toEqual([0.6, 0.6]);
    expect(holmAdjust([0.01, Number.NaN])[0]).toBeCloseTo(0.02, 12);
    expect(holmAdjust([0.01, Number.NaN])[1]).toBeNaN();
    expect(holmAdjust([])).toEqual([]);
  });

  it('never lowers a p-value, never exceeds 1 and preserves the order of the raw p-values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), (ps) => {
        const adjusted = holmAdjust(ps);
        ps.forEach((p, i) => {
          expect(adjusted[i]).toBeGreaterThanOrEqual(p);
          expect(adjusted[i]).toBeLessThanOrEqual(1);
          ps.forEach((q, j) => {
            if (p < q) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j] as number);
          });
        });
      }),
    );
  });
});

describe('pairedDifferences()', () => {
  const baseline = [10, 12, 9, 11, 13];
  const fewer = [8, 11, 9, 9, 10]; // differences −2, −1, 0, −2, −3: mean −1.6, sd √1.3
  const same = [10, 12, 10, 11, 12]; // differences 0, 0, 1, 0, −1: mean 0

  it('with one option, is the paired t-test and its 95 % interval (scipy: ttest_rel)', () => {
    const [d] = pairedDifferences(baseline, [fewer], { direction: 'lower' });
    expect(d).toBeDefined();
    expect(d!.n).toBe(5);
    expect(d!.mean).toBeCloseTo(-1.6, 12);
    expect(d!.sd).toBeCloseTo(Math.sqrt(1.3), 12);
    expect(d!.pValue).toBeCloseTo(0.0349197067, 8);
    expect(d!.pAdjusted).toBeCloseTo(0.0349197067, 8);
    expect(d!.low).toBeCloseTo(-3.015714777, 8);
    expect(d!.high).toBeCloseTo(-0.184285223, 8);
    expect(d!.significant).toBe(true);
    expect(d!.verdict).toBe('better');
  });

  it('with m options, widens the intervals to level 1 − α/m and adjusts p by Holm', () => {
    const [d, e] = pairedDifferences(baseline, [fewer, same], { direction: 'lower' });
    // t_{1 − 0.05/4, 4} = 3.4954059 (scipy); half-width 3.4954059 · √1.3/√5.
    expect(d!.low).toBeCloseTo(-3.382314306, 8);
    expect(d!.high).toBeCloseTo(0.182314306, 8);
    expect(d!.pAdjusted).toBeCloseTo(2 * 0.0349197067, 8);
    expect(d!.significant).toBe(false);
    expect(d!.verdict).toBe('inconclusive');
    expect(e!.pValue).toBeCloseTo(1, 12);
    expect(e!.pAdjusted).toBe(1);
  });

  it('can call an option significant by Holm while its Bonferroni interval touches 0 (documented)', () => {
    const muchFewer = [5, 6.9, 4.1, 6, 8]; // differences ≈ −5: p ≈ 1e-7, rejected first at α/2
    const [d] = pairedDifferences(baseline, [fewer, muchFewer], { direction: 'lower' });
    expect(d!.pAdjusted).toBeCloseTo(0.0349197067, 8); // then tested at α/1
    expect(d!.significant).toBe(true);
    expect(d!.low).toBeLessThan(0);
    expect(d!.high).toBeGreaterThan(0);
  });

  it('reads "better" from the metric’s direction', () => {
    const [d] = pairedDifferences(baseline, [fewer], { direction: 'higher' });
    expect(d!.verdict).toBe('worse');
  });

  it('collapses the interval when every pair differs by the same amount', () => {
    const [shifted, identical] = pairedDifferences([1, 2, 3], [[2, 3, 4], [1, 2, 3]], { direction: 'lower' });
    expect(shifted).toMatchObject({ mean: 1, low: 1, high: 1, sd: 0, pValue: 0, pAdjusted: 0, significant: true, verdict: 'worse' });
    expect(identical).toMatchObject({ mean: 0, low: 0, high: 0, sd: 0, pValue: 1, pAdjusted: 1, significant: false });
  });

  it('refuses unpaired runs', () => {
    expect(() => pairedDifferences([1, 2, 3], [[1, 2]], { direction: 'lower' })).toThrow(RangeError);
  });
});

describe('wilsonInterval()', () => {
  it('gives the Wilson score interval: 6 of 10 → [0.313, 0.832], 10 of 10 → [0.722, 1]', () => {
    const a = wilsonInterval(0.6, 10);
    expect(a.low).toBeCloseTo(0.3127, 4);
    expect(a.high).toBeCloseTo(0.8318, 4);
    const b = wilsonInterval(1, 10);
    expect(b.low).toBeCloseTo(0.7225, 4);
    expect(b.high).toBe(1);
    expect(wilsonInterval(0.5, 0).low).toBeNaN();
  });
});

describe('winRate()', () => {
  it('counts strict wins in the metric’s direction, ties as half, with a Wilson interval', () => {
    const baseline = new Array<number>(10).fill(0);
    const option = [-1, -1, -1, -1, -1, -1, -1, -1, 1, 1];
    // Wilson, 8 of 10, z = 1.959964: [0.4902, 0.9433].
    const w = winRate(baseline, option, 'lower');
    expect(w).toMatchObject({ wins: 8, ties: 0, n: 10, rate: 0.8 });
    expect(w.low).toBeCloseTo(0.4902, 4);
    expect(w.high).toBeCloseTo(0.9433, 4);
    expect(winRate(baseline, option, 'higher').wins).toBe(2);
    expect(winRate([0, 0, 0, 0], [0, 0, -1, 1], 'lower')).toMatchObject({ wins: 1, ties: 2, rate: 0.5 });
  });

  it('gives [0, 0.2775] for no wins in 10', () => {
    const w = winRate(new Array<number>(10).fill(0), new Array<number>(10).fill(1), 'lower');
    expect(w.rate).toBe(0);
    expect(w.low).toBe(0);
    expect(w.high).toBeCloseTo(0.2775, 4);
  });

  it('keeps the rate inside its interval, inside [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 60 }),
        fc.constantFrom('lower' as const, 'higher' as const),
        (pairs, direction) => {
          const w = winRate(pairs.map(([b]) => b), pairs.map(([, o]) => o), direction);
          expect(w.low).toBeGreaterThanOrEqual(0);
          expect(w.low).toBeLessThanOrEqual(w.rate);
          expect(w.rate).toBeLessThanOrEqual(w.high);
          expect(w.high).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('commonRandomNumbersGain()', () => {
  it('compares var(option − baseline) with var(option) + var(baseline) (hand-computed)', () => {
    // var(b) = 5/3, var(o) = 13/3, var(o − b) = 2/3: reduction = 1 − (2/3)/6 = 8/9.
    const g = commonRandomNumbersGain([1, 2, 3, 4], [2, 4, 5, 7]);
    expect(g.pairedVariance).toBeCloseTo(2 / 3, 12);
    expect(g.independentVariance).toBeCloseTo(6, 12);
    expect(g.reduction).toBeCloseTo(8 / 9, 12);
  });

  it('is near 1 when the pairs move together and near 0 for independent samples', () => {
    const n = 2000;
    const common = normals(1, n).map((z) => 100 + 10 * z);
    const small = normals(2, n);
    const correlated = common.map((x, j) => x + 0.5 + 0.1 * (small[j] as number));
    // Expected 1 − 0.01/200 = 0.99995.
    expect(commonRandomNumbersGain(common, correlated).reduction).toBeGreaterThan(0.9999);
    const independent = normals(3, n).map((z) => 100.5 + 10 * z);
    // Expected 0, with sampling sd about 1/√n ≈ 0.022.
    expect(Math.abs(commonRandomNumbersGain(common, independent).reduction)).toBeLessThan(0.07);
  });

  it('reports no reduction, not NaN, when nothing varies', () => {
    expect(commonRandomNumbersGain([1, 1, 1], [2, 2, 2])).toEqual({ pairedVariance: 0, independentVariance: 0, reduction: 0 });
  });
});

describe('robustnessOverPoints()', () => {
  // Options by point; lower is better, so the best at each point is 1, 1, 3.
  const byPoint = [
    [1, 5, 3],
    [2, 2, 4],
    [3, 1, 5],
  ];

  it('gives worst case, bad tail and regret when lower is better (hand-computed)', () => {
    const [a, b, c] = robustnessOverPoints(byPoint, 'lower');
    expect(a).toMatchObject({ mean: 3, worst: 5, maxRegret: 4 });
    expect(a!.badTail).toBeCloseTo(4.6, 12); // 90th percentile of 1, 3, 5
    expect(a!.p90Regret).toBeCloseTo(3.2, 12); // regrets 0, 4, 0
    expect(b).toMatchObject({ worst: 4, maxRegret: 1, p90Regret: 1 }); // regrets 1, 1, 1: never best, never far
    expect(c!.maxRegret).toBe(2);
  });

  it('turns worst case, bad tail and best around when higher is better', () => {
    const [a, b, c] = robustnessOverPoints(byPoint, 'higher');
    // Best at each point: 3, 5, 5.
    expect(a).toMatchObject({ worst: 1, maxRegret: 2 });
    expect(a!.badTail).toBeCloseTo(1.4, 12); // 10th percentile of 1, 3, 5
    expect(b!.maxRegret).toBe(3);
    expect(c!.maxRegret).toBe(4);
  });

  it('has regret ≥ 0, with some option at 0 at every point', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((points) =>
          fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: points, maxLength: points }), { minLength: 1, maxLength: 5 }),
        ),
        fc.constantFrom('lower' as const, 'higher' as const),
        (values, direction) => {
          const result = robustnessOverPoints(values, direction);
          for (const r of result) expect(r.maxRegret).toBeGreaterThanOrEqual(0);
          // With a single point, max regret is that point's regret: exactly one option (or a tie) has 0.
          const single = robustnessOverPoints(values.map((v) => [v[0] as number]), direction);
          expect(single.some((r) => r.maxRegret === 0)).toBe(true);
        },
      ),
    );
  });

  it('refuses options with different points', () => {
    expect(() => robustnessOverPoints([[1, 2], [1]], 'lower')).toThrow(RangeError);
  });
});

describe('satisficingShare()', () => {
  it('counts the share of points meeting the threshold, with the operator as written', () => {
    const values = [1, 2, 3, 4];
    expect(satisficingShare(values, { op: '<=', value: 2 })).toBe(0.5);
    expect(satisficingShare(values, { op: '<', value: 2 })).toBe(0.25);
    expect(satisficingShare(values, { op: '>=', value: 4 })).toBe(0.25);
    expect(satisficingShare(values, { op: '>', value: 4 })).toBe(0);
  });

  it('does not count a NaN outcome as meeting it, and is NaN with no points', () => {
    expect(satisficingShare([1, Number.NaN], { op: '<=', value: 2 })).toBe(0.5);
    expect(satisficingShare([], { op: '<=', value: 2 })).toBeNaN();
  });
});

describe('parseSatisficing()', () => {
  it('reads metric, operator and number', () => {
    expect(parseSatisficing('attacks<=12.5')).toEqual({ metric: 'attacks', op: '<=', value: 12.5 });
    expect(parseSatisficing(' trust_mean >= 0.3 ')).toEqual({ metric: 'trust_mean', op: '>=', value: 0.3 });
    expect(parseSatisficing('destabilisation<-1e-3')).toEqual({ metric: 'destabilisation', op: '<', value: -0.001 });
    expect(parseSatisficing('joint_ops>2')).toEqual({ metric: 'joint_ops', op: '>', value: 2 });
  });

  it('says what was expected when the text is not a threshold', () => {
    expect(() => parseSatisficing('attacks=5')).toThrow(/expected <metric><op><number>/);
    expect(() => parseSatisficing('<=5')).toThrow(/expected <metric><op><number>/);
    expect(() => parseSatisficing('attacks<=many')).toThrow(/expected a number after "attacks<="/);
    expect(() => parseSatisficing('attacks<=')).toThrow(/expected a number/);
    expect(() => parseSatisficing('attacks<=0x10')).toThrow(/expected a number/);
  });
});
