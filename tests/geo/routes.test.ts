import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_GRID_SPEC, cellOf, gridDimensions, rasteriseRoute } from '../../src/geo/index.ts';
import type { GridSpec, LonLat } from '../../src/geo/index.ts';

const GAO: LonLat = [-0.04, 16.27];
const KIDAL: LonLat = [1.41, 18.44];
const TESSALIT: LonLat = [1.01, 20.2];

/** True when every consecutive pair of cells touches by a side or a corner and none repeats. */
function isMooreConnected(spec: GridSpec, cells: Int32Array): boolean {
  const { width } = gridDimensions(spec);
  for (let k = 1; k < cells.length; k++) {
    const a = cells[k - 1] as number;
    const b = cells[k] as number;
    const dCol = Math.abs((a % width) - (b % width));
    const dRow = Math.abs(Math.floor(a / width) - Math.floor(b / width));
    if (a === b || dCol > 1 || dRow > 1) return false;
  }
  return true;
}

describe('rasteriseRoute()', () => {
  it('goes from Gao to Kidal through connected cells', () => {
    for (const resolution of [0.5, 0.25, 0.1]) {
      const spec = { ...DEFAULT_GRID_SPEC, resolution };
      const cells = rasteriseRoute(spec, [GAO, KIDAL]);
      expect(cells[0]).toBe(cellOf(spec, ...GAO));
      expect(cells[cells.length - 1]).toBe(cellOf(spec, ...KIDAL));
      expect(isMooreConnected(spec, cells)).toBe(true);
    }
  });

  it('visits the 8 cells the Gao-Kidal line crosses at 0.5 degrees, in the order it crosses them', () => {
    // Gao is column 35, row 41 (u 35.92, v 41.46); Kidal column 38, row 37 (u 38.82, v 37.12).
    // Along the line, column lines are crossed at t = 0.03, 0.37, 0.72 and row lines at
    // t = 0.11, 0.34, 0.57, 0.80: east, north, north, east, north, east, north.
    const cells = rasteriseRoute(DEFAULT_GRID_SPEC, [GAO, KIDAL]);
    const at = (row: number, col: number): number => row * 86 + col;
    expect(Array.from(cells)).toEqual([at(41, 35), at(41, 36), at(40, 36), at(39, 36), at(39, 37), at(38, 37), at(38, 38), at(37, 38)]);
  });

  it('follows several waypoints without repeating the cell at a waypoint', () => {
    const cells = rasteriseRoute(DEFAULT_GRID_SPEC, [GAO, KIDAL, TESSALIT]);
    const kidal = cellOf(DEFAULT_GRID_SPEC, ...KIDAL);
    expect(Array.from(cells).filter((c) => c === kidal)).toHaveLength(1);
    expect(cells[cells.length - 1]).toBe(cellOf(DEFAULT_GRID_SPEC, ...TESSALIT));
    expect(isMooreConnected(DEFAULT_GRID_SPEC, cells)).toBe(true);
  });

  it('gives one cell for one waypoint, none for no waypoint or a point off the grid', () => {
    expect(Array.from(rasteriseRoute(DEFAULT_GRID_SPEC, [KIDAL]))).toEqual([cellOf(DEFAULT_GRID_SPEC, ...KIDAL)]);
    expect(rasteriseRoute(DEFAULT_GRID_SPEC, [])).toHaveLength(0);
    expect(rasteriseRoute(DEFAULT_GRID_SPEC, [[40, 40]])).toHaveLength(0);
  });

  it('keeps the part of a segment inside the grid and skips the rest', () => {
    // From the Atlantic west of the box along 20.25N to the Mauritanian coast.
    const cells = rasteriseRoute(DEFAULT_GRID_SPEC, [[-25, 20.25], [-16.25, 20.25]]);
    const row = 33;
    expect(Array.from(cells)).toEqual([row * 86, row * 86 + 1, row * 86 + 2, row * 86 + 3]);
  });

  it('skips a segment wholly off the grid and resumes where the route comes back', () => {
    const cells = rasteriseRoute(DEFAULT_GRID_SPEC, [[-17.75, 36.75], [-17.75, 40], [30, 40], [24.75, 36.75]]);
    expect(Array.from(cells).slice(0, 1)).toEqual([0]);
    expect(cells[cells.length - 1]).toBe(85);
  });

  it('rejects a waypoint that is not a pair of finite numbers', () => {
    expect(() => rasteriseRoute(DEFAULT_GRID_SPEC, [GAO, [Number.NaN, 3]])).toThrow(RangeError);
  });

  it('joins the cells of any two points in the box by a connected path without repeats', () => {
    const lon = fc.double({ min: -18, max: 25, noNaN: true });
    const lat = fc.double({ min: 10, max: 37, noNaN: true });
    fc.assert(
      fc.property(fc.constantFrom(0.5, 0.3, 0.1), lon, lat, lon, lat, (resolution, lon0, lat0, lon1, lat1) => {
        const spec = { ...DEFAULT_GRID_SPEC, resolution };
        const cells = rasteriseRoute(spec, [[lon0, lat0], [lon1, lat1]]);
        return (
          cells[0] === cellOf(spec, lon0, lat0) &&
          cells[cells.length - 1] === cellOf(spec, lon1, lat1) &&
          isMooreConnected(spec, cells)
        );
      }),
    );
  });

  it('never steps diagonally through a corner the line does not cross', () => {
    // A line from one cell centre to the diagonal neighbour's centre passes exactly through the
    // shared corner: the walk goes via the cell east or west of the corner, a side step each time.
    const a = cellOf(DEFAULT_GRID_SPEC, 0.25, 20.25);
    const cells = rasteriseRoute(DEFAULT_GRID_SPEC, [[0.25, 20.25], [0.75, 20.75]]);
    expect(Array.from(cells)).toEqual([a, a + 1, a + 1 - 86]);
  });
});
