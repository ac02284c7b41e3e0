/**
 * Geography: real country borders (Natural Earth 1:50m via world-atlas) rasterised onto a grid
 * of square degree cells, routes rasterised to cell sequences, and great-circle distances.
 * Cell index = row * width + col, with row 0 the NORTHERN-most row (see grid-spec.ts).
 */
export {
  DEFAULT_GRID_SPEC,
  MAX_GRID_CELLS,
  gridSpecProblems,
  assertGridSpec,
  gridDimensions,
  gridExtent,
  gridSpecKey,
  cellCenter,
  cellOf,
} from './grid-spec.ts';
export { EARTH_RADIUS_KM, haversineKm, cellDistanceKm } from './distance.ts';
export { ISO3_BY_NUMERIC, ISO3_BY_NAME, iso3Of } from './iso-codes.ts';
export { loadCountries, findCountry } from './countries.ts';
export { rasteriseCountries, clearCountryRasterCache, countryIndex, countryContains, boundsContain } from './rasterise.ts';
export { nearestLandCell } from './nearest-land.ts';
export { rasteriseRoute } from './routes.ts';
export { borderLines } from './borders.ts';

export type { GridSpec, GridDimensions, GridExtent } from './grid-spec.ts';
export type { CountryShape, CountryFeature, CountryGeometry, GeoBounds } from './countries.ts';
export type { CountryRaster } from './rasterise.ts';
export type { NearestLandOptions } from './nearest-land.ts';
export type { LonLat } from './routes.ts';
