import { describe, expect, it } from 'vitest';
import topology from 'world-atlas/countries-50m.json' with { type: 'json' };
import { ISO3_BY_NUMERIC, countryContains, findCountry, iso3Of, loadCountries } from '../../src/geo/index.ts';

const SAHEL_SAHARA = ['DZA', 'MLI', 'MRT', 'NER', 'TCD', 'BFA', 'LBY', 'MAR', 'NGA', 'ESH', 'TUN', 'EGY', 'SDN', 'SEN', 'GMB'];

describe('iso3Of()', () => {
  it('maps Natural Earth numeric ids to ISO alpha-3 codes', () => {
    expect(iso3Of('012', 'Algeria')).toBe('DZA');
    expect(iso3Of('466', 'Mali')).toBe('MLI');
    expect(iso3Of('732', 'W. Sahara')).toBe('ESH');
  });

  it('accepts an unpadded number', () => {
    expect(iso3Of(12, undefined)).toBe('DZA');
  });

  it('names the features that have no id by their name', () => {
    expect(iso3Of(undefined, 'Kosovo')).toBe('XKX');
    expect(iso3Of(undefined, 'N. Cyprus')).toBe('CYP');
    expect(iso3Of(undefined, 'Nowhere')).toBeUndefined();
  });

  it('knows every feature in countries-50m.json', () => {
    const unknown = topology.objects.countries.geometries.filter((g) => iso3Of(g.id, g.properties.name) === undefined);
    expect(unknown).toEqual([]);
  });

  it('gives every numeric id its own code', () => {
    const codes = Object.values(ISO3_BY_NUMERIC);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{3}$/);
  });
});

describe('loadCountries()', () => {
  it('returns one entry per code, sorted by code', () => {
    const codes = loadCountries().map((c) => c.iso3);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(SAHEL_SAHARA));
  });

  it('merges features that share a code, in file order', () => {
    expect(findCountry('AUS')?.names).toEqual(['Australia', 'Indian Ocean Ter.', 'Ashmore and Cartier Is.']);
    expect(findCountry('CYP')?.names).toEqual(['N. Cyprus', 'Cyprus']);
  });

  it('is built once and shared', () => {
    expect(loadCountries()).toBe(loadCountries());
  });

  it('bounds Algeria by its real extremes', () => {
    const [[west, south], [east, north]] = findCountry('DZA')?.bounds ?? [[0, 0], [0, 0]];
    expect(west).toBeCloseTo(-8.7, 1);
    expect(east).toBeCloseTo(12.0, 1);
    expect(south).toBeCloseTo(19.0, 1);
    expect(north).toBeCloseTo(37.1, 1);
  });
});

describe('countryContains()', () => {
  // In this Natural Earth edition Morocco's polygon runs down to the berm; W. Sahara is the
  // Polisario-held strip east of it.
  it('puts Laayoune, Smara and Dakhla in Morocco and Tifariti and Bir Lehlou in W. Sahara', () => {
    const mar = findCountry('MAR');
    const esh = findCountry('ESH');
    if (mar === undefined || esh === undefined) throw new Error('Morocco and W. Sahara must load');
    for (const [lon, lat] of [[-13.2, 27.15], [-11.66, 26.74], [-15.95, 23.7]] as const) {
      expect(countryContains(mar, lon, lat)).toBe(true);
      expect(countryContains(esh, lon, lat)).toBe(false);
    }
    for (const [lon, lat] of [[-10.6, 26.16], [-9.57, 26.35]] as const) {
      expect(countryContains(esh, lon, lat)).toBe(true);
      expect(countryContains(mar, lon, lat)).toBe(false);
    }
  });
});
