import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, temporaryDir } from './helpers.ts';

const root = temporaryDir();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const BASE = 'tests/fixtures/sahel-small-baseline.yaml';
const OPTION = 'tests/fixtures/sahel-small-option.yaml';

describe('sahel-sahara sensitivity', () => {
  it('ranks the uncertain parameters by Morris μ* with bootstrap CIs, runs stored like a batch', () => {
    const dir = join(root, 'morris');
    const result = cli('sensitivity', BASE, '--trajectories', '5', '--seeds', '2', '--metrics', 'destabilisation,attacks', '--workers', '1', '--out', dir);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/15 points × 2 seeds = 30 runs over 2 uncertain parameters/);
    const report = JSON.parse(readFileSync(join(dir, 'sensitivity.json'), 'utf8'));
    expect(report.method).toBe('morris');
    const [destabilisation] = report.metrics;
    expect(destabilisation.metric).toBe('destabilisation');
    for (const index of destabilisation.result.indices) {
      expect(index.muStar).toBeGreaterThanOrEqual(Math.abs(index.mu) - 1e-12);
      expect(index.muStarLow).toBeLessThanOrEqual(index.muStar + 1e-12);
      expect(index.muStarHigh).toBeGreaterThanOrEqual(index.muStar - 1e-12);
    }
    // Collusion in Mali moves destabilisation; the fixture's AQIM funds barely do.
    const by = Object.fromEntries(destabilisation.result.indices.map((i: { factor: string; muStar: number }) => [i.factor, i.muStar]));
    expect(by['states.MLI.collusion']).toBeGreaterThan(by['groups.AQIM.funds']);
  }, 60_000);

  it('gives Sobol’ S1 and ST with intervals', () => {
    const dir = join(root, 'sobol');
    const result = cli('sensitivity', BASE, '--method', 'sobol', '--samples', '8', '--seeds', '1', '--metrics', 'destabilisation', '--workers', '2', '--out', dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/32 points × 1 seeds = 32 runs/);
    const report = JSON.parse(readFileSync(join(dir, 'sensitivity.json'), 'utf8'));
    expect(report.metrics[0].result.indices).toHaveLength(2);
    for (const i of report.metrics[0].result.indices) expect(Object.keys(i).sort()).toEqual(['S1', 'S1High', 'S1Low', 'ST', 'STHigh', 'STLow', 'factor']);
  }, 60_000);

  it('refuses a scenario without uncertainties and an unknown factor, with exit code 2', () => {
    const none = cli('sensitivity', 'tests/fixtures/sahel-small.yaml', '--out', join(root, 'x'));
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/has no uncertainties/);
    const unknown = cli('sensitivity', BASE, '--factors', 'states.MLI.capacity', '--out', join(root, 'y'));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/not among small-baseline's uncertainties/);
  });
});

describe('sahel-sahara discover', () => {
  it('finds a box of uncertain parameters where the option beats the baseline', () => {
    const dir = join(root, 'compare');
    expect(cli('compare', BASE, OPTION, '--seeds', '2', '--points', '30', '--metrics', 'destabilisation', '--out', dir).status).toBe(0);
    const result = cli('discover', dir, '--metric', 'destabilisation', '--delta', '0', '--json');
    expect(result.status).toBe(0);
    const { results } = JSON.parse(result.stdout);
    expect(results).toHaveLength(1);
    const [found] = results;
    expect(found.option).toBe('small-option');
    expect(found.points).toBe(30);
    // The option wins at some of the 30 points and loses at others (18 with this master seed and
    // today's model): there is a box to find. A range, so that recalibrating the model does not
    // break a test of PRIM.
    expect(found.wins).toBeGreaterThanOrEqual(6);
    expect(found.wins).toBeLessThanOrEqual(24);
    const box = found.result.boxes[0];
    expect(box.density).toBeGreaterThanOrEqual(0.8);
    expect(box.coverage).toBeGreaterThan(0.2);
    expect(box.limits.map((l: { name: string }) => l.name)).toContain('groups.AQIM.funds');
    const text = cli('discover', dir, '--metric', 'destabilisation');
    expect(text.stdout).toMatch(/small-option: beats the baseline at \d+ of 30 points/);
  }, 60_000);

  it('refuses a folder that is not a comparison with design points, with exit code 2', () => {
    const bad = cli('discover', root, '--metric', 'attacks');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a result folder/);
    const noMetric = cli('discover', join(root, 'compare'));
    expect(noMetric.status).toBe(2);
    expect(noMetric.stderr).toMatch(/--metric is required/);
  });
});
