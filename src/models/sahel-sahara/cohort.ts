/**
 * Tracing displaced fighters (MODEL.md §4, "destination shares of displaced foreign fighters"):
 * mark the bands standing in a country at one tick, then later ask where their foreign fighters
 * are — back in their own country ("home"), still there, or elsewhere, by country. A run marks
 * the bands in the host of its first offensive when the offensive starts, and looks again
 * `DISPLACEMENT_WEEKS` later (or at the end of the run, if sooner).
 */
import type { Table } from '../../engine/index.ts';
import { tickOfDate } from './calendar.ts';
import type { World } from './world.ts';

export const DISPLACEMENT_WEEKS = 30;

export interface DisplacementTracker {
  readonly host: number;
  readonly markTick: number;
  destinations?: CohortDestinations;
}

/** A tracker for the scenario's first offensive, or undefined when it has none. */
export function createDisplacementTracker(world: World): DisplacementTracker | undefined {
  const first = world.params.events.find((e) => e.type === 'offensive');
  if (!first || first.type !== 'offensive') return undefined;
  return { host: world.countries.indexOf(first.host), markTick: tickOfDate(world.params.start, first.date) };
}

/** Marks the cohort at the offensive's tick and reads its destinations DISPLACEMENT_WEEKS later. */
export function trackDisplacement(world: World, tracker: DisplacementTracker): void {
  if (tracker.host <= 0) return;
  if (world.tick === tracker.markTick) markCohort(world, tracker.host);
  if (world.tick === tracker.markTick + DISPLACEMENT_WEEKS) tracker.destinations = cohortDestinations(world, tracker.host);
}

/** `origin,destination,foreign_fighters`: destination is `home`, `stayed` or a country code. */
export function displacementTable(world: World, tracker: DisplacementTracker): Table | undefined {
  if (tracker.host <= 0 || world.tick < tracker.markTick) return undefined;
  const d = tracker.destinations ?? cohortDestinations(world, tracker.host);
  const origin = world.countries[tracker.host] as string;
  const elsewhere = [...d.elsewhere.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    columns: ['origin', 'destination', 'foreign_fighters'],
    rows: [[origin, 'home', d.home], [origin, 'stayed', d.stayed], ...elsewhere.map(([iso, n]) => [origin, iso, n])],
  };
}

export function markCohort(world: World, country: number): void {
  const b = world.bands.columns;
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    b.cohort[id] = world.owner[b.cell[id] as number] === country ? 1 : 0;
  }
}

export interface CohortDestinations {
  /** Foreign fighters of the cohort now in their own nationality's country. */
  readonly home: number;
  /** Foreign fighters still in the country they were marked in. */
  readonly stayed: number;
  /** Foreign fighters elsewhere (not home), by country code. */
  readonly elsewhere: ReadonlyMap<string, number>;
}

export function cohortDestinations(world: World, country: number): CohortDestinations {
  const b = world.bands.columns;
  const K = world.nationalities.length;
  let home = 0;
  let stayed = 0;
  const elsewhere = new Map<string, number>();
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    if (b.cohort[id] !== 1) continue;
    const at = world.owner[b.cell[id] as number] as number;
    for (let j = 0; j < K; j++) {
      const nat = world.nationalityCountry[j] as number;
      const n = b.nationals[id * K + j] as number;
      if (nat === country || n <= 0) continue;
      if (at === nat) home += n;
      else if (at === country) stayed += n;
      else elsewhere.set(world.countries[at] as string, (elsewhere.get(world.countries[at] as string) ?? 0) + n);
    }
  }
  return { home, stayed, elsewhere };
}
