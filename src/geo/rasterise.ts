/**
 * Contract: `rasteriseCountries(spec)` gives, for every cell of the grid, the country whose
 * territory contains the cell's CENTRE, exactly as d3-geo's `geoContains` (spherical polygons,
 * great-circle edges) decides it; 0 when no country does (sea, or a country outside the data).
 * Islands and peninsulas narrower than a cell appear only where they cover a cell centre, and a
 * coastal town may sit in a sea cell: snap sites with `nearestLandCell`. When two countries'
 * polygons both contain a centre (only possible through digitising slivers on a shared border),
 * the one with the alphabetically first ISO3 code wins, so the result is deterministic.
 *
 * How it stays fast: `geoContains` converts the whole polygon to radians on every call (about
 * 50 us for Algeria), so testing the countries whose bounding box holds each cell centre
 * still takes 12 s at 0.1 degrees. Instead we
 *   1. keep only countries whose bounding box meets the grid;
 *   2. fill each polygon by scanline in the plane of longitude/latitude (even-odd rule, so
 *      holes and enclaves come out right), which is cheap;
 *   3. mark as ambiguous every cell whose centre lies within a small margin of a polygon edge.
 *      Only there can the planar fill disagree with the spherical test: a great-circle edge of
 *      L degrees strays about 0.0011 L^2 degrees (sin(2 lat) L^2 / 16 in radians) from the straight line between its ends,
 *      and the margin, 0.01 + 0.01 L^2 degrees per edge, is nine times that plus ~1 km of
 *      slack for rounding (edges in the Sahel-Sahara are under 2 degrees long);
 *   4. decide the ambiguous cells with `geoContains` itself (711 of 116,100 cells at 0.1).
 * Polygons the planar fill cannot handle -- crossing the antimeridian, reaching beyond 75
 * degrees of latitude, or larger than a hemisphere -- mark every cell in their bounding box
 * as ambiguous instead. A test checks the result equals brute-force `geoContains` cell by cell.
 */
import { geoArea, geoBounds, geoContains } from 'd3-geo';
import type { Polygon, Position } from 'geojson';
import { loadCountries } from './countries.ts';
import type { CountryShape, GeoBounds } from './countries.ts';
import { gridDimensions, gridExtent, gridSpecKey } from './grid-spec.ts';
import type { GridExtent, GridSpec } from './grid-spec.ts';

export interface CountryRaster {
  readonly width: number;
  readonly height: number;
  /**
   * Per cell (index `row * width + col`, row 0 northern-most): an index into `countries`;
   * 0 means sea or no country.
   */
  readonly owner: Uint8Array;
  /**
   * Index -> ISO 3166-1 alpha-3 code. `countries[0]` is '' (no owner); the rest are the
   * countries that own at least one cell, sorted by code, so indices depend only on the spec.
   */
  readonly countries: string[];
}

/** Margin, in degrees, around every edge inside which a cell is decided by `geoContains`. */
const EDGE_MARGIN_BASE = 0.01;
/** Extra margin per squared degree of edge length, covering the great-circle bulge. */
const EDGE_MARGIN_PER_DEG2 = 0.01;
/** Beyond this latitude the planar approximation of great-circle edges is not trusted. */
const PLANAR_LAT_LIMIT = 75;
/** The owner array is a Uint8Array and index 0 means "none". */
const MAX_COUNTRIES = 255;

const cache = new Map<string, CountryRaster>();

/**
 * The owner raster for `spec`, computed once per spec and process. Each call returns a fresh
 * copy of the arrays: the raster feeds `build(scenario, seed)`, and a caller mutating a shared
 * cached array would make later builds differ -- copying 116 kB at 0.1 degrees is cheap.
 */
export function rasteriseCountries(spec: GridSpec): CountryRaster {
  const key = gridSpecKey(spec);
  let raster = cache.get(key);
  if (raster === undefined) {
    raster = computeRaster(spec);
    cache.set(key, raster);
  }
  return { width: raster.width, height: raster.height, owner: raster.owner.slice(), countries: [...raster.countries] };
}

/** Forgets every cached raster; for benchmarks that time the computation itself. */
export function clearCountryRasterCache(): void {
  cache.clear();
}

/** The index of `iso3` in `raster.countries`, or -1 when it owns no cell. */
export function countryIndex(raster: CountryRaster, iso3: string): number {
  return raster.countries.indexOf(iso3);
}

/** True when (lon, lat) lies inside the box; boxes with west > east wrap across the antimeridian. */
export function boundsContain(bounds: GeoBounds, lon: number, lat: number): boolean {
  const [[west, south], [east, north]] = bounds;
  if (lat < south || lat > north) return false;
  return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}

/** True when `country` contains the point according to `geoContains`. */
export function countryContains(country: CountryShape, lon: number, lat: number): boolean {
  if (!boundsContain(country.bounds, lon, lat)) return false;
  const point: [number, number] = [lon, lat];
  for (const f of country.features) if (geoContains(f, point)) return true;
  return false;
}

