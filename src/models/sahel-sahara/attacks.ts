/**
 * Phase 8 — attacks (MODEL.md §3.8). A band attacks with a chance that grows with its strength
 * and weapons; it picks a target among the places within raid range, weighing each by its value
 * to the group (jihadists prize strategic sites such as gas fields and mines) and by how weakly it
 * is defended. An attack is cross-border when the target lies in another country than the band's,
 * or the band crossed a border within the last N weeks (seed: the In Amenas attackers came from
 * northern Mali via northern Niger and southern Libya).
 */
import { haversineKm } from '../../geo/index.ts';
import { bandStrength, loseFighters } from './bands.ts';
import { KIND_JIHADIST, type World } from './world.ts';

export function attacksPhase(world: World): void {
  const t = world.tuning;
  const b = world.bands.columns;
  const C = world.countryCount;
  const places = world.places;
  const dza = world.countries.indexOf('DZA');
  const ner = world.countries.indexOf('NER');
  const lby = world.countries.indexOf('LBY');
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    const s = bandStrength(world, id);
    if (s <= 0) continue;
    const chance = t.attackRate * Math.min(1, s / 0.5) * (0.5 + (b.weapons[id] as number));
    const rng = world.draws.attacks.at(world.tick, b.key[id] as number);
    if (rng.float() >= chance) continue;
    const g = b.group[id] as number;
    const jihadist = world.groupKind[g] === KIND_JIHADIST;
    const cell = b.cell[id] as number;
    const lon = world.lon[cell] as number;
    const lat = world.lat[cell] as number;
    // Two passes over the places — weigh, then draw — so nothing is allocated.
    let total = 0;
    for (let p = 0; p < places.length; p++) total += targetWeight(world, places[p]!.cell, places[p]!.kind, places[p]!.strategic, jihadist, lon, lat, t.attackKm);
    if (total <= 0) continue;
    let u = rng.float() * total;
    let target = -1;
    for (let p = 0; p < places.length; p++) {
      u -= targetWeight(world, places[p]!.cell, places[p]!.kind, places[p]!.strategic, jihadist, lon, lat, t.attackKm);
      if (u <= 0) {
        target = p;
        break;
      }
    }
    if (target < 0) target = places.length - 1;
    const place = places[target]!;
    const tc = place.cell;
    const country = world.owner[tc] as number;
    const security = (world.presence[tc] as number) * (world.capacity[country] as number) + (world.external[tc] as number);
    const ratio = s / (s + security + 1e-9);
    world.presence[tc] = (world.presence[tc] as number) * (1 - 0.3 * ratio);
    const lost = rng.binomial(Math.round(b.fighters[id] as number), 0.05 * (1 - ratio));
    loseFighters(world, id, lost);
    world.tally.fightersKilled += lost;
    world.tally.soldiersKilled += rng.poisson(5 * ratio);
    world.tally.attacks++;
    world.tally.attacksByCountry[country] = (world.tally.attacksByCountry[country] as number) + 1;
    world.groupAttacks[g] = (world.groupAttacks[g] as number) + 1;
    if (place.strategic) world.tally.attacksStrategic++;
    const crossBorder = country !== (b.country[id] as number) || world.tick - (b.crossedAt[id] as number) <= t.crossBorderWeeks;
    if (crossBorder) world.tally.attacksCrossBorder++;
    if (country === dza && dza > 0) {
      const since = world.tick - t.crossBorderWeeks;
      if ((ner > 0 && (b.lastIn[id * C + ner] as number) >= since) || (lby > 0 && (b.lastIn[id * C + lby] as number) >= since)) {
        world.tally.attacksAlgeriaViaNigerLibya++;
      }
    }
  }
}

function targetWeight(
  world: World,
  cell: number,
  kind: string,
  strategic: boolean,
  jihadist: boolean,
  lon: number,
  lat: number,
  rangeKm: number,
): number {
  if (cell < 0 || kind === 'massif' || kind === 'capital') return 0;
  const d = haversineKm(lon, lat, world.lon[cell] as number, world.lat[cell] as number);
  if (d > rangeKm) return 0;
  const owner = world.owner[cell] as number;
  const security = (world.presence[cell] as number) * (world.capacity[owner] as number) + (world.external[cell] as number);
  const value = strategic ? (jihadist ? 4 : 0.5) : 1;
  return (value * (1 - d / rangeKm)) / (1 + 4 * security);
}
