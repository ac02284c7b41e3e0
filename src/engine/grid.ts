/**
 * Contract: a rectangular grid of `width × height` cells indexed `y * width + x`, optionally a
 * torus. The grid holds no per-cell data itself; fields (`fields.ts`) and neighbourhoods
 * (`neighbourhood.ts`) are built over it. Pure values, no I/O.
 */
export interface Grid {
  readonly width: number;
  readonly height: number;
  /** Number of cells, `width * height`. */
  readonly size: number;
  /** When true, coordinates wrap at the edges in both directions. */
  readonly torus: boolean;
}

export function createGrid(width: number, height: number, torus = false): Grid {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`grid dimensions must be positive integers, got ${width} × ${height}`);
  }
  return { width, height, size: width * height, torus };
}

export function cellIndex(grid: Grid, x: number, y: number): number {
  return y * grid.width + x;
}

export function cellX(grid: Grid, cell: number): number {
  return cell % grid.width;
}

export function cellY(grid: Grid, cell: number): number {
  return (cell / grid.width) | 0;
}

/**
 * The cell at (x, y) after wrapping on a torus, or -1 when (x, y) lies off a bounded grid.
 */
export function cellAt(grid: Grid, x: number, y: number): number {
  const { width, height } = grid;
  if (grid.torus) {
    // `% n + n) % n` rather than `if (x < 0)`: -1 % 1 is -0, which is not < 0.
    x = ((x % width) + width) % width;
    y = ((y % height) + height) % height;
  } else if (x < 0 || y < 0 || x >= width || y >= height) {
    return -1;
  }
  return y * width + x;
}