function computeRaster(spec: GridSpec): CountryRaster {
  const { width, height, size } = gridDimensions(spec);
  const extent = gridExtent(spec);
  const candidates = loadCountries().filter((c) => boundsMeetExtent(c.bounds, extent));
  if (candidates.length > MAX_COUNTRIES) {
    throw new RangeError(`${candidates.length} countries meet the grid; the owner raster holds at most ${MAX_COUNTRIES}`);
  }

  const grid: RasterGrid = { spec, extent, width, height, owner: new Uint8Array(size), ambiguous: new Uint8Array(size) };
  const crossings: number[][] = Array.from({ length: height }, () => []);
  for (let k = 0; k < candidates.length; k++) {
    const country = candidates[k] as CountryShape;
    for (const f of country.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polygons) rasterisePolygon(grid, rings, k + 1, crossings);
    }
  }

  // Decide the cells near edges the way the contract says: geoContains, first code wins.
  const { owner, ambiguous } = grid;
  for (let i = 0; i < size; i++) {
    if (ambiguous[i] === 0) continue;
    const col = i % width;
    const lon = spec.lonMin + (col + 0.5) * spec.resolution;
    const lat = spec.latMax - ((i - col) / width + 0.5) * spec.resolution;
    let found = 0;
    for (let k = 0; k < candidates.length; k++) {
      if (countryContains(candidates[k] as CountryShape, lon, lat)) {
        found = k + 1;
        break;
      }
    }
    owner[i] = found;
  }

  return compact(grid, candidates);
}

interface RasterGrid {
  readonly spec: GridSpec;
  readonly extent: GridExtent;
  readonly width: number;
  readonly height: number;
  /** Provisional owner: candidate position + 1. */
  readonly owner: Uint8Array;
  /** 1 where the planar fill may disagree with geoContains. */
  readonly ambiguous: Uint8Array;
}

function rasterisePolygon(grid: RasterGrid, rings: Position[][], ownerIndex: number, crossings: number[][]): void {
  const shape = describePolygon(rings);
  if (!shape.planarSafe) {
    const [[west, south], [east, north]] = geoBounds({ type: 'Polygon', coordinates: rings } satisfies Polygon);
    markBox(grid, west, east, south, north);
    return;
  }
  // Skip polygons wholly off the grid (French Guiana for France, say), edge margins included.
  const { extent } = grid;
  const pad = EDGE_MARGIN_BASE + EDGE_MARGIN_PER_DEG2 * shape.maxEdge * shape.maxEdge;
  if (shape.maxX + pad < extent.west || shape.minX - pad > extent.east) return;
  if (shape.maxY + pad < extent.south || shape.minY - pad > extent.north) return;

  fillPolygon(grid, rings, ownerIndex, crossings);
  for (const ring of rings) {
    for (let j = 1; j < ring.length; j++) {
      const a = ring[j - 1] as Position;
      const b = ring[j] as Position;
      markEdge(grid, a[0] as number, a[1] as number, b[0] as number, b[1] as number);
    }
  }
}

interface PolygonShape {
  readonly planarSafe: boolean;
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
  /** Longest edge, degrees in the lon/lat plane. */
  readonly maxEdge: number;
}

