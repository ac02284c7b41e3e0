/**
 * The balloon index (MODEL.md §4): after the decision date, how much of the fall in armed activity
 * in a framework's members reappears in the non-member states next door — pressure that merely
 * pushes groups across a border should not count as success.
 *
 * Armed activity of a country in a week = fighters on its soil + 100 per attack on it (an
 * estimate: an attack weighs like a 100-strong band for the week). The change of a set of
 * countries = mean weekly activity from the decision on − mean before it.
 *
 *   balloon = change in neighbours / −change in members      (when members' activity fell)
 *
 * 0: nothing moved next door; 1: pure displacement; above 1: next door got worse than the members
 * got better; negative: neighbours improved too. Undefined (NaN) without a decision date or when
 * members' activity did not fall.
 */
import { tickOfDate } from './calendar.ts';
import { PURSUIT_KM } from './create-world.ts';
import type { World } from './world.ts';

const ATTACK_WEIGHT = 100;

export interface BalloonTracker {
  readonly decisionTick: number;
  /**
   * Weekly activity summed by country, before the decision (`[c]`) and from it on (`[C + c]`).
   * Kept by country, not by role: roles depend on the option's frameworks, and a run forked at
   * the decision must carry the same tracker whatever option continues it.
   */
  readonly activity: Float64Array;
  readonly weeks: Float64Array; // [before, after]
  /** Fighters per country this week, scratch. */
  readonly fighters: Float64Array;
}

export function createBalloonTracker(world: World): BalloonTracker | undefined {
  const decision = world.params.decision;
  if (!decision) return undefined;
  const C = world.countryCount;
  return { decisionTick: tickOfDate(world.params.start, decision), activity: new Float64Array(2 * C), weeks: new Float64Array(2), fighters: new Float64Array(C) };
}

/**
 * 1 for members of the frameworks the decision introduces (or, when it introduces none, those in
 * force at the decision), 2 for core states within pursuit range of a member, 0 otherwise.
 */
function balloonRoles(world: World, decisionTick: number): Uint8Array {
  const C = world.countryCount;
  const role = new Uint8Array(C);
  const introduced = world.frameworks.filter((f) => f.fromTick >= decisionTick);
  const inForce = introduced.length > 0 ? introduced : world.frameworks.filter((f) => f.fromTick <= decisionTick);
  for (const f of inForce) for (let c = 1; c < C; c++) if (f.members[c] === 1) role[c] = 1;
  for (let c = 1; c < C; c++) {
    if (role[c] === 1 || world.isCoreState[c] !== 1) continue;
    for (let k = 0; k < world.landCells.length && role[c] === 0; k++) {
      const cell = world.landCells[k] as number;
      if (world.owner[cell] !== c) continue;
      for (let m = 1; m < C; m++) {
        if (role[m] === 1 && (world.homeKm[m * world.size + cell] as number) <= PURSUIT_KM) {
          role[c] = 2;
          break;
        }
      }
    }
  }
  return role;
}

/** Adds this week's activity (after the attacks phase, before the tally is reset). */
export function recordBalloon(world: World, tracker: BalloonTracker): void {
  const { activity, weeks, fighters } = tracker;
  const C = world.countryCount;
  fighters.fill(0);
  const b = world.bands.columns;
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    const c = world.owner[b.cell[id] as number] as number;
    fighters[c] = (fighters[c] as number) + (b.fighters[id] as number);
  }
  const after = world.tick >= tracker.decisionTick ? 1 : 0;
  for (let c = 1; c < C; c++) {
    const k = after * C + c;
    activity[k] = (activity[k] as number) + (fighters[c] as number) + ATTACK_WEIGHT * (world.tally.attacksByCountry[c] as number);
  }
  weeks[after] = (weeks[after] as number) + 1;
}

export function balloonIndex(world: World, tracker: BalloonTracker): { balloon: number; membersChange: number; neighboursChange: number } {
  const [wb, wa] = tracker.weeks as unknown as [number, number];
  if (wb === 0 || wa === 0) return { balloon: Number.NaN, membersChange: Number.NaN, neighboursChange: Number.NaN };
  const C = world.countryCount;
  const role = balloonRoles(world, tracker.decisionTick);
  // [before members, before neighbours, after members, after neighbours]
  const sums = [0, 0, 0, 0];
  for (let c = 1; c < C; c++) {
    const r = role[c] as number;
    if (r === 0) continue;
    sums[r - 1] = (sums[r - 1] as number) + (tracker.activity[c] as number);
    sums[r + 1] = (sums[r + 1] as number) + (tracker.activity[C + c] as number);
  }
  const [bm, bn, am, an] = sums as [number, number, number, number];
  const membersChange = am / wa - bm / wb;
  const neighboursChange = an / wa - bn / wb;
  return { balloon: membersChange < 0 ? neighboursChange / -membersChange : Number.NaN, membersChange, neighboursChange };
}
