/**
 * The pull of distant refuges. A band scores only the cells within a week's move, so it cannot
 * see a safe haven 1,000 km away; yet the seed expects displaced fighters to head for "a weak state
 * and existing extremist networks — southern Libya". Each group therefore has a smoothed haven
 * field: its and its allies' network presence where the state is weak and neither it nor external
 * forces press, blurred over hundreds of km on a coarse grid (coarse-field.ts), whose gradient a
 * band can follow.
 * Recomputed every few ticks: networks and presence change slowly.
 */
import { bilinearTable, coarseCellOf, coarseGrid, sampleTable, smooth, type CoarseGrid } from './coarse-field.ts';
import type { World } from './world.ts';

export const HAVEN_EVERY = 8;

const CELLS_PER_RADIUS = 12;

/** The haven grid's cell is about havenKm / 12 (125 km by default: two 0.5° cells, eleven 0.1° cells); see coarse-field.ts. */
export function updateHavens(world: World): void {
  const { size } = world;
  const G = world.groups.length;
  const grid = coarseGrid(world, world.tuning.havenKm / CELLS_PER_RADIUS, world.tuning.havenKm);
  const cells = grid.width * grid.height;
  if (world.haven.length !== G * cells) world.haven = new Float64Array(G * cells);
  const g0 = world.havenTable.grid;
  if (grid.factor !== g0.factor || grid.width !== g0.width || grid.height !== g0.height) world.havenTable = bilinearTable(world, grid);
  const scratch = new Float64Array(cells);
  const { reachedCells, owner, presence, external, network, alliance } = world;
  const reach = reachOfStates(world);
  world.haven.fill(0);
  // Networks are 0 outside the reached cells (footprint.ts).
  for (let k = 0; k < world.reachedCount; k++) {
    const c = reachedCells[k] as number;
    // A weak state: the capacity to come after a group (its own and its partners'), then the
    // pressure in the cell.
    const state = reach[owner[c] as number] as number;
    const pressure = (presence[c] as number) * state + (external[c] as number);
    const weak = 1 - state;
    const open = Math.max(0, 1 - 2 * pressure);
    const q = coarseCellOf(world, grid, c);
    for (let g = 0; g < G; g++) {
      // Existing extremist networks: the group's own and its allies' (MUJAO's fighters could find
      // refuge with AQIM's contacts in the Fezzan), weighted by affinity.
      let v = network[g * size + c] as number;
      for (let h = 0; h < G; h++) {
        const a = alliance[g * G + h] as number;
        if (h !== g && a >= 0.5) v += a * (network[h * size + c] as number);
      }
      if (v === 0) continue;
      const i = g * cells + q;
      world.haven[i] = (world.haven[i] as number) + v * weak * open;
    }
  }
  for (let g = 0; g < G; g++) {
    const field = world.haven.subarray(g * cells, (g + 1) * cells);
    smooth(field, scratch, grid);
    let peak = 0;
    for (let q = 0; q < cells; q++) if ((field[q] as number) > peak) peak = field[q] as number;
    if (peak > 0) for (let q = 0; q < cells; q++) field[q] = (field[q] as number) / peak;
    toHavenDistance(world, field, grid);
  }
}

/**
 * Each country's capacity to come after a group on its soil: its own, plus what partners in a
 * framework with joint operations or pursuit rights bring — operationalisation × the partner's
 * engagement × capacity × trust in the host — capped at 1. Southern Libya is a haven because the
 * Libyan state cannot reach it (seed: "the weakness of the emerging Libyan state"); an operational
 * framework that includes Libya lets Algeria's and its neighbours' forces reach it (seed: the
 * expanded pays du champ "with Chad and Libya"), so the haven shrinks with operationalisation.
 */
export function reachOfStates(world: World): Float64Array {
  const C = world.countryCount;
  const { capacity, engagement, trust } = world;
  const reach = Float64Array.from(capacity);
  for (const f of world.frameworks) {
    if (world.tick < f.fromTick || !(f.jointOperations || f.pursuit) || f.operationalisation <= 0) continue;
    for (let h = 1; h < C; h++) {
      if (f.members[h] !== 1) continue;
      let partners = 0;
      for (let j = 1; j < C; j++) {
        if (j !== h && f.members[j] === 1) partners += (engagement[j] as number) * (capacity[j] as number) * (trust[j * C + h] as number);
      }
      reach[h] = (reach[h] as number) + f.operationalisation * partners;
    }
  }
  for (let h = 0; h < C; h++) reach[h] = Math.min(1, reach[h] as number);
  return reach;
}

/**
 * Turns a haven field (0..1) into the distance to the best haven as a band weighs it: the
 * smallest d + havenKm × ln(1 / value) over all coarse cells (d the west–east plus south–north
 * distance, km). A band heading for a refuge 1,500 km away knows where it is going (its network
 * tells it): it gains as much for a week's progress toward it far away as close by, and a weaker
 * haven counts as one farther off. Computed exactly by a forward and a backward pass along rows,
 * then along columns (the distance is separable).
 */
function toHavenDistance(world: World, field: Float64Array, grid: CoarseGrid): void {
  const L = world.tuning.havenKm;
  const { width, height } = grid;
  const cellKm = world.cellKm * grid.factor;
  const dx = cellKm * Math.cos((((world.spec.latMin + world.spec.latMax) / 2) * Math.PI) / 180);
  const dy = cellKm;
  for (let q = 0; q < width * height; q++) {
    const v = field[q] as number;
    field[q] = v > 0 ? -L * Math.log(v) : NO_HAVEN_KM;
  }
  const relax = (q: number, from: number, step: number) => {
    const via = (field[from] as number) + step;
    if (via < (field[q] as number)) field[q] = via;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 1; x < width; x++) relax(row + x, row + x - 1, dx);
    for (let x = width - 2; x >= 0; x--) relax(row + x, row + x + 1, dx);
  }
  for (let x = 0; x < width; x++) {
    for (let y = 1; y < height; y++) relax(y * width + x, (y - 1) * width + x, dy);
    for (let y = height - 2; y >= 0; y--) relax(y * width + x, (y + 1) * width + x, dy);
  }
}

/** Distance (km) a group counts when it has no haven at all: far beyond any move. */
const NO_HAVEN_KM = 1e6;

/** Group g's distance to its best haven (km, as `toHavenDistance` weighs it) from map cell c. */
export function havenKmAt(world: World, g: number, c: number): number {
  const table = world.havenTable;
  return sampleTable(world.haven, g * table.grid.width * table.grid.height, table, c);
}