function describePolygon(rings: Position[][]): PolygonShape {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let maxEdge = 0;
  let crossesAntimeridian = false;
  for (const ring of rings) {
    for (let j = 0; j < ring.length; j++) {
      const p = ring[j] as Position;
      const x = p[0] as number;
      const y = p[1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (j > 0) {
        const q = ring[j - 1] as Position;
        const dx = x - (q[0] as number);
        const dy = y - (q[1] as number);
        if (Math.abs(dx) > 180) crossesAntimeridian = true;
        const length = Math.hypot(dx, dy);
        if (length > maxEdge) maxEdge = length;
      }
    }
  }
  // geoArea above a hemisphere means d3 reads the ring as enclosing the rest of the globe.
  const planarSafe =
    !crossesAntimeridian &&
    minY >= -PLANAR_LAT_LIMIT &&
    maxY <= PLANAR_LAT_LIMIT &&
    geoArea({ type: 'Polygon', coordinates: rings } satisfies Polygon) < 2 * Math.PI;
  return { planarSafe, minX, maxX, minY, maxY, maxEdge };
}

/**
 * Even-odd scanline fill at the row-centre latitudes. An edge crosses row r when its end
 * latitudes straddle the row centre under the half-open rule (y0 > yc) !== (y1 > yc), which
 * counts a vertex lying exactly on the row once, so crossings always pair up.
 */
function fillPolygon(grid: RasterGrid, rings: Position[][], ownerIndex: number, crossings: number[][]): void {
  const { spec, width, height, owner } = grid;
  const { lonMin, latMax, resolution } = spec;
  let rowFrom = height;
  let rowTo = -1;
  for (const ring of rings) {
    for (let j = 1; j < ring.length; j++) {
      const a = ring[j - 1] as Position;
      const b = ring[j] as Position;
      const x0 = a[0] as number;
      const y0 = a[1] as number;
      const x1 = b[0] as number;
      const y1 = b[1] as number;
      if (y0 === y1) continue;
      // A generous row range from the edge's latitude span; the exact test follows.
      const first = Math.max(0, Math.floor((latMax - Math.max(y0, y1)) / resolution - 0.5));
      const last = Math.min(height - 1, Math.ceil((latMax - Math.min(y0, y1)) / resolution - 0.5));
      for (let r = first; r <= last; r++) {
        const yc = latMax - (r + 0.5) * resolution;
        if (y0 > yc === y1 > yc) continue;
        (crossings[r] as number[]).push(x0 + ((yc - y0) * (x1 - x0)) / (y1 - y0));
        if (r < rowFrom) rowFrom = r;
        if (r > rowTo) rowTo = r;
      }
    }
  }
  for (let r = rowFrom; r <= rowTo; r++) {
    const xs = crossings[r] as number[];
    if (xs.length === 0) continue;
    xs.sort((p, q) => p - q);
    const base = r * width;
    for (let k = 0; k + 1 < xs.length; k += 2) {
      // Cells whose centre lon lies in [xs[k], xs[k+1]).
      const from = Math.max(0, Math.ceil(((xs[k] as number) - lonMin) / resolution - 0.5));
      const to = Math.min(width - 1, Math.ceil(((xs[k + 1] as number) - lonMin) / resolution - 0.5) - 1);
      for (let c = from; c <= to; c++) {
        // First country (alphabetical) wins, as in the contract; overlaps are slivers anyway.
        if (owner[base + c] === 0) owner[base + c] = ownerIndex;
      }
    }
    xs.length = 0;
  }
}

/** Flags every cell whose centre lies within the edge's margin of the segment (x0,y0)-(x1,y1). */
function markEdge(grid: RasterGrid, x0: number, y0: number, x1: number, y1: number): void {
  const { spec, width, height, ambiguous } = grid;
  const { lonMin, latMax, resolution } = spec;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length2 = dx * dx + dy * dy;
  const margin = EDGE_MARGIN_BASE + EDGE_MARGIN_PER_DEG2 * length2;
  const colFrom = Math.max(0, Math.floor((Math.min(x0, x1) - margin - lonMin) / resolution - 0.5));
  const colTo = Math.min(width - 1, Math.ceil((Math.max(x0, x1) + margin - lonMin) / resolution - 0.5));
  const rowFrom = Math.max(0, Math.floor((latMax - Math.max(y0, y1) - margin) / resolution - 0.5));
  const rowTo = Math.min(height - 1, Math.ceil((latMax - Math.min(y0, y1) + margin) / resolution - 0.5));
  const margin2 = margin * margin;
  for (let r = rowFrom; r <= rowTo; r++) {
    const yc = latMax - (r + 0.5) * resolution;
    for (let c = colFrom; c <= colTo; c++) {
      const xc = lonMin + (c + 0.5) * resolution;
      // Squared distance from the centre to the closest point of the segment.
      let t = length2 > 0 ? ((xc - x0) * dx + (yc - y0) * dy) / length2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = x0 + t * dx - xc;
      const ey = y0 + t * dy - yc;
      if (ex * ex + ey * ey <= margin2) ambiguous[r * width + c] = 1;
    }
  }
}

/** Flags every cell whose centre lies in the box; west > east wraps across the antimeridian. */
function markBox(grid: RasterGrid, west: number, east: number, south: number, north: number): void {
  const { spec, width, height, ambiguous } = grid;
  const bounds: GeoBounds = [
    [west, south],
    [east, north],
  ];
  for (let r = 0; r < height; r++) {
    const yc = spec.latMax - (r + 0.5) * spec.resolution;
    if (yc < south || yc > north) continue;
    for (let c = 0; c < width; c++) {
      if (boundsContain(bounds, spec.lonMin + (c + 0.5) * spec.resolution, yc)) ambiguous[r * width + c] = 1;
    }
  }
}

function boundsMeetExtent(bounds: GeoBounds, extent: GridExtent): boolean {
  const [[west, south], [east, north]] = bounds;
  if (north < extent.south || south > extent.north) return false;
  if (west <= east) return east >= extent.west && west <= extent.east;
  // Wrapping box: it covers [west, 180] and [-180, east].
  return extent.east >= west || extent.west <= east;
}

/** Renumbers owners so that `countries` lists only the countries that own a cell. */
function compact(grid: RasterGrid, candidates: readonly CountryShape[]): CountryRaster {
  const { width, height, owner } = grid;
  const counts = new Uint32Array(candidates.length + 1);
  for (let i = 0; i < owner.length; i++) {
    const o = owner[i] as number;
    counts[o] = (counts[o] as number) + 1;
  }
  const remap = new Uint8Array(candidates.length + 1);
  const countries = [''];
  for (let k = 1; k <= candidates.length; k++) {
    if ((counts[k] as number) === 0) continue;
    remap[k] = countries.length;
    countries.push((candidates[k - 1] as CountryShape).iso3);
  }
  for (let i = 0; i < owner.length; i++) owner[i] = remap[owner[i] as number] as number;
  return { width, height, owner, countries };
}
