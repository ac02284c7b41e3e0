/**
 * Contract: `rasteriseRoute` turns a polyline of [lon, lat] waypoints into the cells it passes
 * through, in order, without consecutive duplicates. Segments are straight lines in the
 * longitude/latitude plane (what a route drawn on the map means; over the few hundred km between
 * waypoints the great circle differs by well under a cell). Each segment is clipped to the grid,
 * so the part of a route outside the grid is skipped and the part inside kept; a route that
 * leaves the grid and comes back resumes at its re-entry cell.
 *
 * The walk is an exact grid traversal (Amanatides & Woo 1987) rather than sampling at a fixed
 * step, so no cell the line crosses is missed and consecutive cells always share a side -- or,
 * where the line passes exactly through a cell corner, the cell east/west of the corner comes
 * first. Either way consecutive cells are adjacent in the Moore sense.
 */
import { gridDimensions } from './grid-spec.ts';
import type { GridSpec } from './grid-spec.ts';

export type LonLat = readonly [lon: number, lat: number];

export function rasteriseRoute(spec: GridSpec, waypoints: readonly LonLat[]): Int32Array {
  const { width, height } = gridDimensions(spec);
  for (const [k, point] of waypoints.entries()) {
    if (!Number.isFinite(point[0]) || !Number.isFinite(point[1])) {
      throw new RangeError(`route waypoint ${k} is not a pair of finite numbers: [${point.join(', ')}]`);
    }
  }
  const cells: number[] = [];
  const toGrid = (p: LonLat): [number, number] => [(p[0] - spec.lonMin) / spec.resolution, (spec.latMax - p[1]) / spec.resolution];

  if (waypoints.length === 1) {
    const [u, v] = toGrid(waypoints[0] as LonLat);
    if (u >= 0 && v >= 0 && u <= width && v <= height) cells.push(cellAtGrid(u, v, width, height));
  }
  for (let k = 1; k < waypoints.length; k++) {
    const [u0, v0] = toGrid(waypoints[k - 1] as LonLat);
    const [u1, v1] = toGrid(waypoints[k] as LonLat);
    traverseSegment(u0, v0, u1, v1, width, height, cells);
  }
  return Int32Array.from(cells);
}

/** Grid coordinates: u counts columns east from lonMin, v counts rows south from latMax. */
function cellAtGrid(u: number, v: number, width: number, height: number): number {
  return clampFloor(v, height) * width + clampFloor(u, width);
}

/** floor(x) kept within 0..n-1, so points on the east or south edge fall in the last cell. */
function clampFloor(x: number, n: number): number {
  const i = Math.floor(x);
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

function pushCell(cells: number[], cell: number): void {
  if (cells.length === 0 || cells[cells.length - 1] !== cell) cells.push(cell);
}

function traverseSegment(u0: number, v0: number, u1: number, v1: number, width: number, height: number, cells: number[]): void {
  const du = u1 - u0;
  const dv = v1 - v0;
  // Liang-Barsky: the parameter range [tIn, tOut] of the segment inside [0,width] x [0,height].
  let tIn = 0;
  let tOut = 1;
  const clips: readonly (readonly [number, number])[] = [
    [-du, u0],
    [du, width - u0],
    [-dv, v0],
    [dv, height - v0],
  ];
  for (const [p, q] of clips) {
    if (p === 0) {
      if (q < 0) return; // parallel to this edge and outside it
    } else if (p < 0) {
      tIn = Math.max(tIn, q / p);
    } else {
      tOut = Math.min(tOut, q / p);
    }
  }
  if (tIn > tOut) return;
  const ua = u0 + tIn * du;
  const va = v0 + tIn * dv;
  const ub = u0 + tOut * du;
  const vb = v0 + tOut * dv;

  let col = clampFloor(ua, width);
  let row = clampFloor(va, height);
  const endCol = clampFloor(ub, width);
  const endRow = clampFloor(vb, height);
  pushCell(cells, row * width + col);

  const stepCol = Math.sign(endCol - col);
  const stepRow = Math.sign(endRow - row);
  const spanU = ub - ua;
  const spanV = vb - va;
  // Parameter (0..1 along the clipped segment) at which the line crosses the next column/row line.
  let tNextCol = stepCol > 0 ? (col + 1 - ua) / spanU : stepCol < 0 ? (col - ua) / spanU : Infinity;
  let tNextRow = stepRow > 0 ? (row + 1 - va) / spanV : stepRow < 0 ? (row - va) / spanV : Infinity;
  const tDeltaCol = stepCol !== 0 ? Math.abs(1 / spanU) : Infinity;
  const tDeltaRow = stepRow !== 0 ? Math.abs(1 / spanV) : Infinity;

  // Exactly |dcol| + |drow| single steps, each towards the end cell: rounding in the t values
  // can change which of two near-simultaneous crossings comes first, never where the walk ends.
  let remaining = Math.abs(endCol - col) + Math.abs(endRow - row);
  while (remaining > 0) {
    const colLeft = col !== endCol;
    const rowLeft = row !== endRow;
    if (colLeft && (!rowLeft || tNextCol <= tNextRow)) {
      col += stepCol;
      tNextCol += tDeltaCol;
    } else {
      row += stepRow;
      tNextRow += tDeltaRow;
    }
    pushCell(cells, row * width + col);
    remaining--;
  }
}
