/**
 * The pull of distant refuges. A band scores only the cells within a week's move, so it cannot
 * see a safe haven 1,000 km away; yet the seed expects displaced fighters to head for "a weak state
 * and existing extremist networks — southern Libya". Each group therefore has a smoothed haven
 * field: its network presence where the state and external forces are weak, blurred over
 * hundreds of km (three box blurs approximate a Gaussian), whose gradient a band can follow.
 * Recomputed every few ticks: networks and presence change slowly.
 */
import type { World } from './world.ts';

export const HAVEN_EVERY = 8;

function boxBlur(src: Float64Array, dst: Float64Array, width: number, height: number, rx: number, ry: number): void {
  // Horizontal pass into dst, vertical pass back into src.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let acc = 0;
    for (let x = -rx; x <= rx; x++) if (x >= 0 && x < width) acc += src[row + x] as number;
    for (let x = 0; x < width; x++) {
      dst[row + x] = acc / (2 * rx + 1);
      const out = x - rx;
      const inn = x + rx + 1;
      if (out >= 0) acc -= src[row + out] as number;
      if (inn < width) acc += src[row + inn] as number;
    }
  }
  for (let x = 0; x < width; x++) {
    let acc = 0;
    for (let y = -ry; y <= ry; y++) if (y >= 0 && y < height) acc += dst[y * width + x] as number;
    for (let y = 0; y < height; y++) {
      src[y * width + x] = acc / (2 * ry + 1);
      const out = y - ry;
      const inn = y + ry + 1;
      if (out >= 0) acc -= dst[out * width + x] as number;
      if (inn < height) acc += dst[inn * width + x] as number;
    }
  }
}

/** Haven cells per `havenKm`: the field is smooth over that scale, so a coarse grid holds it. */
const CELLS_PER_RADIUS = 12;

/**
 * The blur's radius is hundreds of km, so the field lives on its own coarse grid, in km rather
 * than in cells of the map (a cell of about havenKm / 12: 125 km by default, two 0.5° cells, eleven
 * 0.1° cells), and bands read it bilinearly (`havenAt`). Its cost does not grow with the map's
 * resolution, and the same scenario gives the same field at any resolution.
 */
export function updateHavens(world: World): void {
  const { size, width, height } = world;
  const G = world.groups.length;
  const radiusKm = world.tuning.havenKm;
  const f = Math.max(1, Math.round(radiusKm / CELLS_PER_RADIUS / world.cellKm));
  const cw = Math.ceil(width / f);
  const ch = Math.ceil(height / f);
  const coarseKm = world.cellKm * f;
  const cosLat = Math.cos((((world.spec.latMin + world.spec.latMax) / 2) * Math.PI) / 180);
  const rx = Math.max(1, Math.round(radiusKm / 3 / (coarseKm * cosLat)));
  const ry = Math.max(1, Math.round(radiusKm / 3 / coarseKm));
  const cells = cw * ch;
  if (world.haven.length !== G * cells) world.haven = new Float64Array(G * cells);
  world.havenGrid = { factor: f, width: cw, height: ch };
  const scratch = new Float64Array(cells);
  const { reachedCells, owner, presence, capacity, external, network } = world;
  for (let g = 0; g < G; g++) {
    const field = world.haven.subarray(g * cells, (g + 1) * cells);
    field.fill(0);
    // Networks are 0 outside the reached cells (footprint.ts).
    for (let k = 0; k < world.reachedCount; k++) {
      const c = reachedCells[k] as number;
      const v = network[g * size + c] as number;
      if (v === 0) continue;
      const pressure = (presence[c] as number) * (capacity[owner[c] as number] as number) + (external[c] as number);
      const q = (((c / width) | 0) / f | 0) * cw + (((c % width) / f) | 0);
      field[q] = (field[q] as number) + v * Math.max(0, 1 - 2 * pressure);
    }
    for (let pass = 0; pass < 3; pass++) boxBlur(field, scratch, cw, ch, rx, ry);
    let peak = 0;
    for (let q = 0; q < cells; q++) if ((field[q] as number) > peak) peak = field[q] as number;
    if (peak > 0) for (let q = 0; q < cells; q++) field[q] = (field[q] as number) / peak;
  }
}

/** Group g's haven pull (0..1) at map cell (x, y): bilinear between the coarse cells' centres. */
export function havenAt(world: World, g: number, x: number, y: number): number {
  const { factor: f, width: cw, height: ch } = world.havenGrid;
  const field = world.haven;
  const base = g * cw * ch;
  const cx = Math.min(cw - 1, Math.max(0, (x + 0.5) / f - 0.5));
  const cy = Math.min(ch - 1, Math.max(0, (y + 0.5) / f - 0.5));
  const x0 = cx | 0;
  const y0 = cy | 0;
  const x1 = x0 + 1 < cw ? x0 + 1 : x0;
  const y1 = y0 + 1 < ch ? y0 + 1 : y0;
  const fx = cx - x0;
  const fy = cy - y0;
  const top = (field[base + y0 * cw + x0] as number) * (1 - fx) + (field[base + y0 * cw + x1] as number) * fx;
  const bottom = (field[base + y1 * cw + x0] as number) * (1 - fx) + (field[base + y1 * cw + x1] as number) * fx;
  return top * (1 - fy) + bottom * fy;
}
