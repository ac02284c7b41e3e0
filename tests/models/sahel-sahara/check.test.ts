import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simErrorOf } from '../../helpers.ts';
import { resolveScenario } from '../../../src/scenario/index.ts';

const fixture = (name: string) => `tests/fixtures/${name}`;


/** The shipped regional scenarios: the historical run and every framework option beside it. */
function shippedScenarios(): string[] {
  const options = 'scenarios/options';
  const files = ['scenarios/sahel-sahara-2012.yaml'];
  if (existsSync(options)) {
    for (const name of readdirSync(options).sort()) if (/\.ya?ml$/.test(name)) files.push(join(options, name));
  }
  return files;
}

describe('checkSahelSahara() through resolveScenario()', () => {
  it('accepts the small regional fixture and fills the parameters it omits', () => {
    const { scenario, files } = resolveScenario(fixture('sahel-small.yaml'));
    expect(files).toHaveLength(1);
    expect(scenario).toMatchObject({ model: 'sahel-sahara', name: 'sahel-small', ticks: 30, seeds: [1, 2] });
    expect(scenario.params).toMatchObject({
      grid: { resolution: 1 },
      states: { MLI: { capacity: 0.35, borderControl: 0.2, sovereignty: 0.5 } },
      tuning: { bandMoveKm: 250, crossBorderWeeks: 8 },
    });
  });

  // Each broken fixture extends sahel-small and makes one mistake, which must be reported at the
  // line of the child file that makes it, with its path under /params and what is wrong.
  const cases: { file: string; line: number; column: number; path: string; message: RegExp }[] = [
    { file: 'sahel-unknown-country.yaml', line: 7, column: 5, path: '/params/states/XYZ', message: /^"XYZ" is not a country on the grid \(BEN BFA .*MLI.*\)$/ },
    { file: 'sahel-unknown-member.yaml', line: 8, column: 32, path: '/params/frameworks/pays-du-champ/members/3', message: /^"ZZZ" is not a country on the grid/ },
    { file: 'sahel-band-at-sea.yaml', line: 9, column: 13, path: '/params/groups/AQIM/bands/0/at', message: /^\[-25, 20\] lies outside the grid$/ },
    { file: 'sahel-band-in-mediterranean.yaml', line: 11, column: 13, path: '/params/groups/MNLA/bands/1/at', message: /^\[18, 34\] lies at sea, more than 100 km from land$/ },
    { file: 'sahel-event-outside-run.yaml', line: 7, column: 7, path: '/params/events/0/date', message: /^2013-01-11 lies outside the run \(2012-01-02 plus 30 weeks\)$/ },
    { file: 'sahel-unknown-place.yaml', line: 10, column: 13, path: '/params/groups/AQIM/bands/1/at', message: /^unknown place "Timbuktu"; define it under places$/ },
    { file: 'sahel-set-whole-state.yaml', line: 10, column: 9, path: '/params/events/0/set/states.MLI', message: /^"states.MLI" is a group of parameters; set one value, e.g. "states.MLI.capital"$/ },
    { file: 'sahel-set-bad-value.yaml', line: 10, column: 9, path: '/params/events/0/set/states.MLI.capacity', message: /^expected a number from 0 to 1, got 5$/ },
    { file: 'sahel-set-undefined-state.yaml', line: 10, column: 9, path: '/params/events/0/set/states.TCD.capacity', message: /^"TCD" is not defined under states; define it there before an event changes it$/ },
    { file: 'sahel-misspelt-weight.yaml', line: 7, column: 5, path: '/params/weights/north_mali_group_shar', message: /^"north_mali_group_shar" is not a metric — did you mean "north_mali_group_share"\?$/ },
    { file: 'sahel-outcome-event.yaml', line: 11, column: 9, path: '/params/events/0/set/trust.DZA-MLI', message: /cannot be changed by an event: events change policies and agents, never outcomes$/ },
  ];

  it.each(cases)('reports $file at its line, with the path $path', ({ file, line, column, path, message }) => {
    const error = simErrorOf(() => resolveScenario(fixture(file)));
    expect(error.code).toBe('SIM_ERR_SCENARIO_INVALID');
    expect(error.issues).toHaveLength(1);
    const issue = error.issues[0]!;
    expect(issue.file).toMatch(new RegExp(`tests/fixtures/${file.replace('.', '\\.')}$`));
    expect(issue).toMatchObject({ line, column, path });
    expect(issue.message).toMatch(message);
  });

  it.each(shippedScenarios())('accepts the shipped scenario %s', (file) => {
    const { scenario } = resolveScenario(file);
    expect(scenario.model).toBe('sahel-sahara');
    expect(scenario.ticks).toBeGreaterThanOrEqual(52);
    const params = scenario.params as { groups: Record<string, unknown>; events: unknown[] };
    expect(Object.keys(params.groups).length).toBeGreaterThan(0);
    expect(params.events.length).toBeGreaterThan(0);
  });
});
