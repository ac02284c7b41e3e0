/**
 * The seen field: for every cell, the cops and the active citizens within citizen vision of it
 * (the cell itself excluded), packed as `cops + actives · 2^16` in one Int32 (both counts are at
 * most 20 200 < 2^15 for vision ≤ 100). A citizen reads its C and A with one load instead of
 * scanning 2v(v+1) cells.
 *
 * The field is kept exact by updating it at every change, immediately, so an agent acting later in
 * the same tick sees what Mesa's scan would see: a cop arriving at or leaving a cell adds or removes
 * 1 over the diamond around it, a citizen turning active or quiet, being arrested or moving while
 * active adds or removes 2^16. Vision is symmetric (q sees p iff p sees q), so "the cells that see
 * q" are the cells in vision of q.
 *
 * This pays because the changes are rarer than the reads: every free citizen reads every tick,
 * while only cops (7.4% of cells at the defaults) and active citizens write when they move — and a
 * move rewrites only the cells one diamond covers and the other does not (`moveSeen`).
 */
import { cellsInVision, isInterior } from './vision.ts';
import type { CivilViolenceWorld } from './world.ts';

export const SEEN_COP = 1;
export const SEEN_ACTIVE = 65536;

export function seenCops(packed: number): number {
  return packed & 0xffff;
}

export function seenActives(packed: number): number {
  return packed >>> 16;
}

/** Adds `delta` (±SEEN_COP or ±SEEN_ACTIVE) to the seen field over the citizen vision of `cell`. */
export function addSeen(world: CivilViolenceWorld, cell: number, delta: number): void {
  const { grid, seen } = world;
  const vision = world.citizenVision;
  if (vision.narrow) {
    // Offsets de-duplicated by `cellsInVision`: rows and runs would wrap onto each other.
    const buffer = world.buffer;
    const n = cellsInVision(world, vision, cell);
    for (let j = 0; j < n; j++) {
      const c = buffer[j] as number;
      seen[c] = (seen[c] as number) + delta;
    }
    return;
  }
  const { width, height } = grid;
  const r = vision.radius;
  const cy = (cell / width) | 0;
  const cx = cell - cy * width;
  if (isInterior(grid, vision, cx, cy)) {
    const linear = vision.neighbourhood.linear;
    for (let k = 0; k < linear.length; k++) {
      const c = cell + (linear[k] as number);
      seen[c] = (seen[c] as number) + delta;
    }
    return;
  }
  for (let dy = -r; dy <= r; dy++) {
    const span = r - (dy < 0 ? -dy : dy);
    addRun(seen, wrapRow(cy + dy, height) * width, cx - span, cx + span, width, delta);
  }
  // The centre is not in its own vision.
  seen[cell] = (seen[cell] as number) - delta;
}

/**
 * Moves what `delta` adds to the seen field from the vision of `from` to the vision of `to` — an
 * agent that is seen moving — touching only the cells the two visions do not share: row by row,
 * the diamonds are intervals, and the overlap (most of it for a move within vision) cancels.
 * Every step is an addition, so rows or runs that wrap onto each other on a small torus still add
 * up right, as long as each diamond alone covers distinct cells (the vision is not narrow).
 */
export function moveSeen(world: CivilViolenceWorld, from: number, to: number, delta: number): void {
  const { grid, seen } = world;
  const vision = world.citizenVision;
  if (vision.narrow) {
    addSeen(world, from, -delta);
    addSeen(world, to, delta);
    return;
  }
  const { width, height } = grid;
  const r = vision.radius;
  const fy = (from / width) | 0;
  const fx = from - fy * width;
  const ty = (to / width) | 0;
  const tx = to - ty * width;
  // `to` in the same unwrapped frame as `from` (vision is symmetric: either image works, so take
  // the nearer).
  let ux = tx;
  let uy = ty;
  if (ux - fx > width / 2) ux -= width;
  else if (fx - ux > width / 2) ux += width;
  if (uy - fy > height / 2) uy -= height;
  else if (fy - uy > height / 2) uy += height;
  // Full diamonds (centres included), row by row: −delta on D(from) \ D(to), +delta on
  // D(to) \ D(from).
  const top = (fy < uy ? fy : uy) - r;
  const bottom = (fy > uy ? fy : uy) + r;
  for (let y = top; y <= bottom; y++) {
    const row = wrapRow(y, height) * width;
    const df = y > fy ? y - fy : fy - y;
    const dt = y > uy ? y - uy : uy - y;
    if (df <= r && dt <= r) {
      const a0 = fx - (r - df);
      const a1 = fx + (r - df);
      const b0 = ux - (r - dt);
      const b1 = ux + (r - dt);
      addRun(seen, row, a0, a1 < b0 - 1 ? a1 : b0 - 1, width, -delta);
      addRun(seen, row, a0 > b1 + 1 ? a0 : b1 + 1, a1, width, -delta);
      addRun(seen, row, b0, b1 < a0 - 1 ? b1 : a0 - 1, width, delta);
      addRun(seen, row, b0 > a1 + 1 ? b0 : a1 + 1, b1, width, delta);
    } else if (df <= r) {
      addRun(seen, row, fx - (r - df), fx + (r - df), width, -delta);
    } else if (dt <= r) {
      addRun(seen, row, ux - (r - dt), ux + (r - dt), width, delta);
    }
  }
  // The centres are not in their own vision: undo the full diamonds there.
  seen[from] = (seen[from] as number) + delta;
  seen[to] = (seen[to] as number) - delta;
}

/** The row y wrapped onto 0..height−1, for y within one height of it. */
function wrapRow(y: number, height: number): number {
  return y < 0 ? y + height : y >= height ? y - height : y;
}

/**
 * Adds `delta` to `field[row + x]` for x from x0 to x1 (nothing when x1 < x0), wrapping x onto
 * 0..width−1; the run is at most `width` long and lies within one width of the row.
 */
function addRun(field: Int32Array, row: number, x0: number, x1: number, width: number, delta: number): void {
  if (x1 < x0) return;
  if (x0 < 0) {
    if (x1 < 0) {
      x0 += width;
      x1 += width;
    } else {
      for (let x = x0 + width; x < width; x++) field[row + x] = (field[row + x] as number) + delta;
      x0 = 0;
    }
  } else if (x0 >= width) {
    x0 -= width;
    x1 -= width;
  } else if (x1 >= width) {
    for (let x = 0; x <= x1 - width; x++) field[row + x] = (field[row + x] as number) + delta;
    x1 = width - 1;
  }
  for (let x = x0; x <= x1; x++) field[row + x] = (field[row + x] as number) + delta;
}
