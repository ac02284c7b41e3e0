import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellAt, cellIndex, cellX, cellY, createGrid, createNeighbourhood, neighbours } from '../../src/engine/index.ts';

describe('createGrid()', () => {
  it('indexes cells row by row', () => {
    const grid = createGrid(5, 3);
    expect(grid.size).toBe(15);
    expect(cellIndex(grid, 2, 1)).toBe(7);
    expect([cellX(grid, 7), cellY(grid, 7)]).toEqual([2, 1]);
  });

  it('rejects non-positive dimensions', () => {
    expect(() => createGrid(0, 3)).toThrow(RangeError);
  });
});

describe('cellAt()', () => {
  it('wraps on a torus and clips on a bounded grid', () => {
    expect(cellAt(createGrid(4, 4, true), -1, 4)).toBe(3);
    expect(cellAt(createGrid(4, 4, false), -1, 0)).toBe(-1);
  });
});

describe('createNeighbourhood()', () => {
  it('has 112 cells in a von Neumann diamond of radius 7 and 8 in a Moore ring of radius 1', () => {
    const grid = createGrid(40, 40, true);
    expect(createNeighbourhood(grid, 'von-neumann', 7).count).toBe(112);
    expect(createNeighbourhood(grid, 'moore', 1).count).toBe(8);
    expect(createNeighbourhood(grid, 'moore', 2, true).count).toBe(25);
  });
});

describe('neighbours()', () => {
  it('clips at the edge of a bounded grid', () => {
    const grid = createGrid(10, 10);
    const nb = createNeighbourhood(grid, 'moore', 1);
    const out = new Int32Array(nb.count);
    expect(neighbours(nb, 0, out)).toBe(3);
    expect(Array.from(out.subarray(0, 3)).sort((a, b) => a - b)).toEqual([1, 10, 11]);
  });

  it('returns the same cells on the interior fast path as on the wrapping path', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom('moore' as const, 'von-neumann' as const),
        fc.boolean(),
        fc.nat(),
        (w, h, r, kind, torus, pick) => {
          const grid = createGrid(w, h, torus);
          const nb = createNeighbourhood(grid, kind, r);
          const cell = pick % grid.size;
          const out = new Int32Array(nb.count);
          const n = neighbours(nb, cell, out);
          // Reference: wrap or clip each offset one by one.
          const expected: number[] = [];
          for (let k = 0; k < nb.count; k++) {
            const c = cellAt(grid, cellX(grid, cell) + nb.dx[k]!, cellY(grid, cell) + nb.dy[k]!);
            if (c >= 0) expected.push(c);
          }
          expect(Array.from(out.subarray(0, n))).toEqual(expected);
          for (const c of expected) {
            const dx = Math.abs(cellX(grid, c) - cellX(grid, cell));
            const dy = Math.abs(cellY(grid, c) - cellY(grid, cell));
            const ddx = torus ? Math.min(dx, w - dx) : dx;
            const ddy = torus ? Math.min(dy, h - dy) : dy;
            expect(kind === 'moore' ? Math.max(ddx, ddy) : ddx + ddy).toBeLessThanOrEqual(r);
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
