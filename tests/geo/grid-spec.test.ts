import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_GRID_SPEC,
  cellCenter,
  cellOf,
  gridDimensions,
  gridExtent,
  gridSpecKey,
  gridSpecProblems,
} from '../../src/geo/index.ts';
import type { GridSpec } from '../../src/geo/index.ts';

const at = (resolution: number): GridSpec => ({ ...DEFAULT_GRID_SPEC, resolution });

describe('gridDimensions()', () => {
  it('gives 86 x 54 cells for the default box at 0.5 degrees', () => {
    expect(gridDimensions(DEFAULT_GRID_SPEC)).toEqual({ width: 86, height: 54, size: 4644 });
  });

  it('gives 172 x 108 at 0.25 and 430 x 270 at 0.1 despite 43 / 0.1 not being exact in floating point', () => {
    expect(gridDimensions(at(0.25))).toEqual({ width: 172, height: 108, size: 18576 });
    expect(gridDimensions(at(0.1))).toEqual({ width: 430, height: 270, size: 116100 });
  });

  it('rounds a box that is not a whole number of cells out to the east and south', () => {
    const spec = at(0.3);
    expect(gridDimensions(spec)).toMatchObject({ width: 144, height: 90 });
    const extent = gridExtent(spec);
    expect(extent.west).toBe(-18);
    expect(extent.north).toBe(37);
    expect(extent.east).toBeCloseTo(25.2, 9);
    expect(extent.south).toBeCloseTo(10, 9);
  });

  it('rejects a non-positive resolution and an inverted box', () => {
    expect(() => gridDimensions(at(0))).toThrow(RangeError);
    expect(() => gridDimensions({ ...DEFAULT_GRID_SPEC, lonMin: 30 })).toThrow(RangeError);
  });
});

describe('gridSpecProblems()', () => {
  it('is empty for the default spec', () => {
    expect(gridSpecProblems(DEFAULT_GRID_SPEC)).toEqual([]);
  });

  it('lists every problem as a sentence', () => {
    const problems = gridSpecProblems({ lonMin: 10, lonMax: 5, latMin: -95, latMax: 0, resolution: 1 });
    expect(problems).toEqual([
      'lonMin (10) must be less than lonMax (5)',
      'latitudes must lie within -90..90, got -95..0',
    ]);
  });

  it('refuses a resolution that would make a billion cells', () => {
    expect(gridSpecProblems(at(0.001))[0]).toMatch(/exceeds the limit/);
  });

  it('reports a missing number instead of computing with NaN', () => {
    expect(gridSpecProblems({ ...DEFAULT_GRID_SPEC, resolution: Number.NaN })).toEqual(['resolution must be a finite number, got NaN']);
  });
});

describe('gridSpecKey()', () => {
  it('names the spec by its five numbers', () => {
    expect(gridSpecKey(DEFAULT_GRID_SPEC)).toBe('-18,25,10,37,0.5');
  });
});

describe('cellCenter()', () => {
  it('puts cell 0 in the north-west corner: row 0 is the northern-most row', () => {
    expect(cellCenter(DEFAULT_GRID_SPEC, 0)).toEqual([-17.75, 36.75]);
    expect(cellCenter(DEFAULT_GRID_SPEC, 85)).toEqual([24.75, 36.75]);
    expect(cellCenter(DEFAULT_GRID_SPEC, 86)).toEqual([-17.75, 36.25]);
    expect(cellCenter(DEFAULT_GRID_SPEC, 4643)).toEqual([24.75, 10.25]);
  });

  it('rejects an index off the grid', () => {
    expect(() => cellCenter(DEFAULT_GRID_SPEC, 4644)).toThrow(RangeError);
    expect(() => cellCenter(DEFAULT_GRID_SPEC, -1)).toThrow(RangeError);
    expect(() => cellCenter(DEFAULT_GRID_SPEC, 1.5)).toThrow(RangeError);
  });
});

describe('cellOf()', () => {
  it('finds Kidal in row 37, column 38 at 0.5 degrees', () => {
    expect(cellOf(DEFAULT_GRID_SPEC, 1.41, 18.44)).toBe(37 * 86 + 38);
  });

  it('returns -1 outside the grid and for non-finite input', () => {
    expect(cellOf(DEFAULT_GRID_SPEC, -18.01, 20)).toBe(-1);
    expect(cellOf(DEFAULT_GRID_SPEC, 0, 37.01)).toBe(-1);
    expect(cellOf(DEFAULT_GRID_SPEC, 25.01, 20)).toBe(-1);
    expect(cellOf(DEFAULT_GRID_SPEC, 0, 9.99)).toBe(-1);
    expect(cellOf(DEFAULT_GRID_SPEC, Number.NaN, 20)).toBe(-1);
  });

  it('includes all four outer edges of the grid', () => {
    expect(cellOf(DEFAULT_GRID_SPEC, -18, 37)).toBe(0);
    expect(cellOf(DEFAULT_GRID_SPEC, 25, 10)).toBe(4643);
  });

  it('puts a point on an inner cell line in the cell east or south of it', () => {
    expect(cellOf(DEFAULT_GRID_SPEC, -17.5, 36.5)).toBe(86 + 1);
  });

  it('round-trips with cellCenter() at any resolution', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 0.5, 0.3, 0.25, 0.2, 0.1, 0.05),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (resolution, fraction) => {
          const spec = at(resolution);
          const index = Math.floor(fraction * gridDimensions(spec).size);
          const [lon, lat] = cellCenter(spec, index);
          return cellOf(spec, lon, lat) === index;
        },
      ),
    );
  });

  it('maps every point of the grid to the cell whose centre is within half a cell of it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.5, 0.3, 0.1),
        fc.double({ min: -18, max: 25, noNaN: true }),
        fc.double({ min: 10, max: 37, noNaN: true }),
        (resolution, lon, lat) => {
          const spec = at(resolution);
          const index = cellOf(spec, lon, lat);
          if (index < 0) return false;
          const [clon, clat] = cellCenter(spec, index);
          const half = resolution / 2 + 1e-9;
          return Math.abs(clon - lon) <= half && Math.abs(clat - lat) <= half;
        },
      ),
    );
  });
});
