/**
 * Natural Earth admin-0 countries (1:50m, via `world-atlas`), one entry per ISO 3166-1 alpha-3
 * code. 1:50m rather than 1:110m because 110m moves borders by tens of km, which is several cells
 * at 0.1 degrees; 1:10m would be five times the data for detail finer than any cell we use.
 *
 * The JSON is imported as a module rather than read from disk so that geo, like engine and
 * models, never touches `node:fs`; it costs about 1 s of type-checking and nothing at run time
 * beyond the parse.
 */
import { geoBounds } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import topologyJson from 'world-atlas/countries-50m.json' with { type: 'json' };
import { iso3Of } from './iso-codes.ts';

export type CountryGeometry = Polygon | MultiPolygon;
export type CountryFeature = Feature<CountryGeometry, { name: string }>;

/** `[[west, south], [east, north]]` in degrees; west > east when the box crosses the antimeridian. */
export type GeoBounds = readonly [readonly [number, number], readonly [number, number]];

export interface CountryShape {
  readonly iso3: string;
  /** Natural Earth names of the features merged under this code, e.g. ['Australia', 'Ashmore and Cartier Is.']. */
  readonly names: readonly string[];
  readonly features: readonly CountryFeature[];
  /** Spherical bounding box of all the features (d3 `geoBounds`, which follows great-circle edges). */
  readonly bounds: GeoBounds;
}

// The package's own type for a topology, without depending on topojson-specification directly.
type Topology = Parameters<typeof feature>[0];

let cached: readonly CountryShape[] | undefined;

/**
 * Every country in the data set, sorted by ISO3 code, built once per process. Throws if the
 * data contains a feature we cannot name or a geometry that is not a polygon: both would mean
 * `world-atlas` changed under us, and a silently missing country is worse than a crash.
 */
export function loadCountries(): readonly CountryShape[] {
  cached ??= buildCountries(topologyJson as unknown as Topology);
  return cached;
}

/** The country with this ISO3 code, or undefined. */
export function findCountry(iso3: string): CountryShape | undefined {
  return loadCountries().find((country) => country.iso3 === iso3);
}

function buildCountries(topology: Topology): readonly CountryShape[] {
  const object = topology.objects['countries'];
  if (object === undefined) throw new Error('world-atlas countries-50m.json has no `countries` object');
  const collection = feature(topology, object);
  if (collection.type !== 'FeatureCollection') throw new Error('world-atlas `countries` is not a feature collection');

  const byCode = new Map<string, CountryFeature[]>();
  for (const f of collection.features) {
    const props: unknown = f.properties;
    const name = isNamed(props) ? props.name : undefined;
    const iso3 = iso3Of(f.id, name);
    if (iso3 === undefined) throw new Error(`no ISO3 code for Natural Earth feature id=${String(f.id)} name=${String(name)}`);
    const geometry = f.geometry;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      throw new Error(`Natural Earth feature ${iso3} has a ${geometry.type} geometry, expected a polygon`);
    }
    const countryFeature: CountryFeature = { type: 'Feature', id: f.id, properties: { name: name ?? iso3 }, geometry };
    const list = byCode.get(iso3);
    if (list === undefined) byCode.set(iso3, [countryFeature]);
    else list.push(countryFeature);
  }

  return [...byCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([iso3, features]) => {
      const [[west, south], [east, north]] = geoBounds({ type: 'FeatureCollection', features });
      return Object.freeze({
        iso3,
        names: Object.freeze(features.map((f) => f.properties.name)),
        features: Object.freeze(features),
        bounds: [
          [west, south],
          [east, north],
        ] as const,
      });
    });
}

function isNamed(value: unknown): value is { name: string } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}
