import { describe, expect, it } from 'vitest';
import { validate } from '../../src/experiment/index.ts';

// Few seeds keep CI short; `npx sahel-sahara validate --seeds 50` gives the reported shares.
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('validate()', () => {
  const report = validate(process.cwd(), SEEDS);

  it('reports the nine patterns of MODEL.md §6 with shares, thresholds and the numbers behind them', () => {
    expect(report.patterns.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const p of report.patterns) {
      expect(p.seeds).toBe(SEEDS.length);
      expect(p.share).toBe(p.holds / SEEDS.length);
      expect(p.pass).toBe(p.share >= p.threshold);
      expect(Object.keys(p.means).length).toBeGreaterThan(1);
    }
    // Each (variant, seed) runs once, however many patterns read it: 11 variants × 8 seeds.
    expect(report.runs).toBe(88);
  });

  it('passes every pattern of the seed but pattern 7 on these seeds (the README says why 7 fails)', () => {
    const failing = report.patterns.filter((p) => !p.pass).map((p) => p.id);
    expect(failing).toEqual([7]);
  });

  it('finds the offensive collapses group control of northern Mali in every seed', () => {
    const p3 = report.patterns.find((p) => p.id === 3)!;
    expect(p3.means.shareAfter!).toBeLessThan(0.5 * p3.means.shareBefore!);
  });

  it('finds a framework on paper changes little against none (pattern 6)', () => {
    expect(report.patterns.find((p) => p.id === 6)!.pass).toBe(true);
  });

  it('finds ransoms raise AQIM’s funds (pattern 9)', () => {
    const p9 = report.patterns.find((p) => p.id === 9)!;
    expect(p9.means.fundsPaid!).toBeGreaterThan(p9.means.fundsUnpaid!);
  });
});
