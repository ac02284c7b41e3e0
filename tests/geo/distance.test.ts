import { describe, expect, it } from 'vitest';
import { DEFAULT_GRID_SPEC, EARTH_RADIUS_KM, cellDistanceKm, cellOf, haversineKm } from '../../src/geo/index.ts';

describe('haversineKm()', () => {
  it('is 0 from a point to itself', () => {
    expect(haversineKm(1.41, 18.44, 1.41, 18.44)).toBe(0);
  });

  it('gives 111.2 km for one degree of latitude and a quarter circumference from equator to pole', () => {
    expect(haversineKm(0, 10, 0, 11)).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 9);
    expect(haversineKm(7, 0, 7, 90)).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 6);
  });

  it('shrinks a degree of longitude by the cosine of the latitude', () => {
    // At 60 degrees north a degree of longitude is about half a degree of latitude.
    expect(haversineKm(0, 60, 1, 60)).toBeCloseTo(55.6, 1);
  });

  it('gives half the circumference for antipodes without NaN', () => {
    expect(haversineKm(0, 0, 180, 0)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });

  it('puts Gao 286 km from Kidal', () => {
    // Flat check: 2.17 deg of latitude (241.3 km) and 1.45 deg of longitude at 17.4N (153.9 km).
    expect(haversineKm(-0.04, 16.27, 1.41, 18.44)).toBeCloseTo(286.2, 1);
  });
});

describe('cellDistanceKm()', () => {
  it('measures between cell centres: one row apart is half a degree of latitude', () => {
    const a = cellOf(DEFAULT_GRID_SPEC, 0.1, 18.1);
    expect(cellDistanceKm(DEFAULT_GRID_SPEC, a, a + 86)).toBeCloseTo(55.6, 1);
    expect(cellDistanceKm(DEFAULT_GRID_SPEC, a, a)).toBe(0);
  });
});
