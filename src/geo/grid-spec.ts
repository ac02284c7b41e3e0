/**
 * Contract: a `GridSpec` lays a grid of square cells, `resolution` degrees on a side, over a
 * longitude/latitude box. The grid is anchored at the box's NORTH-WEST corner (lonMin, latMax)
 * and extends east and south by whole cells, so it covers at least the box:
 *
 *   width  = ceil((lonMax - lonMin) / resolution)    columns, col 0 at lonMin (west)
 *   height = ceil((latMax - latMin) / resolution)    rows,    row 0 at latMax (NORTH)
 *   cell index = row * width + col
 *
 * Row 0 is the northern-most row because that is how a map is read and drawn (and how image
 * rows run), so a raster printed row by row looks like the map. When the box is not a whole
 * number of cells, the last column/row pokes out past lonMax/latMin; `gridExtent()` gives the
 * true covered area. Pure values, no I/O.
 */

/** Degrees. The default is the Sahel-Sahara box of MODEL.md §1. */
export interface GridSpec {
  readonly lonMin: number;
  readonly lonMax: number;
  readonly latMin: number;
  readonly latMax: number;
  /** Cell side in degrees of longitude and of latitude. */
  readonly resolution: number;
}

export interface GridDimensions {
  readonly width: number;
  readonly height: number;
  /** `width * height`. */
  readonly size: number;
}

/** The area a grid actually covers (degrees): the box, rounded out to whole cells east and south. */
export interface GridExtent {
  readonly west: number;
  readonly east: number;
  readonly south: number;
  readonly north: number;
}

/** MODEL.md §1: lon -18..25, lat 10..37 at 0.5 degrees, 86 x 54 cells. */
export const DEFAULT_GRID_SPEC: GridSpec = Object.freeze({
  lonMin: -18,
  lonMax: 25,
  latMin: 10,
  latMax: 37,
  resolution: 0.5,
});

/**
 * A guard against typos such as `resolution: 0.001`, which would silently ask for a
 * billion-cell raster. 0.05 degrees over the whole default box is 464,400 cells; this leaves
 * room for much larger boxes.
 */
export const MAX_GRID_CELLS = 10_000_000;

// 43 / 0.1 is 430.00000000000006 in floating point; without this slack, ceil() would add a
// spurious column. A millionth of a cell is far below any meaningful geographic difference.
const WHOLE_CELL_SLACK = 1e-6;

function cellsAlong(span: number, resolution: number): number {
  return Math.ceil(span / resolution - WHOLE_CELL_SLACK);
}

/**
 * Every problem with a spec, as sentences; empty when the spec is usable. Returned rather than
 * thrown so that scenario validation can report them next to the offending line.
 */
export function gridSpecProblems(spec: GridSpec): string[] {
  const problems: string[] = [];
  const { lonMin, lonMax, latMin, latMax, resolution } = spec;
  for (const [name, value] of Object.entries({ lonMin, lonMax, latMin, latMax, resolution })) {
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${name} must be a finite number, got ${String(value)}`);
  }
  if (problems.length > 0) return problems;
  if (resolution <= 0) problems.push(`resolution must be positive, got ${resolution}`);
  if (lonMin >= lonMax) problems.push(`lonMin (${lonMin}) must be less than lonMax (${lonMax})`);
  if (latMin >= latMax) problems.push(`latMin (${latMin}) must be less than latMax (${latMax})`);
  if (lonMin < -180 || lonMax > 180) problems.push(`longitudes must lie within -180..180, got ${lonMin}..${lonMax}`);
  if (latMin < -90 || latMax > 90) problems.push(`latitudes must lie within -90..90, got ${latMin}..${latMax}`);
  if (problems.length > 0) return problems;
  const width = cellsAlong(lonMax - lonMin, resolution);
  const height = cellsAlong(latMax - latMin, resolution);
  if (width * height > MAX_GRID_CELLS) {
    problems.push(`${width} x ${height} = ${width * height} cells exceeds the limit of ${MAX_GRID_CELLS}; use a coarser resolution`);
  }
  // The whole-cell rounding must not push the grid off the globe.
  if (lonMin + width * resolution > 180 + WHOLE_CELL_SLACK * resolution) {
    problems.push(`the last column would extend past 180 degrees east; make lonMax - lonMin a multiple of the resolution`);
  }
  if (latMax - height * resolution < -90 - WHOLE_CELL_SLACK * resolution) {
    problems.push(`the last row would extend past 90 degrees south; make latMax - latMin a multiple of the resolution`);
  }
  return problems;
}

/** Throws a RangeError listing every problem; for code paths where the spec was already validated. */
export function assertGridSpec(spec: GridSpec): void {
  const problems = gridSpecProblems(spec);
  if (problems.length > 0) throw new RangeError(`invalid grid spec: ${problems.join('; ')}`);
}

export function gridDimensions(spec: GridSpec): GridDimensions {
  assertGridSpec(spec);
  const width = cellsAlong(spec.lonMax - spec.lonMin, spec.resolution);
  const height = cellsAlong(spec.latMax - spec.latMin, spec.resolution);
  return { width, height, size: width * height };
}

export function gridExtent(spec: GridSpec): GridExtent {
  const { width, height } = gridDimensions(spec);
  return {
    west: spec.lonMin,
    east: spec.lonMin + width * spec.resolution,
    south: spec.latMax - height * spec.resolution,
    north: spec.latMax,
  };
}

/** A stable string naming the spec, for cache keys and manifests. */
export function gridSpecKey(spec: GridSpec): string {
  return `${spec.lonMin},${spec.lonMax},${spec.latMin},${spec.latMax},${spec.resolution}`;
}

/** `[lon, lat]` of the centre of cell `index`. Throws a RangeError for an index off the grid. */
export function cellCenter(spec: GridSpec, index: number): [lon: number, lat: number] {
  const { width, size } = gridDimensions(spec);
  if (!Number.isInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`cell index ${index} is not on a grid of ${size} cells`);
  }
  const col = index % width;
  const row = (index - col) / width;
  return [spec.lonMin + (col + 0.5) * spec.resolution, spec.latMax - (row + 0.5) * spec.resolution];
}

/**
 * The index of the cell containing (lon, lat), or -1 when the point is off the grid (or not a
 * finite number). A point on the line between two cells belongs to the cell east or south of
 * it (up to floating-point rounding); the outer edges of the extent are inclusive, so every
 * point of `gridExtent()` maps to a cell.
 */
export function cellOf(spec: GridSpec, lon: number, lat: number): number {
  const { width, height } = gridDimensions(spec);
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
  const u = (lon - spec.lonMin) / spec.resolution;
  const v = (spec.latMax - lat) / spec.resolution;
  if (u < 0 || v < 0 || u > width || v > height) return -1;
  // u === width only on the east edge, v === height only on the south edge: fold them inwards.
  const col = Math.min(Math.floor(u), width - 1);
  const row = Math.min(Math.floor(v), height - 1);
  return row * width + col;
}
