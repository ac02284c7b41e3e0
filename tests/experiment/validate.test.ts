import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalExecutor, validate, type ValidationReport } from '../../src/experiment/index.ts';
import { cli } from '../cli/helpers.ts';

// Few seeds keep CI short; `npx sahel-sahara validate --seeds 50` gives the reported shares.
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('validate()', () => {
  let report: ValidationReport;
  beforeAll(async () => {
    report = await validate(process.cwd(), SEEDS);
  }, 120_000);

  it('reports the nine patterns of MODEL.md §6 with shares, thresholds and the numbers behind them', () => {
    expect(report.patterns.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const p of report.patterns) {
      expect(p.seeds).toBe(SEEDS.length);
      expect(p.share).toBe(p.holds / SEEDS.length);
      expect(p.pass).toBe(p.share >= p.threshold);
      expect(p.low).toBeLessThanOrEqual(p.share);
      expect(p.high).toBeGreaterThanOrEqual(p.share);
      expect(p.high - p.low).toBeGreaterThan(0.1); // 8 seeds decide little
      expect(Object.keys(p.means).length).toBeGreaterThan(1);
    }
    // Each (variant, seed) runs once, however many patterns read it: 11 variants × 8 seeds.
    expect(report.runs).toBe(88);
  });

  it('passes every pattern on these seeds (and at 50 and 200 seeds: README)', () => {
    const failing = report.patterns.filter((p) => !p.pass).map((p) => p.id);
    expect(failing).toEqual([]);
  });

  it('runs only the patterns asked for, with only the runs they need', async () => {
    const some = await validate(process.cwd(), [1], { only: [6, 9] });
    expect(some.patterns.map((p) => p.id)).toEqual([6, 9]);
    // Pattern 6: status quo and none; pattern 9: historical and no ransoms.
    expect(some.runs).toBe(4);
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

describe('validate() on worker threads', () => {
  // One task per seed holds every variant (the options fork at the decision, as in compare: the
  // fork is bit-identical to running from the start, tests/models/sahel-sahara/fork.test.ts).
  it('gives on two worker threads the report it gives in this thread', async () => {
    const seeds = [3, 4];
    const executor = createLocalExecutor({ workers: 2 });
    let parallel: ValidationReport;
    const progress: number[] = [];
    try {
      parallel = await validate(process.cwd(), seeds, { only: [1, 7], executor, onRun: (done) => progress.push(done) });
    } finally {
      await executor.close();
    }
    const serial = await validate(process.cwd(), seeds, { only: [1, 7] });
    expect(parallel.patterns).toEqual(serial.patterns);
    // Historical, status quo, expanded and expanded without the shift, for two seeds.
    expect(parallel.runs).toBe(8);
    expect(progress.at(-1)).toBe(8);
  }, 120_000);
});

describe('sahel-sahara validate --patterns', () => {
  it('exits 2 with what was expected for a pattern that does not exist', () => {
    const result = cli('validate', '--patterns', '7,10');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--patterns 7,10: "10" is not a pattern; expected numbers 1 to 9/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a worker count that is not a number, before running anything', () => {
    const result = cli('validate', '--workers', 'two');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--workers two: expected an integer ≥ 0/);
    expect(result.stdout).toBe('');
  });
});
