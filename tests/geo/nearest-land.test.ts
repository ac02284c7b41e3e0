import { describe, expect, it } from 'vitest';
import { DEFAULT_GRID_SPEC, cellCenter, cellOf, nearestLandCell, rasteriseCountries } from '../../src/geo/index.ts';

const RABAT = [-6.84, 34.02] as const;

describe('nearestLandCell()', () => {
  const raster = rasteriseCountries(DEFAULT_GRID_SPEC);

  it('returns the cell itself when its centre is on land', () => {
    expect(nearestLandCell(DEFAULT_GRID_SPEC, raster, 1.41, 18.44)).toBe(cellOf(DEFAULT_GRID_SPEC, 1.41, 18.44));
  });

  it('moves Rabat, whose 0.5-degree cell centre is in the Atlantic, to the Moroccan cell south of it', () => {
    const own = cellOf(DEFAULT_GRID_SPEC, ...RABAT);
    expect(raster.owner[own]).toBe(0);
    const snapped = nearestLandCell(DEFAULT_GRID_SPEC, raster, ...RABAT);
    expect(cellCenter(DEFAULT_GRID_SPEC, snapped)).toEqual([-6.75, 33.75]);
    expect(raster.countries[raster.owner[snapped] as number]).toBe('MAR');
  });

  it('keeps to the named country', () => {
    // Just inside Niger near the Algerian border, asking for Algeria.
    expect(raster.countries[raster.owner[cellOf(DEFAULT_GRID_SPEC, 5.8, 19.4)] as number]).toBe('NER');
    const cell = nearestLandCell(DEFAULT_GRID_SPEC, raster, 5.8, 19.4, { iso3: 'DZA' });
    expect(raster.countries[raster.owner[cell] as number]).toBe('DZA');
    expect(nearestLandCell(DEFAULT_GRID_SPEC, raster, 5.8, 19.4, { iso3: 'FRA' })).toBe(-1);
  });

  it('gives -1 in open sea and beyond maxKm', () => {
    expect(nearestLandCell(DEFAULT_GRID_SPEC, raster, 18, 34)).toBe(-1);
    expect(nearestLandCell(DEFAULT_GRID_SPEC, raster, ...RABAT, { maxKm: 10 })).toBe(-1);
  });

  it('rejects a raster built for another spec', () => {
    expect(() => nearestLandCell({ ...DEFAULT_GRID_SPEC, resolution: 0.25 }, raster, 0, 20)).toThrow(RangeError);
  });
});
