/**
 * What an agent sees: the cells of its vision — the von Neumann (Manhattan) diamond of radius v
 * without its centre, 2v(v+1) cells (Mesa's `get_neighborhood(radius=v)` on its von Neumann
 * grid) — listed, counted by code, and sampled. (Citizens do not count what they see here: they
 * read the seen field, `seen-field.ts`; cops list their vision only when there are actives in it.)
 *
 * Listing uses the engine's `neighbours()`, except on a torus narrower than the diamond
 * (width or height < 2v + 1): there the engine's offsets wrap onto the same cell, or onto the
 * centre, more than once, while Mesa's neighbourhood is a set of cells; the vision then keeps one
 * offset per distinct cell (offsets equal modulo the grid's size are the same cell, wherever the
 * centre is) and wraps by modulo.
 *
 * Sampling a random empty cell — every free agent does it every tick — probes random offsets
 * first, without building a list: a probe that finds an empty cell has found each empty cell with
 * the same chance. One draw u ~ U[0, 1) gives several probes (its base-2v(v+1) digits, while 29
 * bits of it are left, so each is uniform to within 2^-29). After `PROBES` misses (or at once, on
 * grids too full for probing to pay) it lists the cells, counts the empty ones and takes the k-th
 * with one more draw. Mesa's `random.choice` over its list is uniform too: the two agree in
 * distribution, not draw for draw.
 */
import { createNeighbourhood, neighbours, type Grid, type Neighbourhood, type RandomStream } from '../../engine/index.ts';
import { EMPTY } from './codes.ts';
import type { CivilViolenceWorld } from './world.ts';

/** Probes for an empty cell before listing the vision instead (see above). */
export const PROBES = 16;
/** Below this share of empty cells, probing is skipped: it would mostly miss. */
export const MIN_EMPTY_SHARE_FOR_PROBING = 0.1;

export interface Vision {
  readonly radius: number;
  /** The engine's neighbourhood; its `linear` offsets serve cells at least `radius` from an edge. */
  readonly neighbourhood: Neighbourhood;
  /** True when the torus is narrower than the diamond, so that offsets are de-duplicated. */
  readonly narrow: boolean;
  /** Distinct cells in vision. */
  readonly count: number;
  /** Offsets of those cells (the engine's, de-duplicated when `narrow`). */
  readonly dx: Int32Array;
  readonly dy: Int32Array;
  /** Probe offsets taken from one draw: its base-`count` digits while ≥ 29 bits are left. */
  readonly digitsPerDraw: number;
}

export function createVision(grid: Grid, radius: number): Vision {
  const neighbourhood = createNeighbourhood(grid, 'von-neumann', radius);
  const narrow = grid.width < 2 * radius + 1 || grid.height < 2 * radius + 1;
  if (!narrow) {
    const { count, dx, dy } = neighbourhood;
    return { radius, neighbourhood, narrow, count, dx, dy, digitsPerDraw: digitsPerDraw(count) };
  }
  const { width, height } = grid;
  const seen = new Set<number>([0]); // the centre's class: never in vision
  const dx: number[] = [];
  const dy: number[] = [];
  for (let k = 0; k < neighbourhood.count; k++) {
    const ox = neighbourhood.dx[k] as number;
    const oy = neighbourhood.dy[k] as number;
    const cls = mod(oy, height) * width + mod(ox, width);
    if (seen.has(cls)) continue;
    seen.add(cls);
    dx.push(ox);
    dy.push(oy);
  }
  const count = dx.length;
  return { radius, neighbourhood, narrow, count, dx: Int32Array.from(dx), dy: Int32Array.from(dy), digitsPerDraw: digitsPerDraw(count) };
}

/**
 * How many base-n digits one draw u ~ U[0, 1) (53 bits) yields while keeping ≥ 29 bits: each
 * digit is then uniform to within 2^-29, far below any statistical test (at least 1).
 */
function digitsPerDraw(n: number): number {
  return n < 2 ? 1 : Math.max(1, Math.floor(24 / Math.log2(n)));
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** True when no offset of `vision` from (x, y) wraps, so that `neighbourhood.linear` applies. */
export function isInterior(grid: Grid, vision: Vision, x: number, y: number): boolean {
  const r = vision.radius;
  return x >= r && y >= r && x < grid.width - r && y < grid.height - r;
}

/** The cell at offset `k` of `vision` from (x, y), wrapped on the torus. */
export function cellAtOffset(grid: Grid, vision: Vision, x: number, y: number, k: number): number {
  const { width, height } = grid;
  let nx = x + (vision.dx[k] as number);
  let ny = y + (vision.dy[k] as number);
  if (vision.narrow) {
    nx = mod(nx, width);
    ny = mod(ny, height);
  } else {
    // |offset| ≤ radius ≤ (size − 1) / 2: one wrap at most.
    if (nx < 0) nx += width;
    else if (nx >= width) nx -= width;
    if (ny < 0) ny += height;
    else if (ny >= height) ny -= height;
  }
  return ny * width + nx;
}

/** Writes the distinct cells in `vision` around `cell` into `world.buffer`; returns how many. */
export function cellsInVision(world: CivilViolenceWorld, vision: Vision, cell: number): number {
  if (!vision.narrow) return neighbours(vision.neighbourhood, cell, world.buffer);
  const { grid, buffer } = world;
  const x = cell % grid.width;
  const y = (cell / grid.width) | 0;
  for (let k = 0; k < vision.count; k++) buffer[k] = cellAtOffset(grid, vision, x, y, k);
  return vision.count;
}

/** Number of cells among `buffer[0..n)` whose code is `wanted`. */
export function countWithCode(code: Uint8Array, buffer: Int32Array, n: number, wanted: number): number {
  let count = 0;
  for (let j = 0; j < n; j++) if (code[buffer[j] as number] === wanted) count++;
  return count;
}

/** The k-th cell (from 0) among `buffer[0..n)` whose code is `wanted`, or -1. */
export function nthWithCode(code: Uint8Array, buffer: Int32Array, n: number, wanted: number, k: number): number {
  for (let j = 0; j < n; j++) {
    const c = buffer[j] as number;
    if (code[c] === wanted) {
      if (k === 0) return c;
      k--;
    }
  }
  return -1;
}

/** A uniformly random empty cell in `vision` around `cell`, or -1 when there is none. */
export function randomEmptyCell(world: CivilViolenceWorld, vision: Vision, cell: number, rng: RandomStream): number {
  const { grid, code } = world;
  if (vision.count === 0) return -1;
  if (world.probeForEmptyCells) {
    const x = cell % grid.width;
    const y = (cell / grid.width) | 0;
    const count = vision.count;
    const digits = vision.digitsPerDraw;
    const interior = isInterior(grid, vision, x, y);
    const linear = vision.neighbourhood.linear;
    let u = 0;
    let left = 0;
    for (let t = 0; t < PROBES; t++) {
      // The next base-`count` digit of a draw u ~ U[0, 1): uniform on 0..count−1.
      if (left === 0) {
        u = rng.float();
        left = digits;
      }
      u *= count;
      const k = Math.floor(u);
      u -= k;
      left--;
      const c = interior ? cell + (linear[k] as number) : cellAtOffset(grid, vision, x, y, k);
      if (code[c] === EMPTY) return c;
    }
  }
  const n = cellsInVision(world, vision, cell);
  const empties = countWithCode(code, world.buffer, n, EMPTY);
  if (empties === 0) return -1;
  return nthWithCode(code, world.buffer, n, EMPTY, rng.int(empties));
}
