/**
 * Snapping a place to land. Cells are owned by whoever holds their centre, so a coastal town
 * (Algiers, Rabat, Dakar at 0.5 degrees) or an oasis on a border can fall in a sea cell or a
 * neighbour's cell. Scenario building uses this to put named settlements, sites and capitals
 * on a cell of the right country.
 */
import { haversineKm, EARTH_RADIUS_KM } from './distance.ts';
import { gridDimensions } from './grid-spec.ts';
import type { GridSpec } from './grid-spec.ts';
import type { CountryRaster } from './rasterise.ts';

export interface NearestLandOptions {
  /** Only cells owned by this country (ISO3). Default: every country. */
  readonly iso3?: string;
  /** Give up beyond this great-circle distance from the point to a cell centre. Default 100 km. */
  readonly maxKm?: number;
}

const DEGREES = 180 / Math.PI;

/**
 * The owned cell (of `options.iso3`, if given) whose centre is nearest to (lon, lat) by
 * great-circle distance, or -1 when none lies within `maxKm`. Ties go to the lower index. The
 * point itself may be off the grid.
 */
export function nearestLandCell(
  spec: GridSpec,
  raster: CountryRaster,
  lon: number,
  lat: number,
  options: NearestLandOptions = {},
): number {
  const { width, height } = gridDimensions(spec);
  if (raster.width !== width || raster.height !== height) {
    throw new RangeError(`raster is ${raster.width} x ${raster.height} but the spec gives ${width} x ${height}`);
  }
  const maxKm = options.maxKm ?? 100;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || !(maxKm >= 0)) return -1;
  let target = 0; // 0: whichever owner
  if (options.iso3 !== undefined) {
    target = raster.countries.indexOf(options.iso3);
    if (target <= 0) return -1;
  }

  // The box of longitudes/latitudes that holds every point within maxKm (exact for a sphere).
  const angle = maxKm / EARTH_RADIUS_KM;
  const dLat = angle * DEGREES;
  const reachesPole = Math.abs(lat) + dLat >= 90 || angle >= Math.PI / 2;
  const dLon = reachesPole ? 360 : Math.asin(Math.min(1, Math.sin(angle) / Math.cos(lat / DEGREES))) * DEGREES;
  const { lonMin, latMax, resolution } = spec;
  const colFrom = Math.max(0, Math.floor((lon - dLon - lonMin) / resolution));
  const colTo = Math.min(width - 1, Math.floor((lon + dLon - lonMin) / resolution));
  const rowFrom = Math.max(0, Math.floor((latMax - lat - dLat) / resolution));
  const rowTo = Math.min(height - 1, Math.floor((latMax - lat + dLat) / resolution));

  let best = -1;
  let bestKm = maxKm;
  for (let r = rowFrom; r <= rowTo; r++) {
    const yc = latMax - (r + 0.5) * resolution;
    for (let c = colFrom; c <= colTo; c++) {
      const owner = raster.owner[r * width + c] as number;
      if (owner === 0 || (target !== 0 && owner !== target)) continue;
      const km = haversineKm(lon, lat, lonMin + (c + 0.5) * resolution, yc);
      if (km < bestKm || (km === bestKm && best === -1)) {
        best = r * width + c;
        bestKm = km;
      }
    }
  }
  return best;
}
