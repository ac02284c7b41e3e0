import { describe, expect, it } from 'vitest';
import { simErrorOf } from '../helpers.ts';
import { resolveScenario } from '../../src/scenario/index.ts';

const fixture = (name: string) => `tests/fixtures/${name}`;


describe('resolveScenario()', () => {
  it('fills every parameter the file omits with its default', () => {
    const { scenario } = resolveScenario(fixture('cv-small.yaml'));
    expect(scenario.ticks).toBe(30);
    expect(scenario.seeds).toEqual([1, 2]);
    expect(scenario.params).toMatchObject({ width: 20, height: 20, maxJailTerm: 30, legitimacy: 0.8, copDensity: 0.074 });
  });

  it('reads JSON as well as YAML', () => {
    const { scenario } = resolveScenario(fixture('cv-small.json'));
    expect(scenario.name).toBe('cv-small-json');
    expect(scenario.seeds).toEqual([1]);
  });

  it('deep-merges a scenario over the one it extends', () => {
    const { scenario, files } = resolveScenario(fixture('cv-small-child.yaml'));
    expect(scenario.name).toBe('cv-small-child');
    expect(scenario.params).toMatchObject({ width: 20, maxJailTerm: 30, legitimacy: 0.6 });
    expect(files).toHaveLength(2);
    expect(scenario).not.toHaveProperty('extends');
  });

  it('applies --set overrides and --ticks', () => {
    const { scenario, overrides } = resolveScenario(fixture('cv-small.yaml'), {
      set: ['legitimacy=0.5', 'params.arrestRounding=floor'],
      ticks: 7,
    });
    expect(scenario.params).toMatchObject({ legitimacy: 0.5, arrestRounding: 'floor' });
    expect(scenario.ticks).toBe(7);
    expect(overrides).toEqual(['legitimacy=0.5', 'params.arrestRounding=floor']);
  });

  it('names the file, line, path and nearest key for a misspelt key', () => {
    const error = simErrorOf(() => resolveScenario(fixture('cv-misspelt-key.yaml')));
    expect(error.code).toBe('SIM_ERR_SCENARIO_INVALID');
    expect(error.issues).toEqual([
      {
        file: expect.stringContaining('cv-misspelt-key.yaml'),
        line: 7,
        column: 3,
        path: '/params/legitimcy',
        message: 'unknown key "legitimcy" — did you mean "legitimacy"?',
      },
    ]);
  });

  it('says what was expected for a wrong type', () => {
    const error = simErrorOf(() => resolveScenario(fixture('cv-wrong-type.yaml')));
    expect(error.issues[0]).toMatchObject({ line: 7, path: '/params/legitimacy', message: 'expected a number from 0 to 1, got "high"' });
  });

  it('locates a YAML syntax error', () => {
    const error = simErrorOf(() => resolveScenario(fixture('cv-malformed.yaml')));
    expect(error.code).toBe('SIM_ERR_SCENARIO_PARSE');
    expect(error.issues[0]?.line).toBeGreaterThanOrEqual(5);
  });

  it('reports a cycle of extends', () => {
    const error = simErrorOf(() => resolveScenario(fixture('cv-cycle-a.yaml')));
    expect(error.code).toBe('SIM_ERR_SCENARIO_EXTENDS');
    expect(error.issues[0]?.path).toBe('/extends');
  });

  it('reports a missing file', () => {
    expect(simErrorOf(() => resolveScenario(fixture('nope.yaml'))).code).toBe('SIM_ERR_SCENARIO_READ');
  });

  it('suggests the nearest parameter for a misspelt --set path', () => {
    const error = simErrorOf(() => resolveScenario(fixture('cv-small.yaml'), { set: ['legitmacy=0.5'] }));
    expect(error.code).toBe('SIM_ERR_OVERRIDE');
    expect(error.message).toContain('did you mean "legitimacy"');
  });

  it('blames --set for an out-of-range override', () => {
    const error = simErrorOf(() => resolveScenario(fixture('cv-small.yaml'), { set: ['legitimacy=2'] }));
    expect(error.issues[0]).toMatchObject({ file: '--set', path: '/params/legitimacy' });
    expect(error.issues[0]?.message).toContain('from --set legitimacy=2');
  });

  it('reports densities that cannot fit on the grid', () => {
    const error = simErrorOf(() => resolveScenario(fixture('cv-small.yaml'), { set: ['citizenDensity=0.95', 'copDensity=0.1'] }));
    expect(error.code).toBe('SIM_ERR_SCENARIO_INVALID');
    expect(error.issues[0]?.message).toMatch(/citizenDensity \+ copDensity is 1.05/);
  });
});
