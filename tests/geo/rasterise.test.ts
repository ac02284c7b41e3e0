import { describe, expect, it } from 'vitest';
import { geoArea } from 'd3-geo';
import {
  DEFAULT_GRID_SPEC,
  EARTH_RADIUS_KM,
  cellCenter,
  cellOf,
  countryContains,
  countryIndex,
  gridDimensions,
  loadCountries,
  rasteriseCountries,
} from '../../src/geo/index.ts';
import type { GridSpec } from '../../src/geo/index.ts';

const at = (resolution: number): GridSpec => ({ ...DEFAULT_GRID_SPEC, resolution });

/** Area of a lon/lat cell on the sphere: R^2 * dLon * (sin(north) - sin(south)). */
function cellAreaKm2(spec: GridSpec, index: number): number {
  const [, lat] = cellCenter(spec, index);
  const rad = Math.PI / 180;
  const half = spec.resolution / 2;
  return EARTH_RADIUS_KM ** 2 * spec.resolution * rad * (Math.sin((lat + half) * rad) - Math.sin((lat - half) * rad));
}

/** ISO3 of the cell holding (lon, lat), '' for sea. */
function ownerAt(spec: GridSpec, lon: number, lat: number): string {
  const raster = rasteriseCountries(spec);
  const cell = cellOf(spec, lon, lat);
  if (cell < 0) throw new Error(`(${lon}, ${lat}) is off the grid`);
  return raster.countries[raster.owner[cell] as number] as string;
}

/** The contract, computed the slow way: geoContains for every country at every cell centre. */
function bruteForceOwners(spec: GridSpec): string[] {
  const countries = loadCountries();
  const { size } = gridDimensions(spec);
  const owners: string[] = [];
  for (let i = 0; i < size; i++) {
    const [lon, lat] = cellCenter(spec, i);
    owners.push(countries.find((c) => countryContains(c, lon, lat))?.iso3 ?? '');
  }
  return owners;
}

const PLACES: readonly (readonly [name: string, lon: number, lat: number, iso3: string])[] = [
  ['Kidal', 1.41, 18.44, 'MLI'],
  ['Gao', -0.04, 16.27, 'MLI'],
  ['Timbuktu', -3.0, 16.77, 'MLI'],
  ['Tamanrasset', 5.52, 22.79, 'DZA'],
  ['In Amenas', 9.61, 28.05, 'DZA'],
  ['Sebha', 14.43, 27.04, 'LBY'],
  ['Ubari', 12.78, 26.59, 'LBY'],
  ['Agadez', 7.99, 16.97, 'NER'],
  ['Arlit', 7.39, 18.74, 'NER'],
  ['Zouerat', -12.48, 22.73, 'MRT'],
  ['Faya-Largeau', 19.11, 17.93, 'TCD'],
];

