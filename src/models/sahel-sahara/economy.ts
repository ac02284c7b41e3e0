/**
 * Phase 6 — economy (MODEL.md §3.6).
 *
 * Smuggling flows move along their routes; at each border, the states on both sides interdict a
 * share in proportion to border control × presence, less collusion, and more where the two share
 * intelligence; inside a country, patrols seize a little more where the state is present and
 * not colluding. Revenue accrues along the route to whoever controls each cell: a group's tax, or
 * officials' cuts where collusion is high, and there the protection the strongest local network
 * takes as well (seed: smuggling finances actors on all sides).
 * Subsidised fuel and food from Algeria and Libya relieve hardship in the cells they reach
 * (seed: Algeria is a lifeline for northern Mali). Groups pay their fighters; hostage-taking
 * bands may obtain ransoms, drawn from each external actor's ransom policy.
 */
import { loseFighters } from './bands.ts';
import { payRansom } from './events.ts';
import { CONTROL_STATE, type World } from './world.ts';

/** Share of a route's value a controlling group taxes over the whole route. */
const GROUP_TAX = 0.15;
/** Share officials take over the whole route at collusion 1. */
const OFFICIAL_CUT = 0.1;
/**
 * Share of a route's flow seized per cell by a fully present, non-colluding state away from the
 * borders (patrols and checkpoints) — an estimate; collusion lets the flow pass (seed: Touré's
 * northern allies profited from drug smuggling).
 */
const PATROL_SEIZURE = 0.01;
/** Weekly upkeep per fighter, k$ (an estimate: ~$20/week in pay and supplies). */
const UPKEEP = 0.02;

export function economyPhase(world: World): void {
  const C = world.countryCount;
  const { flow, relief, control } = world;
  flow.fill(0);
  relief.fill(0);
  for (const route of world.routes) {
    const cells = route.cells;
    const len = cells.length;
    if (len === 0) continue;
    let volume = route.volume;
    let previous = world.owner[cells[0] as number] as number;
    const subsidy = route.commodity === 'fuel-food' ? (world.subsidy[route.origin] as number) : 0;
    for (let k = 0; k < len; k++) {
      const c = cells[k] as number;
      const owner = world.owner[c] as number;
      if (owner !== previous) {
        const coop = Math.min(1, (world.sharing[owner * C + previous] as number) + (world.sharing[previous * C + owner] as number));
        const guard = (s: number) =>
          (world.borderControl[s] as number) * Math.min(1, world.presence[c] as number) * (1 - (world.collusion[s] as number));
        const interdicted = Math.min(0.9, (guard(owner) + guard(previous)) * (1 + coop));
        volume *= 1 - interdicted;
        previous = owner;
      }
      volume *= 1 - PATROL_SEIZURE * Math.min(1, world.presence[c] as number) * (1 - (world.collusion[owner] as number));
      flow[c] = (flow[c] as number) + volume;
      const value = (volume * route.value) / len;
      const holder = control[c] as number;
      if (holder > 0 && holder <= world.groups.length) {
        const g = holder - 1;
        world.groupFunds[g] = (world.groupFunds[g] as number) + GROUP_TAX * value;
        world.tally.revenueGroups += GROUP_TAX * value;
      } else if (holder === CONTROL_STATE) {
        const collusion = world.collusion[owner] as number;
        const cut = OFFICIAL_CUT * collusion * value;
        world.tally.revenueOfficials += cut;
        world.tally.officialsByCountry[owner] = (world.tally.officialsByCountry[owner] as number) + cut;
        // Where officials collude, the group whose network is strongest in the cell taxes the
        // traffic too, in proportion to its network (seed: Touré "was clearly reluctant to move
        // against AQIM and criminal networks in northern Mali, partly because his northern allies
        // were benefiting from drug smuggling"; smugglers are "prominent players on all sides").
        if (collusion > 0 && world.reached[c] === 1) protection(world, c, GROUP_TAX * collusion * value);
      }
      if (subsidy > 0) relief[c] = (relief[c] as number) + 0.3 * subsidy * (volume / route.volume);
    }
    world.tally.smugglingVolume += volume;
  }

  // Upkeep; a group that cannot pay loses fighters to desertion.
  const b = world.bands.columns;
  const G = world.groups.length;
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    const g = b.group[id] as number;
    world.groupFunds[g] = (world.groupFunds[g] as number) - UPKEEP * (b.fighters[id] as number);
  }
  for (let g = 0; g < G; g++) {
    if ((world.groupFunds[g] as number) >= 0) continue;
    world.groupFunds[g] = 0;
    for (let k = 0; k < world.bands.count; k++) {
      const id = world.bands.ids[k] as number;
      if (b.group[id] === g) loseFighters(world, id, 0.02 * (b.fighters[id] as number));
    }
  }
  ransoms(world);
}

/** The group with the strongest network in cell c takes `tax` × its network presence there. */
function protection(world: World, c: number, tax: number): void {
  const { network, size } = world;
  let best = -1;
  let strongest = 0;
  for (let g = 0; g < world.groups.length; g++) {
    const n = network[g * size + c] as number;
    if (n > strongest) {
      strongest = n;
      best = g;
    }
  }
  if (best < 0) return;
  world.groupFunds[best] = (world.groupFunds[best] as number) + tax * strongest;
  world.tally.revenueGroups += tax * strongest;
}

/** Hostage-taking bands obtain ransoms by policy draws of the external actors (MODEL.md §2). */
function ransoms(world: World): void {
  const b = world.bands.columns;
  const E = world.externals.length;
  if (E === 0) return;
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    const g = b.group[id] as number;
    const taking = world.groupHostageTaking[g] as number;
    if (taking <= 0 || (b.fighters[id] as number) < 20) continue;
    const rng = world.draws.economy.at(world.tick, b.key[id] as number);
    if (rng.float() >= taking) continue;
    const payer = rng.int(E);
    if (rng.float() >= (world.ransomPolicy[payer] as number)) continue;
    const via = b.country[id] as number;
    const release: string[] = [];
    if (rng.float() < (world.pressForReleases[payer] as number)) {
      // Released prisoners are members of the group: the largest foreign contingent (seed: two
      // Algerians and a Mauritanian released in 2010).
      const K = world.nationalities.length;
      let best = -1;
      for (let j = 0; j < K; j++) {
        if (world.nationalityCountry[j] === via) continue;
        if (best < 0 || (b.nationals[id * K + j] as number) > (b.nationals[id * K + best] as number)) best = j;
      }
      if (best >= 0) release.push(world.nationalities[best] as string);
    }
    payRansom(world, g, world.tuning.ransomAmount, via, release);
  }
}
