/**
 * Phase 5 — band movement (MODEL.md §3.5). Each band scores the cells within a week's move:
 *
 *   − pressure (state presence × capacity, external forces, hostile groups), felt less by strong bands
 *   + its group's network presence, + the smoothed pull of its distant safe havens (haven.ts),
 *     in proportion to the pressure the band is under
 *   + closeness to its members' home countries, weighted by the band's nationality mix
 *   + smuggling income, + refuge terrain (massifs, open desert), + population to tax and hold
 *   − crowding by its own group's other bands
 *   − travel cost, + staying put (a band holds its ground unless something pulls it away)
 *
 * and picks one by a softmax draw. Displacement is not scripted anywhere: it emerges from this
 * rule (seed: under pressure, foreign fighters go home or to a weak state with existing extremist
 * networks — southern Libya above all). Under heavy pressure a mixed band may split by
 * nationality, each part then weighing its own home. Bands read fields computed before the phase
 * and draw keyed by band (engine keyed-draws.ts), so the order in which they move changes no choice.
 */
import { combineKeys, expNonPositive } from '../../engine/index.ts';
import { bandStrength } from './bands.ts';
import { sampleTable } from './coarse-field.ts';
import { HAVEN_EVERY, havenKmAt, updateHavens } from './haven.ts';
import type { World } from './world.ts';

/** Pressure per unit of band strength above which a mixed band may split by nationality. */
const SPLIT_PRESSURE = 1.5;
const MIN_SPLIT_FIGHTERS = 10;
/** The `how` of a split in half, apart from the nationality indices of splits by nationality. */
const HALF = 0xffff;

/** The groups a band of group g is not allied with, in `out`; returns how many. */
function hostileGroups(world: World, g: number, out: Int32Array): number {
  const G = world.groups.length;
  let n = 0;
  for (let h = 0; h < G; h++) if (h !== g && (world.alliance[g * G + h] as number) < 0.5) out[n++] = h;
  return n;
}

