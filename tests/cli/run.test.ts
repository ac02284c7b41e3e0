import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, temporaryDir } from './helpers.ts';

describe('sahel-sahara run', () => {
  it('writes manifest, series and summary with the documented columns', () => {
    const out = join(temporaryDir(), 'run');
    const result = cli('run', 'tests/fixtures/cv-small.yaml', '--seeds', '1..3', '--out', out);
    expect(result.stderr).toContain('seed 3 done (3/3)');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('cv-small · model civil-violence · 3 seeds × 30 ticks');
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'series.csv', 'summary.csv']);
    const series = readFileSync(join(out, 'series.csv'), 'utf8').trim().split('\n');
    expect(series[0]).toBe('seed,tick,active,quiet,jailed');
    expect(series).toHaveLength(1 + 3 * 31);
    const summary = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n');
    expect(summary[0]).toBe('seed,ticks,active_final,active_max,active_mean,quiet_final,quiet_max,quiet_mean,jailed_final,jailed_max,jailed_mean');
    expect(summary.map((l) => l.split(',')[0])).toEqual(['seed', '1', '2', '3']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'run', model: 'civil-violence', seeds: [1, 2, 3], ticks: 30, metrics: ['active', 'quiet', 'jailed'] });
    expect(manifest.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.scenario.params.width).toBe(20);
    expect(manifest.code.package).toBe('0.1.0');
  });

  it('gives the same series bytes for the same scenario, overrides and seed, and other bytes for another seed', () => {
    const dir = temporaryDir();
    const args = ['tests/fixtures/cv-small.yaml', '--seed', '4', '--set', 'legitimacy=0.7'];
    expect(cli('run', ...args, '--out', join(dir, 'a')).status).toBe(0);
    expect(cli('run', ...args, '--out', join(dir, 'b')).status).toBe(0);
    expect(cli('run', 'tests/fixtures/cv-small.yaml', '--seed', '5', '--set', 'legitimacy=0.7', '--out', join(dir, 'c')).status).toBe(0);
    const bytes = (name: string) => readFileSync(join(dir, name, 'series.csv'), 'utf8');
    expect(bytes('a')).toBe(bytes('b'));
    expect(bytes('c')).not.toBe(bytes('a'));
    // Golden: these exact bytes, on any machine. A change to the civil violence model, its random
    // streams or the CSV format changes this hash; update it only for such a deliberate change.
    expect(createHash('sha256').update(bytes('a')).digest('hex')).toBe('8d0361f8b800c8717e7d932c831299d804c312e684465ed1758ffde3652fb9d1');
  });

  it('prints a JSON summary with confidence intervals', () => {
    const out = join(temporaryDir(), 'json');
    const result = cli('run', 'tests/fixtures/cv-small.yaml', '--seeds', '1,2', '--ticks', '5', '--out', out, '--json');
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.seeds).toEqual([1, 2]);
    expect(summary.ticks).toBe(5);
    const jailed = summary.metrics.find((m: { metric: string }) => m.metric === 'jailed');
    expect(jailed.final.n).toBe(2);
    expect(jailed.final.low).toBeLessThanOrEqual(jailed.final.mean);
  });

  it('exits 2 with a located one-screen error, no stack trace and no folder for a misspelt key', () => {
    const out = join(temporaryDir(), 'never');
    const result = cli('run', 'tests/fixtures/cv-misspelt-key.yaml', '--out', out);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cv-misspelt-key\.yaml:7:3 {2}\/params\/legitimcy {2}unknown key "legitimcy" — did you mean "legitimacy"\?/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.split('\n').length).toBeLessThan(10);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for a wrong type and for malformed YAML', () => {
    const wrong = cli('run', 'tests/fixtures/cv-wrong-type.yaml');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('expected a number from 0 to 1, got "high"');
    const malformed = cli('run', 'tests/fixtures/cv-malformed.yaml');
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/cv-malformed\.yaml:\d+:\d+/);
  });

  it('exits 2 for an unknown flag, a bad seed list and a missing file', () => {
    expect(cli('run', 'tests/fixtures/cv-small.yaml', '--sede', '1').status).toBe(2);
    const seeds = cli('run', 'tests/fixtures/cv-small.yaml', '--seeds', '5..2');
    expect(seeds.status).toBe(2);
    expect(seeds.stderr).toContain('the range 5..2 is empty');
    expect(cli('run', 'tests/fixtures/missing.yaml').status).toBe(2);
  });

  it('refuses to overwrite a folder that is not a result folder', () => {
    const out = temporaryDir();
    const result = cli('run', 'tests/fixtures/cv-small.yaml', '--seed', '1', '--ticks', '2', '--out', join(out, '..'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not a result folder');
  });
});

describe('sahel-sahara check', () => {
  it('accepts a valid scenario and prints its chain of files', () => {
    const result = cli('check', 'tests/fixtures/cv-small-child.yaml');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ok: .*cv-small-child\.yaml ← .*cv-small\.yaml/);
  });

  it('has help for every command', () => {
    for (const command of ['run', 'check']) {
      const result = cli(command, '--help');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: sahel-sahara ${command}`);
    }
  });
});
