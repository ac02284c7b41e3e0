import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readParquet } from '../../src/results/index.ts';
import { cli, temporaryDir } from './helpers.ts';

const root = temporaryDir();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const BASE = 'tests/fixtures/sahel-small-baseline.yaml';
const OPTION = 'tests/fixtures/sahel-small-option.yaml';

describe('sahel-sahara compare', () => {
  const dir = join(root, 'compare');
  const result = cli('compare', BASE, OPTION, '--seeds', '4', '--points', '3', '--satisfice', 'attacks<=0.5', '--metrics', 'attacks,joint_ops', '--workers', '1', '--out', dir);
  const report = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8'));

  it('runs every option at the same points with the same seeds, derived from point and replication only', async () => {
    expect(result.status).toBe(0);
    const { columns, rows } = await readParquet(join(dir, 'runs.parquet'));
    const at = (name: string) => columns.findIndex((c) => c.name === name);
    expect(rows).toHaveLength(2 * 3 * 4);
    const seedOf = new Map<string, unknown>();
    for (const row of rows) {
      const pair = `${row[at('point')]}:${row[at('replication')]}`;
      if (seedOf.has(pair)) expect(row[at('seed')]).toBe(seedOf.get(pair));
      else seedOf.set(pair, row[at('seed')]);
      expect(row[at('status')]).toBe('done');
    }
    expect(new Set(seedOf.values()).size).toBe(12);
    // The design point's values are stored with each run.
    expect(columns.map((c) => c.name)).toContain('param:states.MLI.collusion');
    expect(report.sharedCheckpoint).toBe(true);
  });

  it('reports CIs, paired differences with Holm, win rates, the CRN gain, robustness and satisficing', () => {
    expect(report.metrics.map((m: { metric: string }) => m.metric)).toEqual(['attacks', 'joint_ops']);
    const joint = report.metrics[1];
    expect(joint.better).toBe('higher');
    expect(joint.pairs).toBe(12);
    const [base, option] = joint.options;
    expect(base.summary.low).toBeLessThanOrEqual(base.summary.mean);
    expect(base.summary.high).toBeGreaterThanOrEqual(base.summary.mean);
    // The option's operational framework runs joint operations the baseline's barely does.
    expect(option.difference.mean).toBeGreaterThan(0);
    expect(option.difference.mean).toBeCloseTo(option.summary.mean - base.summary.mean, 10);
    expect(option.difference.significant).toBe(true);
    expect(option.win.rate).toBeGreaterThan(0.5);
    expect(option.win.low).toBeLessThanOrEqual(option.win.rate);
    expect(option.crn.reduction).toBeLessThanOrEqual(1);
    expect(option.robustness.maxRegret).toBe(0);
    expect(base.robustness.maxRegret).toBeGreaterThan(0);
    expect(report.metrics[0].options[0].satisficing[0].constraint).toBe('attacks<=0.5');
    expect(result.stdout).toMatch(/win rate \[Wilson\]/);
    expect(result.stdout).toMatch(/over 3 design points/);
  });

  it('reruns the comparison from its manifest with identical results (reproduce)', () => {
    const again = cli('reproduce', dir, '--workers', '2');
    expect(again.stdout).toMatch(/reproduced: \d+ files identical/);
    expect(again.status).toBe(0);
  }, 60_000);

  it('refuses bad input with exit code 2 and a message saying what was expected', () => {
    const cases: [string[], RegExp][] = [
      [[BASE], /a baseline and at least one option/],
      [[BASE, OPTION, '--sample', 'sobol'], /expected lhs or grid/],
      [[BASE, OPTION, '--metrics', 'atacks'], /unknown metric "atacks"/],
      [[BASE, OPTION, '--satisfice', 'attacks=3'], /expected <metric><op><number>/],
      [[BASE, OPTION, '--points', '3', '--sample', 'grid'], /needs at least 2\^2 points/],
      [['tests/fixtures/sahel-small.yaml', OPTION, '--points', '2'], /different|no uncertainties/],
    ];
    for (const [args, message] of cases) {
      const bad = cli('compare', ...args, '--out', join(root, 'bad'));
      expect(bad.stderr, args.join(' ')).toMatch(message);
      expect(bad.status, args.join(' ')).toBe(2);
    }
  }, 60_000);
});

describe('sahel-sahara reproduce', () => {
  it('reruns a run folder and finds every file identical', () => {
    const dir = join(root, 'run');
    expect(cli('run', 'tests/fixtures/sahel-small.yaml', '--seeds', '1..2', '--out', dir).status).toBe(0);
    const again = cli('reproduce', dir);
    expect(again.stdout).toMatch(/identical {2}series\.csv/);
    expect(again.status).toBe(0);
  });

  it('says which files differ when a stored result was altered', () => {
    const dir = join(root, 'run');
    const path = join(dir, 'summary.csv');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(/\n1,/, '\n1,9'));
    const again = cli('reproduce', dir);
    expect(again.stdout).toMatch(/DIFFERS +summary\.csv/);
    expect(again.status).toBe(1);
  });
});
