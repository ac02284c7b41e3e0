/**
 * Great-circle distances on a spherical Earth. A sphere is within 0.5% of the ellipsoid, far
 * finer than anything the model does with a distance (state reach, travel cost).
 */
import { cellCenter } from './grid-spec.ts';
import type { GridSpec } from './grid-spec.ts';

/** IUGG mean Earth radius. */
export const EARTH_RADIUS_KM = 6371.0088;

const RADIANS = Math.PI / 180;

/** Great-circle distance in km between two points given in degrees (haversine formula). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RADIANS;
  const dLon = (lon2 - lon1) * RADIANS;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS) * Math.sin(dLon / 2) ** 2;
  // min() guards asin against s creeping past 1 by rounding for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Great-circle distance in km between the centres of cells `a` and `b`. */
export function cellDistanceKm(spec: GridSpec, a: number, b: number): number {
  const [lon1, lat1] = cellCenter(spec, a);
  const [lon2, lat2] = cellCenter(spec, b);
  return haversineKm(lon1, lat1, lon2, lat2);
}
