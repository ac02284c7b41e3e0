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

export function updateHavens(world: World): void {
  const { size, width, height } = world;
  const G = world.groups.length;
  const scratch = world.havenScratch;
  const radiusKm = world.tuning.havenKm;
  const rx = Math.max(1, Math.round(radiusKm / 3 / (world.cellKm * Math.cos((((world.spec.latMin + world.spec.latMax) / 2) * Math.PI) / 180))));
  const ry = Math.max(1, Math.round(radiusKm / 3 / world.cellKm));
  for (let g = 0; g < G; g++) {
    const field = world.haven.subarray(g * size, (g + 1) * size);
    field.fill(0);
    for (let k = 0; k < world.landCells.length; k++) {
      const c = world.landCells[k] as number;
      const owner = world.owner[c] as number;
      const pressure = (world.presence[c] as number) * (world.capacity[owner] as number) + (world.external[c] as number);
      field[c] = (world.network[g * size + c] as number) * Math.max(0, 1 - 2 * pressure);
    }
    for (let pass = 0; pass < 3; pass++) boxBlur(field, scratch, width, height, rx, ry);
    let peak = 0;
    for (let c = 0; c < size; c++) if ((field[c] as number) > peak) peak = field[c] as number;
    if (peak > 0) for (let c = 0; c < size; c++) field[c] = (field[c] as number) / peak;
  }
}
