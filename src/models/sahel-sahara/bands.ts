/**
 * Bands (MODEL.md §2): the mobile units of armed groups that move, fight, tax, recruit and
 * attack. Helpers to add a band, read its strength, and move fighters between nationalities.
 */
import type { World } from './world.ts';

/**
 * Queues a new band (it acts from the next commit). `mix` gives shares by nationality (ISO3);
 * shares are normalised, and nationalities the world does not track are dropped.
 */
export function addBand(
  world: World,
  group: number,
  cell: number,
  fighters: number,
  weapons: number,
  mix: Readonly<Record<string, number>>,
  crossedAt: number,
  key: number,
): number {
  const id = world.bands.add();
  const b = world.bands.columns;
  const K = world.nationalities.length;
  b.group[id] = group;
  b.cell[id] = cell;
  b.fighters[id] = fighters;
  b.weapons[id] = weapons;
  b.country[id] = world.owner[cell] as number;
  b.crossedAt[id] = crossedAt;
  b.key[id] = key;
  b.lastIn.fill(-1000, id * world.countryCount, (id + 1) * world.countryCount);
  b.lastIn[id * world.countryCount + (world.owner[cell] as number)] = world.tick;
  let total = 0;
  for (const [iso, share] of Object.entries(mix)) if (world.nationalities.includes(iso)) total += share;
  for (let k = 0; k < K; k++) {
    const share = mix[world.nationalities[k] as string] ?? 0;
    b.nationals[id * K + k] = total > 0 ? (fighters * share) / total : k === 0 ? fighters : 0;
  }
  return id;
}

/** A band's fighting strength on the scale where `fighterScale` fighters match full presence. */
export function bandStrength(world: World, id: number): number {
  const b = world.bands.columns;
  return ((b.fighters[id] as number) * (0.5 + (b.weapons[id] as number))) / world.tuning.fighterScale;
}

/** Removes `lost` fighters from a band, proportionally across nationalities. */
export function loseFighters(world: World, id: number, lost: number): void {
  const b = world.bands.columns;
  const fighters = b.fighters[id] as number;
  if (lost <= 0 || fighters <= 0) return;
  const keep = Math.max(0, fighters - lost) / fighters;
  const K = world.nationalities.length;
  for (let k = 0; k < K; k++) b.nationals[id * K + k] = (b.nationals[id * K + k] as number) * keep;
  b.fighters[id] = fighters * keep;
}

/** Adds fighters of one nationality to a band. */
export function gainFighters(world: World, id: number, nationality: number, count: number): void {
  const b = world.bands.columns;
  const K = world.nationalities.length;
  b.nationals[id * K + nationality] = (b.nationals[id * K + nationality] as number) + count;
  b.fighters[id] = (b.fighters[id] as number) + count;
}
