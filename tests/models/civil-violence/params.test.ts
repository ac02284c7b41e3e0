import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { CivilViolenceParamsSchema, defaultCivilViolenceParams } from '../../../src/models/civil-violence/index.ts';

describe('CivilViolenceParamsSchema', () => {
  it('has defaults equal to defaultCivilViolenceParams (Mesa 3.3’s example)', () => {
    expect(Value.Default(CivilViolenceParamsSchema, {})).toEqual(defaultCivilViolenceParams);
    expect(defaultCivilViolenceParams).toMatchObject({ width: 40, height: 40, citizenDensity: 0.7, copDensity: 0.074, maxJailTerm: 1000 });
  });

  it('describes every parameter', () => {
    for (const [key, schema] of Object.entries(CivilViolenceParamsSchema.properties)) {
      expect(schema.description, key).toMatch(/\w/);
      expect(schema.default, key).toBeDefined();
    }
  });

  it('accepts the defaults and rejects unknown keys and out-of-range values', () => {
    expect(Value.Check(CivilViolenceParamsSchema, defaultCivilViolenceParams)).toBe(true);
    expect(Value.Check(CivilViolenceParamsSchema, { ...defaultCivilViolenceParams, legitimcy: 0.5 })).toBe(false);
    expect(Value.Check(CivilViolenceParamsSchema, { ...defaultCivilViolenceParams, legitimacy: 1.5 })).toBe(false);
    expect(Value.Check(CivilViolenceParamsSchema, { ...defaultCivilViolenceParams, arrestRounding: 'round' })).toBe(false);
  });
});
