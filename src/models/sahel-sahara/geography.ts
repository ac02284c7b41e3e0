/**
 * The static geography of a run (MODEL.md §1): cells rasterised from real borders, terrain,
 * population, distances to capitals and to every country, places and routes. Built once per run
 * from the scenario; phases only read it.
 */
import { cellCenter, cellOf, gridDimensions, haversineKm, nearestLandCell, rasteriseCountries, rasteriseRoute } from '../../geo/index.ts';
import type { CountryRaster, GridSpec, LonLat } from '../../geo/index.ts';
import type { SahelSaharaParams } from './params.ts';
import { NO_COUNTRY, TERRAIN_COAST, TERRAIN_DESERT, TERRAIN_MASSIF, TERRAIN_SAHEL, TERRAIN_SAVANNA, type Place } from './world.ts';

export const KM_PER_DEGREE = 111.2;

/**
 * People per km² outside named settlements. Between 10°N and 31°N density falls steeply with
 * latitude, 40 × exp(−(lat − 12) / 1.5), floored at 0.3 in the open Sahara: ~15/km² at 13.5°N,
 * ~5 at 15°N, ~2 at 16.5°N. Calibrated so that Mali north of 15°N holds ~1.1 million people with
 * its towns — the 2009 census gives 1.3 million for the Timbuktu, Gao and Kidal regions
 * (Timbuktu 1.4/km², Gao 3.2/km²). Coasts 40/km², massifs 0.5/km², the Maghreb north of 31°N
 * 12/km² (estimates; the model's interest lies south of the Atlas).
 */
function baselineDensity(terrain: number, lat: number): number {
  if (terrain === TERRAIN_COAST) return 40;
  if (terrain === TERRAIN_MASSIF) return 0.5;
  if (lat >= 31) return 12;
  if (lat <= 12) return 40;
  return Math.max(0.3, 40 * Math.exp(-(lat - 12) / 1.5));
}

export type Location = string | readonly [number, number];

export interface Geography {
  readonly spec: GridSpec;
  readonly raster: CountryRaster;
  readonly width: number;
  readonly height: number;
  readonly size: number;
  readonly cellKm: number;
  readonly lon: Float32Array;
  readonly lat: Float32Array;
  readonly land: Uint8Array;
  readonly landCells: Int32Array;
  readonly terrain: Uint8Array;
  readonly population: Float64Array;
  readonly places: readonly Place[];
  readonly placeByName: ReadonlyMap<string, Place>;
}

/** The cell of a location, snapping to land within 100 km; -1 when there is none. */
export function locate(spec: GridSpec, raster: CountryRaster, places: Readonly<Record<string, { at: readonly [number, number] }>>, at: Location): number {
  const point = typeof at === 'string' ? places[at]?.at : at;
  if (!point) return -1;
  const cell = cellOf(spec, point[0], point[1]);
  if (cell >= 0 && raster.owner[cell] !== NO_COUNTRY) return cell;
  return nearestLandCell(spec, raster, point[0], point[1], { maxKm: 100 });
}

export function lonLatOf(places: Readonly<Record<string, { at: readonly [number, number] }>>, at: Location): LonLat | undefined {
  const point = typeof at === 'string' ? places[at]?.at : at;
  return point ? [point[0], point[1]] : undefined;
}

export function buildGeography(params: SahelSaharaParams): Geography {
  const spec: GridSpec = params.grid;
  const raster = rasteriseCountries(spec);
  const { width, height, size } = gridDimensions(spec);
  const cellKm = spec.resolution * KM_PER_DEGREE;
  const lon = new Float32Array(size);
  const lat = new Float32Array(size);
  const land = new Uint8Array(size);
  const landList: number[] = [];
  for (let c = 0; c < size; c++) {
    const [x, y] = cellCenter(spec, c);
    lon[c] = x;
    lat[c] = y;
    if (raster.owner[c] !== NO_COUNTRY) {
      land[c] = 1;
      landList.push(c);
    }
  }

  const places: Place[] = [];
  const placeByName = new Map<string, Place>();
  for (const [name, p] of Object.entries(params.places)) {
    const cell = locate(spec, raster, params.places, name);
    const place: Place = { name, cell, kind: p.kind, population: p.population, strategic: p.strategic };
    places.push(place);
    placeByName.set(name, place);
  }

  const terrain = new Uint8Array(size);
  for (const c of landList) {
    const y = lat[c] as number;
    // Latitude bands of the Sahara–Sahel gradient; north of 31°N the Maghreb steppe and Tell are
    // semi-arid like the Sahel (an approximation; the model uses terrain for refuge and density).
    terrain[c] = y < 13 ? TERRAIN_SAVANNA : y < 17.5 ? TERRAIN_SAHEL : y < 31 ? TERRAIN_DESERT : TERRAIN_SAHEL;
    const col = c % width;
    const row = (c / width) | 0;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const x = col + dx;
        const yy = row + dy;
        if (x >= 0 && yy >= 0 && x < width && yy < height && raster.owner[yy * width + x] === NO_COUNTRY) {
          // Sea next to land, but not the edge of the box (which is also owner 0 beyond it).
          terrain[c] = TERRAIN_COAST;
        }
      }
    }
  }
  for (const p of Object.values(params.places)) {
    if (p.kind !== 'massif' || p.radiusKm <= 0) continue;
    for (const c of landList) {
      if (haversineKm(lon[c] as number, lat[c] as number, p.at[0], p.at[1]) <= p.radiusKm) terrain[c] = TERRAIN_MASSIF;
    }
  }

  const population = new Float64Array(size);
  for (const c of landList) {
    const area = cellKm * cellKm * Math.cos(((lat[c] as number) * Math.PI) / 180);
    population[c] = baselineDensity(terrain[c] as number, lat[c] as number) * area;
  }
  for (const place of places) if (place.cell >= 0) population[place.cell] = (population[place.cell] as number) + place.population;

  return { spec, raster, width, height, size, cellKm, lon, lat, land, landCells: Int32Array.from(landList), terrain, population, places, placeByName };
}

