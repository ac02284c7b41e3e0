/**
 * Contract: a neighbourhood is a fixed list of (dx, dy) offsets — Moore (Chebyshev distance) or
 * von Neumann (Manhattan distance) of any radius — precomputed once, with the linear offsets
 * `dy * width + dx` for cells far enough from the edges that no wrapping or clipping applies.
 * `neighbours()` writes the cell indices around a cell into a caller-owned buffer and returns
 * how many it wrote, so the hot loop allocates nothing. Offsets are listed row by row (dy, then
 * dx ascending); callers that need a random order draw from the result.
 */
import type { Grid } from './grid.ts';

export type NeighbourhoodKind = 'moore' | 'von-neumann';

export interface Neighbourhood {
  readonly grid: Grid;
  readonly kind: NeighbourhoodKind;
  readonly radius: number;
  readonly includeCentre: boolean;
  /** Number of offsets (cells in the neighbourhood on an unbounded plane). */
  readonly count: number;
  readonly dx: Int32Array;
  readonly dy: Int32Array;
  /** `dy * width + dx`, valid for interior cells (see `neighbours`). */
  readonly linear: Int32Array;
}

export function createNeighbourhood(
  grid: Grid,
  kind: NeighbourhoodKind,
  radius: number,
  includeCentre = false,
): Neighbourhood {
  if (!Number.isInteger(radius) || radius < 0) throw new RangeError(`radius must be a non-negative integer, got ${radius}`);
  const dxs: number[] = [];
  const dys: number[] = [];
  for (let dy = -radius; dy <= radius; dy++) {
    const span = kind === 'moore' ? radius : radius - Math.abs(dy);
    for (let dx = -span; dx <= span; dx++) {
      if (dx === 0 && dy === 0 && !includeCentre) continue;
      dxs.push(dx);
      dys.push(dy);
    }
  }
  const linear = Int32Array.from(dxs, (dx, k) => (dys[k] as number) * grid.width + dx);
  return {
    grid,
    kind,
    radius,
    includeCentre,
    count: dxs.length,
    dx: Int32Array.from(dxs),
    dy: Int32Array.from(dys),
    linear,
  };
}

/**
 * Writes the indices of the cells around `cell` into `out` (which must hold `nb.count` entries)
 * and returns how many were written. On a torus every offset yields a cell; on a bounded grid
 * offsets falling off the edge are skipped. On a torus smaller than the neighbourhood's diameter
 * the same cell can appear more than once (Mesa and NetLogo use sets instead: callers that need
 * that de-duplicate, as the civil violence model's vision does).
 */
export function neighbours(nb: Neighbourhood, cell: number, out: Int32Array): number {
  const { width, height, torus } = nb.grid;
  const x = cell % width;
  const y = (cell / width) | 0;
  const r = nb.radius;
  const count = nb.count;
  if (x >= r && y >= r && x < width - r && y < height - r) {
    const linear = nb.linear;
    for (let k = 0; k < count; k++) out[k] = cell + (linear[k] as number);
    return count;
  }
  const dxs = nb.dx;
  const dys = nb.dy;
  let n = 0;
  for (let k = 0; k < count; k++) {
    let nx = x + (dxs[k] as number);
    let ny = y + (dys[k] as number);
    if (torus) {
      nx %= width;
      if (nx < 0) nx += width;
      ny %= height;
      if (ny < 0) ny += height;
    } else if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
      continue;
    }
    out[n++] = ny * width + nx;
  }
  return n;
}