describe('rasteriseCountries()', () => {
  for (const [name, lon, lat, iso3] of PLACES) {
    it(`puts ${name} in ${iso3} at 0.5 degrees`, () => {
      expect(ownerAt(DEFAULT_GRID_SPEC, lon, lat)).toBe(iso3);
    });
  }

  it('puts the same places in the same countries at 0.25 and 0.1 degrees', () => {
    for (const resolution of [0.25, 0.1]) {
      for (const [name, lon, lat, iso3] of PLACES) {
        expect(`${name}: ${ownerAt(at(resolution), lon, lat)}`).toBe(`${name}: ${iso3}`);
      }
    }
  });

  it('masks the Mediterranean off Libya and the Atlantic off Mauritania as sea', () => {
    for (const resolution of [0.5, 0.25, 0.1]) {
      expect(ownerAt(at(resolution), 18, 34)).toBe('');
      expect(ownerAt(at(resolution), -17, 20)).toBe('');
      expect(ownerAt(at(resolution), -17.8, 30)).toBe('');
    }
  });

  it('gives W. Sahara east of the berm its own code and Laayoune to Morocco', () => {
    expect(ownerAt(DEFAULT_GRID_SPEC, -10.6, 26.16)).toBe('ESH');
    expect(ownerAt(DEFAULT_GRID_SPEC, -13.2, 27.15)).toBe('MAR');
  });

  it('lists the countries owning a cell in the default box, sorted, after the empty owner', () => {
    expect(rasteriseCountries(DEFAULT_GRID_SPEC).countries).toEqual([
      '', 'BEN', 'BFA', 'CAF', 'CIV', 'CMR', 'DZA', 'EGY', 'ESH', 'ESP', 'GHA', 'GIN', 'GMB', 'GNB',
      'GRC', 'ITA', 'LBY', 'MAR', 'MLI', 'MRT', 'NER', 'NGA', 'PRT', 'SDN', 'SEN', 'TCD', 'TGO', 'TUN',
    ]);
  });

  it('covers 86 x 54 cells at 0.5 degrees', () => {
    const raster = rasteriseCountries(DEFAULT_GRID_SPEC);
    expect([raster.width, raster.height, raster.owner.length]).toEqual([86, 54, 4644]);
  });

  it('gives the countries wholly inside the box cell areas within 2% of their polygon areas', () => {
    for (const resolution of [0.5, 0.1]) {
      const spec = at(resolution);
      const raster = rasteriseCountries(spec);
      for (const iso3 of ['DZA', 'MLI', 'NER', 'MRT', 'LBY']) {
        const country = loadCountries().find((c) => c.iso3 === iso3);
        if (country === undefined) throw new Error(`${iso3} must load`);
        const polygonKm2 = country.features.reduce((sum, f) => sum + geoArea(f), 0) * EARTH_RADIUS_KM ** 2;
        const index = countryIndex(raster, iso3);
        let cellKm2 = 0;
        for (let i = 0; i < raster.owner.length; i++) {
          if (raster.owner[i] === index) cellKm2 += cellAreaKm2(spec, i);
        }
        expect(`${iso3} at ${resolution}: ${Math.abs(cellKm2 / polygonKm2 - 1) < 0.02}`).toBe(`${iso3} at ${resolution}: true`);
      }
    }
  });

  it('agrees with geoContains at every cell centre of the default box at 0.5 degrees', () => {
    const raster = rasteriseCountries(DEFAULT_GRID_SPEC);
    const fast = Array.from(raster.owner, (owner) => raster.countries[owner]);
    expect(fast).toEqual(bruteForceOwners(DEFAULT_GRID_SPEC));
  });

  it('agrees with geoContains on the whole world, where Antarctica, Russia and Fiji need the slow path', () => {
    const world: GridSpec = { lonMin: -180, lonMax: 180, latMin: -90, latMax: 90, resolution: 5 };
    const raster = rasteriseCountries(world);
    expect(raster.countries).toEqual(expect.arrayContaining(['ATA', 'RUS', 'USA', 'AUS']));
    expect(Array.from(raster.owner, (owner) => raster.countries[owner])).toEqual(bruteForceOwners(world));
  });

  it('returns a fresh copy, so a caller mutating it cannot change the next build', () => {
    const first = rasteriseCountries(DEFAULT_GRID_SPEC);
    first.owner.fill(0);
    first.countries.length = 0;
    const second = rasteriseCountries(DEFAULT_GRID_SPEC);
    expect(second.owner).not.toBe(first.owner);
    expect(ownerAt(DEFAULT_GRID_SPEC, 1.41, 18.44)).toBe('MLI');
    expect(second.countries[0]).toBe('');
  });

  it('builds the 430 x 270 raster at 0.1 degrees', () => {
    const raster = rasteriseCountries(at(0.1));
    expect([raster.width, raster.height, raster.owner.length]).toEqual([430, 270, 116100]);
    expect(raster.countries).toContain('MLT');
  });
});

describe('countryIndex()', () => {
  it('finds a code in the raster and -1 for a country with no cell', () => {
    const raster = rasteriseCountries(DEFAULT_GRID_SPEC);
    expect(raster.countries[countryIndex(raster, 'MLI')]).toBe('MLI');
    expect(countryIndex(raster, 'FRA')).toBe(-1);
  });
});