/**
 * Km from every cell to the nearest cell of each country, `[country * size + cell]`, by a
 * two-pass chamfer distance transform with east–west steps shrinking with latitude. Within a
 * few per cent of great-circle distance, at a cost linear in cells × countries.
 */
export function countryDistances(geo: Geography, countryCount: number): Float32Array {
  const { width, height, size, cellKm, lat } = geo;
  const out = new Float32Array(countryCount * size);
  const rowDx = new Float32Array(height);
  for (let y = 0; y < height; y++) rowDx[y] = cellKm * Math.cos(((lat[y * width] as number) * Math.PI) / 180);
  const owner = geo.raster.owner;
  for (let k = 1; k < countryCount; k++) {
    const d = out.subarray(k * size, (k + 1) * size);
    for (let c = 0; c < size; c++) d[c] = owner[c] === k ? 0 : Infinity;
    const relax = (c: number, n: number, step: number) => {
      const v = (d[n] as number) + step;
      if (v < (d[c] as number)) d[c] = v;
    };
    for (let y = 0; y < height; y++) {
      const dx = rowDx[y] as number;
      const diag = Math.hypot(dx, cellKm);
      for (let x = 0; x < width; x++) {
        const c = y * width + x;
        if (x > 0) relax(c, c - 1, dx);
        if (y > 0) {
          relax(c, c - width, cellKm);
          if (x > 0) relax(c, c - width - 1, diag);
          if (x < width - 1) relax(c, c - width + 1, diag);
        }
      }
    }
    for (let y = height - 1; y >= 0; y--) {
      const dx = rowDx[y] as number;
      const diag = Math.hypot(dx, cellKm);
      for (let x = width - 1; x >= 0; x--) {
        const c = y * width + x;
        if (x < width - 1) relax(c, c + 1, dx);
        if (y < height - 1) {
          relax(c, c + width, cellKm);
          if (x < width - 1) relax(c, c + width + 1, diag);
          if (x > 0) relax(c, c + width - 1, diag);
        }
      }
    }
  }
  return out;
}

/** A disk of cell offsets within `radiusKm` (at the box's mid-latitude), with their distances. */
export function diskOffsets(geo: Geography, radiusKm: number): { dx: Int32Array; dy: Int32Array; km: Float32Array } {
  const midLat = (geo.spec.latMin + geo.spec.latMax) / 2;
  const kx = geo.cellKm * Math.cos((midLat * Math.PI) / 180);
  const ky = geo.cellKm;
  const rx = Math.ceil(radiusKm / kx);
  const ry = Math.ceil(radiusKm / ky);
  const dxs: number[] = [];
  const dys: number[] = [];
  const kms: number[] = [];
  for (let dy = -ry; dy <= ry; dy++) {
    for (let dx = -rx; dx <= rx; dx++) {
      const km = Math.hypot(dx * kx, dy * ky);
      if (km <= radiusKm) {
        dxs.push(dx);
        dys.push(dy);
        kms.push(km);
      }
    }
  }
  return { dx: Int32Array.from(dxs), dy: Int32Array.from(dys), km: Float32Array.from(kms) };
}

export function routeCells(geo: Geography, places: Readonly<Record<string, { at: readonly [number, number] }>>, via: readonly Location[]): Int32Array {
  const points = via.map((v) => lonLatOf(places, v)).filter((p): p is LonLat => p !== undefined);
  const cells = rasteriseRoute(geo.spec, points);
  return cells.filter((c) => geo.land[c] === 1);
}
