/**
 * Phase 2 — state presence (MODEL.md §3.2), and the group strength fields it is weighed against.
 *
 * Presence relaxes toward a target: the base the state can sustain (see `presenceBase`), plus
 * external forces, divided by (1 + 2 × hostile armed strength). It falls
 * faster than it builds (posts are abandoned in weeks, rebuilt in months) — an estimate that
 * lets returnees with heavy weapons push the state out of the north (seed: they "tilted the
 * balance of power").
 */
import { bandStrength } from './bands.ts';
import { bilinearTable, coarseCellOf, coarseGrid, sampleTable, smooth } from './coarse-field.ts';
import { reachAround } from './footprint.ts';
import type { World } from './world.ts';

const BUILD_RATE = 0.08;
const FALL_RATE = 0.25;
/** Weight of network presence in a group's strength: networks hold ground between bands. */
const NETWORK_STRENGTH = 0.15;

/** Recomputes each group's strength per cell from its bands' influence and its network. */
export function computeStrength(world: World): void {
  world.strengthStale = false;
  const { width, height, size, strength, network, reachedCells } = world;
  const G = world.groups.length;
  const b = world.bands.columns;
  for (let k = 0; k < world.bands.count; k++) reachAround(world, b.cell[world.bands.ids[k] as number] as number);
  // Outside the reached cells strength stays 0 (footprint.ts).
  for (let k = 0; k < world.reachedCount; k++) {
    const c = reachedCells[k] as number;
    for (let g = 0; g < G; g++) strength[g * size + c] = NETWORK_STRENGTH * (network[g * size + c] as number);
  }
  const dxs = world.influenceDx;
  const dys = world.influenceDy;
  const weights = world.influenceWeight;
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    const s = bandStrength(world, id);
    const base = (b.group[id] as number) * size;
    const cell = b.cell[id] as number;
    const x = cell % width;
    const y = (cell / width) | 0;
    for (let o = 0; o < dxs.length; o++) {
      const nx = x + (dxs[o] as number);
      const ny = y + (dys[o] as number);
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const c = ny * width + nx;
      strength[base + c] = (strength[base + c] as number) + s * (weights[o] as number);
    }
  }
}

/**
 * Presence the state can sustain in a cell without opposition: capacity × (1 + external support)
 * × the presence shape (the larger of its reach from the capital and its garrisons'; policy.ts).
 */
export function presenceBase(world: World, c: number): number {
  const owner = world.owner[c] as number;
  return (world.capacity[owner] as number) * (1 + (world.support[owner] as number)) * (world.presenceShape[c] as number);
}

/**
 * The share of the land around each cell (over `isolationKm`) that groups held at the last control
 * phase, on a coarse grid (coarse-field.ts). Garrisons live on their roads and their neighbours: a
 * post whose region has fallen is isolated, and is abandoned (seed: once the returnees "tilted the
 * balance of power", the army lost Aguelhok and Tessalit, and after the coup left Kidal, Gao and
 * Timbuktu within three days, 30 March – 1 April 2012).
 */
function updateRegionalHold(world: World): void {
  const t = world.tuning;
  // Coarse cells of a third of the radius (100 km at the default 300 km: two 0.5° cells; one
  // 0.5° cell gave validation shares within 4 points of these at 200 seeds, and cost ~10 % more).
  const grid = coarseGrid(world, t.isolationKm / 3, t.isolationKm);
  const cells = grid.width * grid.height;
  const g0 = world.holdTable.grid;
  if (grid.factor !== g0.factor || grid.width !== g0.width || grid.rx !== g0.rx || grid.ry !== g0.ry) {
    world.regionalHold = new Float64Array(cells);
    world.regionalLand = new Float64Array(cells);
    world.regionalScratch = new Float64Array(cells);
    const scratch = world.regionalScratch;
    for (let k = 0; k < world.landCells.length; k++) {
      const q = coarseCellOf(world, grid, world.landCells[k] as number);
      world.regionalLand[q] = (world.regionalLand[q] as number) + 1;
    }
    smooth(world.regionalLand, scratch, grid);
    world.holdTable = bilinearTable(world, grid);
  }
  const held = world.regionalHold;
  held.fill(0);
  const G = world.groups.length;
  // Groups hold cells only where they have reached (footprint.ts).
  let any = false;
  for (let k = 0; k < world.reachedCount; k++) {
    const c = world.reachedCells[k] as number;
    const v = world.control[c] as number;
    if (v === 0 || v > G) continue;
    const q = coarseCellOf(world, grid, c);
    held[q] = (held[q] as number) + 1;
    any = true;
  }
  world.regionHeld = any;
  if (!any) return;
  smooth(held, world.regionalScratch, grid);
  const land = world.regionalLand;
  for (let q = 0; q < cells; q++) held[q] = (land[q] as number) > 0 ? Math.min(1, (held[q] as number) / (land[q] as number)) : 0;
}

export function presencePhase(world: World): void {
  const { size, presence, external, strength } = world;
  const G = world.groups.length;
  external.fill(0);
  for (const o of world.offensives) {
    for (let k = 0; k < o.cells.length; k++) {
      const c = o.cells[k] as number;
      external[c] = (external[c] as number) + o.strength * (o.weights[k] as number);
    }
  }
  // Bands have not moved since the control phase computed strength, unless an event added some.
  if (world.strengthStale) computeStrength(world);
  const cells = world.landCells;
  const reached = world.reached;
  updateRegionalHold(world);
  const isolation = world.regionHeld ? world.tuning.isolation : 0;
  const { holdTable, regionalHold, owner, capacity, support, presenceShape } = world;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k] as number;
    let hostile = 0;
    if (reached[c] === 1) for (let g = 0; g < G; g++) hostile += strength[g * size + c] as number;
    // presenceBase, inlined: this loop runs over every land cell every week.
    const o = owner[c] as number;
    const base = (capacity[o] as number) * (1 + (support[o] as number)) * (presenceShape[c] as number);
    // External forces restore the host's presence where they operate.
    let target = (base + 0.5 * (external[c] as number)) / (1 + 2 * hostile);
    if (isolation > 0) target *= Math.max(0, 1 - isolation * sampleTable(regionalHold, 0, holdTable, c));
    const p = presence[c] as number;
    presence[c] = p + (target > p ? BUILD_RATE : FALL_RATE) * (target - p);
  }
}
