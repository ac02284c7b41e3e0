/**
 * Phase 9 — control (MODEL.md §3.9). A cell is held by the strongest group when its strength
 * exceeds the state's presence (with external forces) by a margin; contested when a group that is
 * not its ally is at least half as strong; otherwise held by the state where it is present at
 * all, or by no one (the empty desert). A safe haven is a cell held by a group where the state has
 * no presence; its uninterrupted duration is counted in weeks.
 */
import { computeStrength } from './presence.ts';
import { CONTROL_CONTESTED, CONTROL_NONE, CONTROL_STATE, type World } from './world.ts';

/** Presence below which the state is absent. */
export const PRESENCE_FLOOR = 0.03;

export function controlPhase(world: World): void {
  computeStrength(world);
  const { size, strength, control, presence, external, alliance, havenWeeks } = world;
  const G = world.groups.length;
  const margin = world.tuning.controlMargin;
  const cells = world.landCells;
  const reached = world.reached;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k] as number;
    if (reached[c] === 0) {
      // No group has ever been here (footprint.ts).
      control[c] = (presence[c] as number) + (external[c] as number) > PRESENCE_FLOOR ? CONTROL_STATE : CONTROL_NONE;
      continue;
    }
    let best = -1;
    let bestStrength = 0;
    for (let g = 0; g < G; g++) {
      const s = strength[g * size + c] as number;
      if (s > bestStrength) {
        bestStrength = s;
        best = g;
      }
    }
    const security = (presence[c] as number) + (external[c] as number);
    let holder: number;
    if (best >= 0 && bestStrength > security + margin) {
      holder = best + 1;
      for (let g = 0; g < G; g++) {
        if (g !== best && (alliance[best * G + g] as number) < 0.5 && (strength[g * size + c] as number) >= 0.5 * bestStrength) {
          holder = CONTROL_CONTESTED;
        }
      }
    } else {
      holder = security > PRESENCE_FLOOR ? CONTROL_STATE : CONTROL_NONE;
    }
    control[c] = holder;
    const haven = holder > 0 && holder <= G && (presence[c] as number) < PRESENCE_FLOOR && (external[c] as number) === 0;
    havenWeeks[c] = haven ? (havenWeeks[c] as number) + 1 : 0;
  }
}
