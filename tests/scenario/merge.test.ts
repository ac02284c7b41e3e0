import { describe, expect, it } from 'vitest';
import { deepOverride, setAtPath } from '../../src/scenario/merge.ts';
import { canonicalJson, scenarioHash } from '../../src/scenario/index.ts';
import { nearest } from '../../src/scenario/suggest.ts';

describe('deepOverride()', () => {
  it('merges objects key by key and replaces arrays whole, leaving its inputs alone', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x' };
    const merged = deepOverride(base, { a: { c: [3] }, e: true });
    expect(merged).toEqual({ a: { b: 1, c: [3] }, d: 'x', e: true });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x' });
  });
});

describe('deepOverride() with a `key+` list', () => {
  it('appends to the list it overrides, at any depth, and starts one where there is none', () => {
    const base = { params: { events: [{ date: 'a' }], frameworks: { f: { members: ['DZA'] } } } };
    const merged = deepOverride(base, { params: { 'events+': [{ date: 'b' }], frameworks: { f: { 'members+': ['LBY'] } }, 'extra+': [1] } });
    expect(merged).toEqual({ params: { events: [{ date: 'a' }, { date: 'b' }], frameworks: { f: { members: ['DZA', 'LBY'] } }, extra: [1] } });
  });
});

describe('setAtPath()', () => {
  it('creates missing objects on the way', () => {
    expect(setAtPath({}, ['params', 'states', 'MLI'], 0.9)).toEqual({ params: { states: { MLI: 0.9 } } });
  });
});

describe('scenarioHash()', () => {
  it('ignores key order and default seeds but not values', () => {
    expect(scenarioHash({ a: 1, b: 2, seeds: [1] })).toBe(scenarioHash({ b: 2, a: 1, seeds: [9] }));
    expect(scenarioHash({ a: 1 })).not.toBe(scenarioHash({ a: 2 }));
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: 0 })).toBe('{"a":0,"b":{"c":2,"d":1}}');
  });
});

describe('nearest()', () => {
  it('suggests a close key and nothing for an unrelated word', () => {
    expect(nearest('copdensity', ['citizenDensity', 'copDensity'])).toBe('copDensity');
    expect(nearest('zebra', ['citizenDensity', 'copDensity'])).toBeUndefined();
  });
});