/** Pressure from the `n` hostile groups in `hostile` on a band in cell c. */
function hostileAt(world: World, hostile: Int32Array, n: number, c: number): number {
  // No group has ever been here (footprint.ts).
  if (world.reached[c] === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += world.strength[(hostile[i] as number) * world.size + c] as number;
  return sum;
}

/** The state's and external forces' pressure on a band in cell c. */
function statePressureAt(world: World, c: number): number {
  return (world.presence[c] as number) * (world.capacity[world.owner[c] as number] as number) + 1.5 * (world.external[c] as number);
}

export function movementPhase(world: World): void {
  if (world.tick % HAVEN_EVERY === 1) updateHavens(world);
  const { width, height, size, land, network, strength, homePull, moveDx, moveDy, moveKm, owner, countryNationality } = world;
  const { flow, staticAppeal } = world;
  const t = world.tuning;
  let b = world.bands.columns;
  const K = world.nationalities.length;
  const scores = world.scratchScores;
  const cells = world.scratchCells;
  const count = world.bands.count;
  const offsets = moveDx.length;
  const hostile = new Int32Array(world.groups.length);
  const present = new Int32Array(K);
  const { reached, haven, havenTable } = world;
  const havenCells = havenTable.grid.width * havenTable.grid.height;
  const { wPressure, wNetwork, wHome, wTravel, wStay, wCrowd, wSmuggling, bandMoveKm } = t;
  const coldness = 1 / t.moveTemperature;
  for (let k = 0; k < count; k++) {
    const id = world.bands.ids[k] as number;
    const fighters = b.fighters[id] as number;
    if (fighters < 1) continue;
    const rng = world.draws.movement.at(world.tick, b.key[id] as number);
    const g = b.group[id] as number;
    const gBase = g * size;
    const cell = b.cell[id] as number;
    const x = cell % width;
    const y = (cell / width) | 0;
    const s = bandStrength(world, id);
    const resilience = 1 / (s + 0.3);
    const hostiles = hostileGroups(world, g, hostile);
    const pressureHere = (statePressureAt(world, cell) + hostileAt(world, hostile, hostiles, cell)) * resilience;
    // A band driven out does not feel safe the week it leaves the pressure behind: it remembers
    // it, fading by `pressureMemory` a week (seed: members of the groups escaping northern Mali
    // reached the Libya–Niger border region over the first half of 2013, months after the offensive).
    const felt = Math.max(pressureHere, t.pressureMemory * (b.pressure[id] as number));
    b.pressure[id] = felt;
    const nationals = b.nationals;
    const natBase = id * K;
    // The band's nationalities: most bands have one to three of the K.
    let nationalities = 0;
    for (let j = 0; j < K; j++) if ((nationals[natBase + j] as number) > 0) present[nationalities++] = j;
    // Distant havens pull in proportion to the pressure the band is under (MODEL.md §2: under
    // military pressure, fighters go home or to a weak state with existing networks).
    const havenWeight = t.wHaven * Math.min(1.5, felt);
    // Progress toward the best haven, in weeks' moves (haven.ts).
    const havenHere = havenWeight > 0 ? havenKmAt(world, g, cell) : 0;

    const havenBase = g * havenCells;
    let n = 0;
    let best = -Infinity;
    for (let o = 0; o < offsets; o++) {
      const nx = x + (moveDx[o] as number);
      const ny = y + (moveDy[o] as number);
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const c = ny * width + nx;
      if (land[c] !== 1) continue;
      let home = 0;
      for (let i = 0; i < nationalities; i++) {
        const j = present[i] as number;
        home += (nationals[natBase + j] as number) * (homePull[j * size + c] as number);
      }
      // Fighters at home blend into the population: the state's pressure weighs on them half as
      // much (seed: foreign members go "where they came from"; local members melt back in).
      const nat = countryNationality[owner[c] as number] as number;
      const blend = nat >= 0 ? 1 - (0.5 * (nationals[natBase + nat] as number)) / fighters : 1;
      // Hostile groups' strength (0 where no group has ever been: footprint.ts).
      let enemies = 0;
      if (reached[c] === 1) for (let i = 0; i < hostiles; i++) enemies += strength[(hostile[i] as number) * size + c] as number;
      const statePressure = statePressureAt(world, c);
      // The appeal of smuggling income, refuge terrain and population.
      const f = flow[c] as number;
      const appeal = f > 0 ? (staticAppeal[c] as number) + wSmuggling * (f / (f + 20)) : (staticAppeal[c] as number);
      const score =
        -wPressure * (statePressure * blend + enemies) * resilience +
        wNetwork * (network[gBase + c] as number) +
        (havenWeight > 0 ? (havenWeight * (havenHere - sampleTable(haven, havenBase, havenTable, c))) / bandMoveKm : 0) +
        (wHome * home) / fighters +
        appeal -
        wTravel * ((moveKm[o] as number) / bandMoveKm) +
        (c === cell ? wStay : 0) -
        // Crowding: bands of one group spread out over the ground they can hold.
        wCrowd * Math.max(0, (strength[gBase + c] as number) - (c === cell ? s : 0));
      scores[n] = score;
      cells[n] = c;
      n++;
      if (score > best) best = score;
    }
    if (n === 0) continue;
    let total = 0;
    for (let i = 0; i < n; i++) {
      // Weights below e^-30 of the best move's cannot be drawn: skip their exp.
      const z = ((scores[i] as number) - best) * coldness;
      const w = z < -30 ? 0 : expNonPositive(z);
      scores[i] = w;
      total += w;
    }
    let u = rng.float() * total;
    let chosen = cells[n - 1] as number;
    for (let i = 0; i < n; i++) {
      u -= scores[i] as number;
      if (u <= 0) {
        chosen = cells[i] as number;
        break;
      }
    }
    moveBand(world, id, chosen);
    if (fighters > t.bandSize) {
      splitInHalf(world, id);
      b = world.bands.columns; // a split may have grown the store
    }

    if (pressureHere > SPLIT_PRESSURE && rng.float() < 1 - (world.groupCohesion[g] as number)) {
      splitByNationality(world, id);
      b = world.bands.columns; // a split may have grown the store
    }
  }
}

/** Moves a band, recording a border crossing of its fighters (and of its foreign fighters). */
export function moveBand(world: World, id: number, cell: number): void {
  const b = world.bands.columns;
  const C = world.countryCount;
  const from = b.country[id] as number;
  const to = world.owner[cell] as number;
  b.cell[id] = cell;
  if (to !== from && to > 0 && from > 0) {
    const fighters = b.fighters[id] as number;
    world.crossings[from * C + to] = (world.crossings[from * C + to] as number) + fighters;
    let foreign = fighters;
    let home = 0;
    const K = world.nationalities.length;
    for (let j = 0; j < K; j++) {
      if (world.nationalityCountry[j] === from) foreign -= b.nationals[id * K + j] as number;
      if (world.nationalityCountry[j] === to) home += b.nationals[id * K + j] as number;
    }
    world.foreignCrossings[from * C + to] = (world.foreignCrossings[from * C + to] as number) + foreign;
    world.homeCrossings[from * C + to] = (world.homeCrossings[from * C + to] as number) + home;
    world.tally.displaced += fighters;
    b.crossedAt[id] = world.tick;
    b.country[id] = to;
  }
  b.lastIn[id * C + to] = world.tick;
}

/**
 * Queues a new band of the same group, cell, weapons and history as `id`, with no fighters yet;
 * the caller moves fighters into it. Returns the new id (read the columns again: they may grow).
 * Its key derives from the parent's, the tick and `how` (which split), so the same split in
 * two runs makes the same band.
 */
function spawnFrom(world: World, id: number, how: number): number {
  const C = world.countryCount;
  const part = world.bands.add();
  const b = world.bands.columns;
  b.group[part] = b.group[id] as number;
  b.cell[part] = b.cell[id] as number;
  b.weapons[part] = b.weapons[id] as number;
  b.country[part] = b.country[id] as number;
  b.crossedAt[part] = b.crossedAt[id] as number;
  b.cohort[part] = b.cohort[id] as number;
  b.pressure[part] = b.pressure[id] as number;
  b.key[part] = combineKeys(combineKeys(b.key[id] as number, world.tick), how);
  b.lastIn.copyWithin(part * C, id * C, id * C + C);
  return part;
}

/**
 * A band above the usual size divides in two with the same mix, and the halves then move on
 * their own: groups that grow spread out over the ground they can hold (the MNLA and its allies
 * took the northern towns one after another in early 2012).
 */
function splitInHalf(world: World, id: number): void {
  const K = world.nationalities.length;
  const part = spawnFrom(world, id, HALF);
  const b = world.bands.columns;
  for (let j = 0; j < K; j++) {
    const half = (b.nationals[id * K + j] as number) / 2;
    b.nationals[id * K + j] = half;
    b.nationals[part * K + j] = half;
  }
  b.fighters[id] = (b.fighters[id] as number) / 2;
  b.fighters[part] = b.fighters[id] as number;
}

/** Splits every nationality but the largest off a band into bands of their own, in the same cell. */
function splitByNationality(world: World, id: number): void {
  const K = world.nationalities.length;
  let b = world.bands.columns;
  let major = 0;
  for (let j = 1; j < K; j++) if ((b.nationals[id * K + j] as number) > (b.nationals[id * K + major] as number)) major = j;
  for (let j = 0; j < K; j++) {
    if (j === major || (b.nationals[id * K + j] as number) < MIN_SPLIT_FIGHTERS) continue;
    const part = spawnFrom(world, id, j);
    b = world.bands.columns;
    const fighters = b.nationals[id * K + j] as number;
    b.nationals[part * K + j] = fighters;
    b.fighters[part] = fighters;
    b.nationals[id * K + j] = 0;
    b.fighters[id] = (b.fighters[id] as number) - fighters;
  }
}
