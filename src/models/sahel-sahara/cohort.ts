/**
 * Tracing displaced fighters (MODEL.md §4, "destination shares of displaced foreign fighters"):
 * mark the bands standing in a country at one tick, then later ask where their foreign fighters
 * are — back in their own country ("home"), still there, or elsewhere, by country.
 */
import type { World } from './world.ts';

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
