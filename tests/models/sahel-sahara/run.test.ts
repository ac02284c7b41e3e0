import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, temporaryDir } from '../../cli/helpers.ts';

function csv(dir: string, name: string): string[][] {
  return readFileSync(join(dir, name), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

describe('sahel-sahara run on a regional scenario', () => {
  it('writes the model’s tables beside manifest, series and summary', () => {
    const out = join(temporaryDir(), 'run');
    const result = cli('run', 'tests/fixtures/sahel-small.yaml', '--seeds', '1,2', '--out', out);
    expect(result.stderr).toContain('seed 2 done (2/2)');
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'destinations.csv',
      'displacement.csv',
      'frameworks.csv',
      'groups.csv',
      'manifest.json',
      'relations.csv',
      'series.csv',
      'summary.csv',
    ]);
    expect(csv(out, 'series.csv')).toHaveLength(1 + 2 * 31);

    const relations = csv(out, 'relations.csv');
    expect(relations[0]).toEqual(['seed', 'from', 'to', 'trust_start', 'trust_final']);
    // Four core states: 12 ordered pairs per seed, with the scenario's starting trust.
    expect(relations).toHaveLength(1 + 2 * 12);
    expect(relations).toContainEqual(['1', 'DZA', 'MLI', '0.2', expect.stringMatching(/^0\.\d+$/)]);

    const displacement = csv(out, 'displacement.csv');
    expect(displacement[0]).toEqual(['seed', 'origin', 'destination', 'fighters', 'foreign_fighters']);
    // The returnees cross from Libya into Mali: 600 less Mali's 5 % disarmament, at least.
    for (const seed of ['1', '2']) {
      const row = displacement.find((r) => r[0] === seed && r[1] === 'LBY' && r[2] === 'MLI');
      expect(Number(row?.[3])).toBeGreaterThanOrEqual(570);
    }

    const groups = csv(out, 'groups.csv');
    expect(groups[0]).toEqual(['seed', 'group', 'fighters_final', 'funds_final', 'recruits_total', 'attacks']);
    expect(groups.slice(1).map((r) => `${r[0]} ${r[1]}`)).toEqual(['1 AQIM', '1 MNLA', '2 AQIM', '2 MNLA']);
    for (const row of groups.slice(1)) for (const cell of row.slice(2)) expect(Number(cell)).toBeGreaterThanOrEqual(0);

    // The offensive starts at tick 20 of 30: where the foreign fighters in Mali were, 10 weeks on.
    const destinations = csv(out, 'destinations.csv');
    expect(destinations[0]).toEqual(['seed', 'origin', 'destination', 'foreign_fighters']);
    for (const seed of ['1', '2']) {
      const rows = destinations.filter((r) => r[0] === seed);
      expect(rows.slice(0, 2).map((r) => `${r[1]} ${r[2]}`)).toEqual(['MLI home', 'MLI stayed']);
      for (const r of rows) expect(Number(r[3])).toBeGreaterThanOrEqual(0);
    }

    const frameworks = csv(out, 'frameworks.csv');
    expect(frameworks[0]).toEqual(['seed', 'framework', 'operationalisation_final']);
    expect(frameworks.slice(1).map((r) => `${r[0]} ${r[1]}`)).toEqual(['1 pays-du-champ', '2 pays-du-champ']);
  });

  it('exits 2 with the located issue, no stack trace and no folder for a band at sea', () => {
    const out = join(temporaryDir(), 'never');
    const result = cli('run', 'tests/fixtures/sahel-band-at-sea.yaml', '--out', out);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/sahel-band-at-sea\.yaml:9:13 {2}\/params\/groups\/AQIM\/bands\/0\/at {2}\[-25, 20\] lies outside the grid/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.split('\n').length).toBeLessThan(10);
    expect(existsSync(out)).toBe(false);
  });
});
