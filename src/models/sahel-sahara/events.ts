/**
 * Phase 1 — events (MODEL.md §3.1, §5). Dated events change parameters and agents, never
 * outcomes: `set` edits the scenario tree (immer) and re-derives the policy arrays; `returnees`
 * adds armed bands, less the share the receiving state disarms (seed: Niger partly disarmed its
 * returnees and co-opted their leaders); `offensive` adds external forces over a region for some
 * weeks; `ransom` pays a group and has the political costs the seed describes.
 */
import { produce, type Draft } from 'immer';
import { combineKeys } from '../../engine/index.ts';
import { haversineKm } from '../../geo/index.ts';
import { addBand } from './bands.ts';
import { locate, type Location } from './geography.ts';
import type { EventParams, SahelSaharaParams } from './params.ts';
import { applyPolicy } from './policy.ts';
import { countryOf, groupIndex, type World } from './world.ts';

export function eventsPhase(world: World): void {
  while (world.nextEvent < world.events.length) {
    const next = world.events[world.nextEvent] as { tick: number; event: EventParams };
    if (next.tick > world.tick) break;
    applyEvent(world, next.event);
    world.nextEvent++;
  }
  // Offensives end on their own.
  for (let k = 0; k < world.offensives.length; k++) {
    if ((world.offensives[k] as { untilTick: number }).untilTick < world.tick) {
      world.offensives = world.offensives.filter((o) => o.untilTick >= world.tick);
      break;
    }
  }
}

type OffensiveEvent = Extract<EventParams, { type: 'offensive' }>;

/**
 * The cells an offensive reaches and its weight in each: full force at its places, half at the
 * edge of its radius. Memoised per event and grid object: runs of one scenario share its frozen
 * events, and the zone depends only on the event and the grid (a variant on another grid can
 * share the event object, so the grid is part of the key).
 */
type Zone = { cells: Int32Array; weights: Float32Array };
const zones = new WeakMap<OffensiveEvent, WeakMap<object, Zone>>();

function offensiveZone(world: World, event: OffensiveEvent): Zone {
  let byGrid = zones.get(event);
  if (!byGrid) zones.set(event, (byGrid = new WeakMap()));
  const cached = byGrid.get(world.spec);
  if (cached) return cached;
  const centres = event.at.map((a) => (typeof a === 'string' ? world.params.places[a]?.at : a) as readonly [number, number]);
  const cells: number[] = [];
  const weights: number[] = [];
  for (const c of world.landCells) {
    let best = Infinity;
    const lat = world.lat[c] as number;
    for (const [x, y] of centres) {
      // A degree of latitude is ~111 km: cells that far in latitude alone are out of reach.
      if (Math.abs(lat - y) * 111 > 2 * event.radiusKm) continue;
      best = Math.min(best, haversineKm(world.lon[c] as number, lat, x, y));
    }
    if (best <= event.radiusKm) {
      cells.push(c);
      weights.push(1 - 0.5 * (best / event.radiusKm));
    }
  }
  const zone = { cells: Int32Array.from(cells), weights: Float32Array.from(weights) };
  byGrid.set(world.spec, zone);
  return zone;
}

function setPath(draft: Draft<SahelSaharaParams>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = draft as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

/** The scenario tree after a `set` event: a pure function of the tree and the event. */
export function applySet(params: SahelSaharaParams, event: Extract<EventParams, { type: 'set' }>): SahelSaharaParams {
  return produce(params, (draft) => {
    for (const [path, value] of Object.entries(event.set)) setPath(draft, path, value);
  });
}

function applyEvent(world: World, event: EventParams): void {
  switch (event.type) {
    case 'set': {
      world.params = applySet(world.params, event);
      applyPolicy(world, world.params);
      world.strengthStale = true; // a tuning change can change what a band weighs
      return;
    }
    case 'returnees': {
      const g = groupIndex(world, event.group);
      const to = countryOf(world, event.to);
      const from = countryOf(world, event.from);
      // seed: the receiving state's disarmament and co-optation decides how many stay armed.
      const armed = event.fighters * (1 - (to > 0 ? (world.returneeDisarmament[to] as number) : 0));
      const cells = event.at.map((a) => locate(world.spec, world.raster, world.params.places, a as Location));
      const per = armed / cells.length;
      cells.forEach((cell, n) => {
        if (cell < 0 || per < 1) return;
        const key = combineKeys(combineKeys(combineKeys(combineKeys(2, world.tick), g), to), n);
        addBand(world, g, cell, per, event.weapons, { [event.to]: 1 }, world.tick, key);
        if (from > 0 && to > 0) {
          // Nationals of `to` leaving `from`: foreign to the country they leave, going home.
          const k = from * world.countryCount + to;
          world.crossings[k] = (world.crossings[k] as number) + per;
          world.foreignCrossings[k] = (world.foreignCrossings[k] as number) + per;
          world.homeCrossings[k] = (world.homeCrossings[k] as number) + per;
        }
      });
      world.bands.commit();
      world.strengthStale = true;
      return;
    }
    case 'offensive': {
      const zone = offensiveZone(world, event);
      world.offensives.push({
        cells: zone.cells,
        weights: zone.weights,
        strength: event.strength,
        untilTick: world.tick + event.weeks - 1,
        host: countryOf(world, event.host),
      });
      return;
    }
    case 'ransom': {
      const g = groupIndex(world, event.group);
      const via = event.via ? countryOf(world, event.via) : -1;
      payRansom(world, g, event.amount, via, event.release ?? []);
      return;
    }
  }
}

/**
 * A ransom paid to group `g`, negotiated through `via` (seed: ransoms negotiated with figures close
 * to Touré were a major source of discord between Algeria and Mali; prisoner releases made
 * Nouakchott and Algiers recall their ambassadors). Officials in `via` take a cut in proportion
 * to collusion; every other core state loses trust in `via` in proportion to its sovereignty
 * sensitivity, and doubly so when its own nationals are released.
 */
export function payRansom(world: World, g: number, amount: number, via: number, release: readonly string[]): void {
  const C = world.countryCount;
  world.tally.ransoms++;
  if (g >= 0) world.groupFunds[g] = (world.groupFunds[g] as number) + amount;
  if (via <= 0) return;
  const cut = 0.1 * amount * (world.collusion[via] as number);
  world.tally.revenueOfficials += cut;
  world.tally.officialsByCountry[via] = (world.tally.officialsByCountry[via] as number) + cut;
  for (let i = 1; i < C; i++) {
    if (i === via || world.isCoreState[i] !== 1) continue;
    const released = release.includes(world.countries[i] as string);
    const drop = (released ? 0.15 : 0.04) * (world.sovereignty[i] as number);
    world.trust[i * C + via] = Math.max(0, (world.trust[i * C + via] as number) - drop);
  }
  // Released members rejoin their group's strongest band.
  if (g >= 0 && release.length > 0) {
    const b = world.bands.columns;
    let best = -1;
    for (let k = 0; k < world.bands.count; k++) {
      const id = world.bands.ids[k] as number;
      if (b.group[id] === g && (best < 0 || (b.fighters[id] as number) > (b.fighters[best] as number))) best = id;
    }
    if (best >= 0) {
      for (const iso of release) {
        const n = world.nationalities.indexOf(iso);
        if (n >= 0) {
          const K = world.nationalities.length;
          b.nationals[best * K + n] = (b.nationals[best * K + n] as number) + 3;
          b.fighters[best] = (b.fighters[best] as number) + 3;
          world.strengthStale = true;
        }
      }
    }
  }
}
